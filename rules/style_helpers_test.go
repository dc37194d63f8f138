package rules

import (
	"sort"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// styleRun configures a fresh style rule with opts (when it takes options) and runs it over a plain-text
// story.
func styleRun(t *testing.T, mk func() Rule, opts Options, src string) (*document.Document, []Diagnostic) {
	t.Helper()
	r := mk()
	if c, ok := r.(Configurable); ok {
		if err := c.Configure(opts); err != nil {
			t.Fatalf("Configure(%v): %v", opts, err)
		}
	}
	doc := document.ParseText("story.txt", []byte(src))
	var diags []Diagnostic
	r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
	return doc, diags
}

// applyFix returns src with one fix's edits applied, last edit first so earlier offsets stay valid.
func applyFix(src []byte, f Fix) string {
	edits := append([]TextEdit(nil), f.Edits...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	out := string(src)
	for _, e := range edits {
		out = out[:e.Start] + e.NewText + out[e.End:]
	}
	return out
}

// styleCase is one story and the single finding a rule should report in it, or none when flagged is "".
type styleCase struct {
	name    string
	opts    Options
	src     string
	flagged string   // source text of the finding
	sev     Severity // expected severity; zero skips the check
	fixed   string   // the story after the first fix; "" when the finding has no fix
	safe    bool
}

func runStyleCases(t *testing.T, mk func() Rule, cases []styleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, diags := styleRun(t, mk, c.opts, c.src)
			if c.flagged == "" {
				for _, d := range diags {
					t.Errorf("unexpected finding %q: %s", doc.Source[d.Start:d.End], d.Message)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(diags), diags)
			}
			d := diags[0]
			if got := string(doc.Source[d.Start:d.End]); got != c.flagged {
				t.Errorf("flagged %q, want %q", got, c.flagged)
			}
			if c.sev != 0 && d.Severity != c.sev {
				t.Errorf("severity %v, want %v", d.Severity, c.sev)
			}
			if c.fixed == "" {
				if len(d.Fixes) != 0 {
					t.Errorf("unexpected fix %+v", d.Fixes)
				}
				return
			}
			if len(d.Fixes) == 0 {
				t.Fatalf("no fix; message %q", d.Message)
			}
			if got := applyFix(doc.Source, d.Fixes[0]); got != c.fixed {
				t.Errorf("fixed:\n got %q\nwant %q", got, c.fixed)
			}
			if d.Fixes[0].Safe != c.safe {
				t.Errorf("fix safe = %v, want %v", d.Fixes[0].Safe, c.safe)
			}
		})
	}
}
