package report

import "github.com/copydesk/copydesk/rules"

// Summary counts the findings of a run.
type Summary struct {
	Files    int `json:"files"` // files linted, clean ones included
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Fixable counts diagnostics that have a safe fix (applied by `copydesk fix`).
	Fixable int `json:"fixable"`
	// FixableUnsafe counts diagnostics whose only fixes are unsafe (applied with --unsafe); they are not
	// in Fixable.
	FixableUnsafe int `json:"fixable_unsafe"`
}

// Summarize counts the diagnostics of results by severity and by what `copydesk fix` can do about them.
func Summarize(results []Result) Summary {
	var s Summary
	for _, r := range results {
		s.Add(r)
	}
	return s
}

// Add counts one more file and its diagnostics.
func (s *Summary) Add(r Result) {
	s.Files++
	for _, d := range r.Diagnostics {
		switch severityOf(d.Severity) {
		case rules.Error:
			s.Errors++
		case rules.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
		switch {
		case d.Fixable(false):
			s.Fixable++
		case d.Fixable(true):
			s.FixableUnsafe++
		}
	}
}

// severityOf normalizes a severity for display and counting. An unset one (the engine always sets it, a
// hand-built diagnostic may not) is shown as a warning, so it is neither hidden nor made fatal.
func severityOf(s rules.Severity) rules.Severity {
	switch s {
	case rules.Info, rules.Warning, rules.Error:
		return s
	}
	return rules.Warning
}
