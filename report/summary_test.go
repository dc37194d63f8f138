package report

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

func TestSummarize(t *testing.T) {
	safe := rules.Fix{Safe: true}
	unsafe := rules.Fix{Safe: false}
	doc := document.ParseText("a.txt", []byte("Some text.\n"))
	results := []Result{
		{Doc: doc, Diagnostics: []rules.Diagnostic{
			{Severity: rules.Error, Fixes: []rules.Fix{safe}},
			{Severity: rules.Error, Fixes: []rules.Fix{unsafe, safe}}, // a safe fix among them: fixable
			{Severity: rules.Warning, Fixes: []rules.Fix{unsafe}},
			{Severity: rules.Info},
		}},
		{Doc: doc, Diagnostics: []rules.Diagnostic{
			{Severity: rules.Error, Fixes: []rules.Fix{unsafe}},
			{Severity: 0}, // unset counts as a warning
		}},
		{Doc: doc},
	}
	got := Summarize(results)
	want := Summary{Files: 3, Errors: 3, Warnings: 2, Infos: 1, Fixable: 2, FixableUnsafe: 2}
	if got != want {
		t.Errorf("Summarize = %+v, want %+v", got, want)
	}
	if got := Summarize(nil); got != (Summary{}) {
		t.Errorf("Summarize(nil) = %+v", got)
	}
}

func TestSummaryLine(t *testing.T) {
	for _, tc := range []struct {
		s      Summary
		unsafe bool
		want   string
	}{
		{Summary{Files: 3}, false, "no problems found in 3 files"},
		{Summary{Files: 1}, false, "no problems found in 1 file"},
		{Summary{}, false, "no problems found in 0 files"},
		{Summary{Files: 1, Errors: 1}, false, "1 error in 1 file"},
		{Summary{Files: 2, Errors: 3, Warnings: 2, Infos: 1, Fixable: 4, FixableUnsafe: 1}, false,
			"3 errors, 2 warnings, 1 info in 2 files (4 fixable with `copydesk fix`, 1 more with --unsafe)"},
		{Summary{Files: 2, Errors: 3, Warnings: 2, Infos: 1, Fixable: 4, FixableUnsafe: 1}, true,
			"3 errors, 2 warnings, 1 info in 2 files (5 fixable with `copydesk fix --unsafe`)"},
		{Summary{Files: 1, Warnings: 1, Infos: 2, Fixable: 1}, false, "1 warning, 2 infos in 1 file (1 fixable with `copydesk fix`)"},
		{Summary{Files: 4, Infos: 1, FixableUnsafe: 1}, false, "1 info in 4 files (1 fixable with `copydesk fix --unsafe`)"},
	} {
		if got := summaryLine(tc.s, tc.unsafe); got != tc.want {
			t.Errorf("summaryLine(%+v, %v) =\n  %s\nwant\n  %s", tc.s, tc.unsafe, got, tc.want)
		}
	}
}
