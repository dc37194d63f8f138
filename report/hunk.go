package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/rules"
)

const (
	// hunkGap is how many source bytes may separate two edits of one fix for them to show as one hunk;
	// edits further apart get their own, so a long paragraph between them is not printed.
	hunkGap = 40
	// hunkContext bounds the context shown on each side of an edit, in bytes.
	hunkContext = 30
)

// hunk is the old and new text around a group of nearby edits, line by line.
type hunk struct{ old, new []string }

// hunks renders a fix's edits as small before/after excerpts: each group of nearby edits is applied to
// the source around it, with a word of context on either side so the change reads in place. Edits that
// are out of range or overlap an earlier one are left out rather than trusted.
func hunks(src []byte, edits []rules.TextEdit, budget int) []hunk {
	es := make([]rules.TextEdit, 0, len(edits))
	for _, e := range edits {
		e.Start = max(0, min(e.Start, len(src)))
		e.End = max(e.Start, min(e.End, len(src)))
		es = append(es, e)
	}
	slices.SortStableFunc(es, func(a, b rules.TextEdit) int { return a.Start - b.Start })
	var out []hunk
	for i := 0; i < len(es); {
		group := []rules.TextEdit{es[i]}
		j := i + 1
		for ; j < len(es) && es[j].Start-group[len(group)-1].End <= hunkGap; j++ {
			if es[j].Start >= group[len(group)-1].End {
				group = append(group, es[j])
			}
		}
		i = j
		a, b := contextLeft(src, group[0].Start), contextRight(src, group[len(group)-1].End)
		var nb strings.Builder
		nb.Write(src[a:group[0].Start])
		for k, e := range group {
			nb.WriteString(e.NewText)
			next := b
			if k+1 < len(group) {
				next = group[k+1].Start
			}
			nb.Write(src[e.End:next])
		}
		out = append(out, hunk{old: hunkLines(string(src[a:b]), budget), new: hunkLines(nb.String(), budget)})
	}
	return out
}

// hunkLines splits text into printable lines.
func hunkLines(text string, budget int) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = fitWidth(sanitize(strings.TrimSuffix(l, "\r")), budget)
	}
	return lines
}

func isBlankByte(c byte) bool { return c == ' ' || c == '\t' }
func isLineEnd(c byte) bool   { return c == '\n' || c == '\r' }

// contextLeft steps back from off over the rest of the word it is in, the blanks before it and one more
// word, without leaving the line.
func contextLeft(src []byte, off int) int {
	lo := max(0, off-hunkContext)
	i := off
	back := func(word bool) {
		for i > lo && !isLineEnd(src[i-1]) && isBlankByte(src[i-1]) != word {
			i--
		}
	}
	back(true)
	back(false)
	back(true)
	for i < off && !utf8.RuneStart(src[i]) {
		i++
	}
	return i
}

// contextRight is contextLeft going forward.
func contextRight(src []byte, off int) int {
	hi := min(len(src), off+hunkContext)
	i := off
	fwd := func(word bool) {
		for i < hi && !isLineEnd(src[i]) && isBlankByte(src[i]) != word {
			i++
		}
	}
	fwd(true)
	fwd(false)
	fwd(true)
	for i > off && i < len(src) && !utf8.RuneStart(src[i]) {
		i--
	}
	return i
}
