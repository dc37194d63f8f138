package rules

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestEngineSeverityOverrideAndDisable(t *testing.T) {
	doc := document.ParseText("s.txt", []byte("Head\n\nThe the end.\n"))
	e, err := NewEngine(map[string]Setting{"repeated-word": {Severity: Info}}, []string{"repeated-word"})
	if err != nil {
		t.Fatal(err)
	}
	diags := e.Run(doc)
	if len(diags) != 1 || diags[0].Severity != Info || diags[0].Rule != "repeated-word" {
		t.Fatalf("got %+v", diags)
	}
	if got := string(doc.Source[diags[0].Start:diags[0].End]); got != "The the" {
		t.Fatalf("span %q", got)
	}
	e, _ = NewEngine(map[string]Setting{"repeated-word": {Disabled: true}}, nil)
	for _, d := range e.Run(doc) {
		if d.Rule == "repeated-word" {
			t.Fatalf("disabled rule ran: %+v", d)
		}
	}
}

func TestEngineRejectsUnknownRulesAndOptions(t *testing.T) {
	if _, err := NewEngine(map[string]Setting{"nope": {}}, nil); err == nil || !strings.Contains(err.Error(), `unknown rule "nope"`) {
		t.Fatalf("unknown setting: %v", err)
	}
	if _, err := NewEngine(nil, []string{"nope"}); err == nil {
		t.Fatal("unknown --only rule accepted")
	}
	if _, err := NewEngine(map[string]Setting{"repeated-word": {Options: Options{"x": 1}}}, nil); err == nil {
		t.Fatal("options for a rule that takes none accepted")
	}
}

func TestEngineDirectives(t *testing.T) {
	src := "# Head\n\n<!-- copydesk-disable-next-line repeated-word -->\nThe the one.\n\n" +
		"<!-- copydesk-disable -->\nThe the two.\n<!-- copydesk-enable -->\n\nThe the three.\n\n" +
		"<!-- copydesk-disable-next-line other-rule -->\nThe the four.\n"
	doc := document.Parse("s.md", document.Markdown, []byte(src))
	e, err := NewEngine(nil, []string{"repeated-word"})
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, d := range e.Run(doc) {
		lines = append(lines, doc.Position(d.Start).Line)
	}
	if len(lines) != 2 || lines[0] != 10 || lines[1] != 13 {
		t.Fatalf("reported on lines %v, want [10 13]", lines)
	}
}

func TestBuiltinRulesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Builtin() {
		m := r.Meta()
		if m.ID == "" || m.Category == "" || m.Summary == "" || m.Doc == "" || m.Severity == 0 {
			t.Errorf("rule %q has incomplete metadata: %+v", m.ID, m)
		}
		if seen[m.ID] {
			t.Errorf("rule id %q registered twice", m.ID)
		}
		seen[m.ID] = true
		if _, err := Lookup(m.ID); err != nil {
			t.Errorf("Lookup(%q): %v", m.ID, err)
		}
	}
}
