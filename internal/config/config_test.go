package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/rules"
)

func TestParseSettings(t *testing.T) {
	c, err := Parse("c.yaml", []byte("fail-on: warning\nrules:\n  repeated-word:\n    severity: info\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != rules.Warning || c.Rules["repeated-word"].Severity != rules.Info {
		t.Fatalf("got %+v", c)
	}
	c, err = Parse("c.yaml", []byte("rules:\n  repeated-word: off\n"))
	if err != nil || !c.Rules["repeated-word"].Disabled {
		t.Fatalf("off: %+v, %v", c, err)
	}
	c, err = Parse("c.yaml", []byte(""))
	if err != nil || len(c.Rules) != 0 {
		t.Fatalf("empty file: %+v, %v", c, err)
	}
}

func TestParseErrorsNamePosition(t *testing.T) {
	cases := map[string]string{
		"rules:\n  nope: off\n":                           "c.yaml:2:3: unknown rule \"nope\"",
		"colour: red\n":                                   "c.yaml:1:1: unknown key \"colour\"",
		"fail-on: sometimes\n":                            "c.yaml:1:10: fail-on",
		"rules:\n  repeated-word: loud\n":                 "c.yaml:2:18: want off, on",
		"rules:\n  repeated-word:\n    severity: [1]\n":   "c.yaml:3:15: severity",
		"rules:\n  repeated-word:\n    options: {a: 1}\n": "takes no options",
		"rules: [a, b]\n":                                 "c.yaml:1:8: rules: want a mapping",
		"rules:\n  repeated-word:\n    enabled: maybe\n":  "c.yaml:3:14: enabled",
		"rules:\n  repeated-word: {\n":                    "c.yaml: invalid YAML",
		"- just\n- a list\n":                              "c.yaml:1:1: want a mapping",
		"rules:\n  repeated-word:\n    colour: red\n":     "c.yaml:3:5: unknown key \"colour\"",
	}
	for in, want := range cases {
		_, err := Parse("c.yaml", []byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", in, err, want)
		}
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("found %q before one was written", got)
	}
	want := filepath.Join(root, "a", ".copydesk.yml")
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != want {
		t.Fatalf("Find = %q, want %q", got, want)
	}
}
