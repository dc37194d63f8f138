package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestStyleSeedStory checks the style family on the spun Reuters story: exactly the seed rows it owns.
func TestStyleSeedStory(t *testing.T) {
	src, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := document.ParseText("spun-reuters-blinken-wang.txt", src)
	want := []struct {
		rule, flagged string
		line          int
		fixedLine     string // the source line after the finding's fix
	}{
		{"house-style", "Kiev", 31, "though Kyiv counters that it is an imperialist land grab."},
		{"congressional", "Congressional", 33, "which center on congressional scrutiny. read more"},
		{"sign-off", "Written by", 39, "Additional reporting by Ryan Woo in Beijing; Writing by Ed Davies; Editing by"},
	}
	var got []Diagnostic
	for _, mk := range []func() Rule{newHouseStyle, newStyleConsistency, newCongressional, newSignOffForm, newEditorsNote} {
		r := mk()
		r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &got})
	}
	if len(got) != len(want) {
		for _, d := range got {
			t.Logf("%s line %d: %q %s", d.Rule, doc.Position(d.Start).Line, src[d.Start:d.End], d.Message)
		}
		t.Fatalf("got %d findings, want %d", len(got), len(want))
	}
	for i, w := range want {
		d := got[i]
		line := doc.Position(d.Start).Line
		if d.Rule != w.rule || string(src[d.Start:d.End]) != w.flagged || line != w.line {
			t.Errorf("finding %d: %s %q on line %d, want %s %q on line %d", i, d.Rule, src[d.Start:d.End], line, w.rule, w.flagged, w.line)
			continue
		}
		if len(d.Fixes) != 1 || !d.Fixes[0].Safe {
			t.Errorf("%s: want one safe fix, got %+v", d.Rule, d.Fixes)
			continue
		}
		fixed := document.ParseText("fixed.txt", []byte(applyFix(src, d.Fixes[0])))
		if l := fixed.Line(w.line); !strings.Contains(l, w.fixedLine) {
			t.Errorf("%s: line %d after the fix is %q, want it to contain %q", d.Rule, w.line, l, w.fixedLine)
		}
	}
}
