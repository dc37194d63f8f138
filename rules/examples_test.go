package rules_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// TestExplainExamples keeps every rule's documented example honest: `copydesk explain` shows Bad and
// Good, so the rule must flag Bad and pass Good. Rules that need a source document are given Good as it.
func TestExplainExamples(t *testing.T) {
	for _, r := range rules.Builtin() {
		m := r.Meta()
		if m.Bad == "" || m.Good == "" {
			t.Errorf("%s: no Bad/Good example for `copydesk explain`", m.ID)
			continue
		}
		t.Run(m.ID, func(t *testing.T) {
			e, err := rules.NewEngine(nil, []string{m.ID})
			if err != nil {
				t.Fatal(err)
			}
			var sources []*document.Document
			if m.Category == "source" {
				sources = append(sources, document.ParseText("source.txt", []byte(m.Good+"\n")))
			}
			if diags := e.Run(document.ParseText("bad.txt", []byte(m.Bad+"\n")), sources...); len(diags) == 0 {
				t.Errorf("Bad example not flagged: %q", m.Bad)
			}
			if diags := e.Run(document.ParseText("good.txt", []byte(m.Good+"\n")), sources...); len(diags) != 0 {
				t.Errorf("Good example flagged: %q: %s", m.Good, diags[0].Message)
			}
		})
	}
}
