// Package fix chooses which suggested edits to apply, applies them to a source, and writes the result back
// without ever leaving a half-written or stale file behind.
package fix

import (
	"sort"

	"github.com/copydesk/copydesk/rules"
)

// Select picks the edits to apply: for each diagnostic its first fix that the trust level allows, taking
// the fixes in source order and skipping any that would overlap one already taken. Two fixes that touch the
// same bytes are never both applied; the skipped one shows up again on the next run.
func Select(diags []rules.Diagnostic, unsafe bool) []rules.TextEdit {
	var fixes []rules.Fix
	for _, d := range diags {
		for _, f := range d.Fixes {
			if (f.Safe || unsafe) && len(f.Edits) > 0 {
				fixes = append(fixes, f)
				break
			}
		}
	}
	sort.SliceStable(fixes, func(i, j int) bool { return firstStart(fixes[i]) < firstStart(fixes[j]) })
	var taken []rules.TextEdit
	for _, f := range fixes {
		if !overlapsAny(f.Edits, taken) {
			taken = append(taken, f.Edits...)
		}
	}
	sort.SliceStable(taken, func(i, j int) bool { return taken[i].Start < taken[j].Start })
	return taken
}

func firstStart(f rules.Fix) int {
	s := f.Edits[0].Start
	for _, e := range f.Edits {
		s = min(s, e.Start)
	}
	return s
}

// overlaps reports whether two edits touch the same bytes. An insertion (an empty edit) also conflicts
// with an edit that begins or ends at its point, since the order of the two would be arbitrary.
func overlaps(a, b rules.TextEdit) bool {
	if a.Start == a.End || b.Start == b.End {
		return a.Start <= b.End && b.Start <= a.End
	}
	return a.Start < b.End && b.Start < a.End
}

func overlapsAny(edits, taken []rules.TextEdit) bool {
	for i, e := range edits {
		for _, t := range taken {
			if overlaps(e, t) {
				return true
			}
		}
		for _, o := range edits[i+1:] {
			if overlaps(e, o) {
				return true
			}
		}
	}
	return false
}
