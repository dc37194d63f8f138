package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestTitlesBrownPrecision lints the Brown press files (edited news copy, so nearly every finding is a
// false positive) when COPYDESK_BROWN names the corpus directory, and logs each finding with counts per
// rule. The titles family's share of the project's budget is about 15 warnings and errors.
func TestTitlesBrownPrecision(t *testing.T) {
	dir := os.Getenv("COPYDESK_BROWN")
	if dir == "" {
		t.Skip("set COPYDESK_BROWN to the Brown corpus directory to measure false positives")
	}
	var files []string
	for _, g := range strings.Fields(envOr("COPYDESK_BROWN_GLOBS", "ca* cb* cc*")) {
		m, _ := filepath.Glob(filepath.Join(dir, g))
		files = append(files, m...)
	}
	counts, total := map[string]int{}, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.ParseText(f, src)
		for _, d := range runTitleRules(doc) {
			counts[d.Rule+" "+d.Severity.String()]++
			if d.Severity >= Warning {
				total++
			}
			t.Logf("%s:%d %s %s %q: %s", filepath.Base(f), doc.Position(d.Start).Line, d.Rule, d.Severity, src[d.Start:d.End], d.Message)
		}
	}
	t.Logf("%d files, findings per rule and severity: %v", len(files), counts)
	if total > 15 {
		t.Errorf("%d titles warnings and errors on edited news copy; the family's budget is 15", total)
	}
}
