package lint

import (
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/fix"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

// maxFixRounds bounds the lint-and-fix loop; fixes that keep undoing each other stop here.
const maxFixRounds = 10

// Fixed is the outcome of fixing one input.
type Fixed struct {
	Data    []byte         // the fixed bytes (the input itself when nothing applied)
	Applied int            // edits applied over all rounds
	Result  report.Result  // the diagnostics that remain in Data
	FailOn  rules.Severity // the failing level the configuration sets, or zero
}

// Fix lints data and applies the fixes the trust level allows, then lints the result again, until no fix
// applies. Overlapping fixes are taken one per round, so the outcome is a fixed point: fixing it again
// changes nothing.
func (l *Linter) Fix(path, name string, f document.Format, data []byte, unsafe bool) (Fixed, error) {
	res, failOn, err := l.Lint(path, name, f, data)
	if err != nil {
		return Fixed{Data: data}, err
	}
	return l.FixFrom(path, name, f, data, res, failOn, unsafe)
}

// FixFrom is Fix for input that has been linted already: it starts from that result (res, failOn) rather
// than linting data a second time.
func (l *Linter) FixFrom(path, name string, f document.Format, data []byte, res report.Result, failOn rules.Severity, unsafe bool) (Fixed, error) {
	out := Fixed{Data: data, Result: res, FailOn: failOn}
	for round := 0; ; round++ {
		edits := fix.Select(out.Result.Diagnostics, unsafe)
		if len(edits) == 0 || round == maxFixRounds {
			return out, nil
		}
		var err error
		if out.Data, err = fix.Apply(out.Data, edits); err != nil {
			return out, err
		}
		out.Applied += len(edits)
		if out.Result, out.FailOn, err = l.Lint(path, name, f, out.Data); err != nil {
			return out, err
		}
	}
}
