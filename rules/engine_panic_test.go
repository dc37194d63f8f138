package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// panicRule is a deliberately broken rule: it panics on any document that mentions "boom".
type panicRule struct{}

func (panicRule) Meta() Meta {
	return Meta{ID: "test-panic", Category: "test", Severity: Error, Summary: "panics on boom"}
}

func (panicRule) Check(p *Pass) {
	if strings.Contains(p.Doc.Text, "boom") {
		spans := []document.Span{}
		_ = p.Doc.Text[spans[0].Start:] // index out of range: a runtime panic, as a real bug would be
	}
}

func TestEngineContainsAPanickingRule(t *testing.T) {
	base, err := NewEngine(nil, []string{"repeated-word"})
	if err != nil {
		t.Fatal(err)
	}
	e := base.With(panicRule{})
	if n := len(base.Rules()); n != 1 {
		t.Fatalf("With changed the engine it was called on: %d rules", n)
	}
	bad := document.ParseText("bad.txt", []byte("Head\n\nThe the boom.\n"))
	diags, err := e.Check(bad)
	var rp *RulePanic
	if !errors.As(err, &rp) || rp.Rule != "test-panic" || diags != nil {
		t.Fatalf("Check: got %v, %v; want a RulePanic naming test-panic", diags, err)
	}
	if !strings.Contains(err.Error(), "rule test-panic crashed") || !strings.Contains(string(rp.Stack), "panicRule.Check") {
		t.Fatalf("error %q, stack %s", err, rp.Stack)
	}
	// The engine goes on working for the next document.
	good := document.ParseText("good.txt", []byte("Head\n\nThe the end.\n"))
	if diags, err := e.Check(good); err != nil || len(diags) != 1 {
		t.Fatalf("after a panic: %v, %v", diags, err)
	}
	// Run keeps its contract: it panics, with the RulePanic.
	defer func() {
		if v, _ := recover().(*RulePanic); v == nil || v.Rule != "test-panic" {
			t.Fatalf("Run recovered %v", v)
		}
	}()
	e.Run(bad)
}
