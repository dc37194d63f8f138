package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestSourceBrownPrecision measures the source rules on the Brown press files when COPYDESK_BROWN names
// the corpus directory: each file checked against itself (a faithful copy: any finding is false) and
// against the next file (an unrelated story: any rewording, fact or attribution finding means sentences
// were aligned that should not have been; quotes are "not found" there by design).
func TestSourceBrownPrecision(t *testing.T) {
	dir := os.Getenv("COPYDESK_BROWN")
	if dir == "" {
		t.Skip("set COPYDESK_BROWN to the Brown corpus directory to measure false positives")
	}
	var docs []*document.Document
	for _, g := range []string{"ca*", "cb*", "cc*"} {
		files, _ := filepath.Glob(filepath.Join(dir, g))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, document.ParseText(f, src))
		}
	}
	e, err := NewEngine(nil, sourceRuleIDs)
	if err != nil {
		t.Fatal(err)
	}
	self, other := map[string]int{}, map[string]int{}
	for i, d := range docs {
		for _, g := range e.Run(d, d) {
			self[g.Rule]++
			t.Logf("self %s: %s %s", d.Path, g.Rule, g.Message)
		}
		next := docs[(i+1)%len(docs)]
		for _, g := range e.Run(d, next) {
			if g.Rule != "quote-integrity" || g.Message != "quote not found in the sources" {
				other[g.Rule]++
				t.Logf("against %s, %s: %s %s %q", filepath.Base(next.Path), d.Path, g.Rule, g.Message, d.Source[g.Start:g.End])
			}
		}
	}
	t.Logf("%d files: against themselves %v; against another story %v", len(docs), self, other)
}
