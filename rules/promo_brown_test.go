package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestPromoBrownPrecision lints the Brown press files (edited news copy, so nearly every finding is a
// false positive) when COPYDESK_BROWN names the corpus directory, and logs each finding with counts per
// rule. The promo family's share of the project's false-positive budget is about 15 findings.
func TestPromoBrownPrecision(t *testing.T) {
	dir := os.Getenv("COPYDESK_BROWN")
	if dir == "" {
		t.Skip("set COPYDESK_BROWN to the Brown corpus directory to measure false positives")
	}
	var files []string
	for _, g := range strings.Fields(envOr("COPYDESK_BROWN_GLOBS", "ca* cb* cc*")) {
		m, _ := filepath.Glob(filepath.Join(dir, g))
		files = append(files, m...)
	}
	counts := map[string]int{}
	words := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words += len(strings.Fields(string(src)))
		doc := document.ParseText(f, src)
		for _, r := range []Rule{newPromoText(), newLinkResidue(), newBoilerplateLine()} {
			var diags []Diagnostic
			r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
			for _, d := range diags {
				if d.Severity >= Warning {
					counts[d.Rule]++
				}
				t.Logf("%s:%d %s %s: %s", filepath.Base(f), doc.Position(d.Start).Line, d.Rule, d.Severity, d.Message)
			}
		}
	}
	t.Logf("%d files, %d words, warnings and errors per rule: %v", len(files), words, counts)
	if total := counts["promo-text"] + counts["link-residue"] + counts["boilerplate-line"]; total > 15 {
		t.Errorf("%d promo findings on edited news copy; the family's budget is 15", total)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
