package report

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"
)

func TestRDJSONL(t *testing.T) {
	got := render(t, "rdjsonl", Options{}, allResults(t))
	type pos struct{ Line, Column int }
	type rng struct{ Start, End pos }
	type diagnostic struct {
		Message  string
		Location struct {
			Path  string
			Range rng
		}
		Severity    string
		Source      struct{ Name string }
		Code        struct{ Value string }
		Suggestions []struct {
			Range rng
			Text  *string
		}
	}
	var ds []diagnostic
	sc := bufio.NewScanner(strings.NewReader(got))
	for sc.Scan() {
		var d diagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		ds = append(ds, d)
	}
	if len(ds) != 7 {
		t.Fatalf("want 7 lines, got %d:\n%s", len(ds), got)
	}
	the := ds[0]
	// "the the" on line 3 sits after "PARIS (Reuters) — Café owners in ": 36 bytes (the dash is 3, é 2).
	line3 := "PARIS (Reuters) — Café owners in "
	if len(line3) != 36 {
		t.Fatal("fixture changed")
	}
	if the.Message != `"the" is written twice` || the.Location.Path != "testdata/story.txt" || the.Severity != "ERROR" ||
		the.Source.Name != "copydesk" || the.Code.Value != "repeated-word" ||
		the.Location.Range != (rng{pos{3, 37}, pos{3, 44}}) {
		t.Errorf("first diagnostic %+v", the)
	}
	// The safe fix deletes the second " the": bytes 40..44 of the line, 1-based and end-exclusive.
	if len(the.Suggestions) != 1 || the.Suggestions[0].Range != (rng{pos{3, 40}, pos{3, 44}}) || the.Suggestions[0].Text == nil || *the.Suggestions[0].Text != "" {
		t.Errorf("suggestions %+v", the.Suggestions)
	}
	sev := map[string]int{}
	for _, d := range ds {
		sev[d.Severity]++
	}
	if sev["ERROR"] != 4 || sev["WARNING"] != 2 || sev["INFO"] != 1 {
		t.Errorf("severities %v", sev)
	}
	// Unsafe fixes are suggestions only when asked for.
	if n := len(ds[3].Suggestions); n != 0 {
		t.Errorf("unsafe fix offered without --unsafe: %+v", ds[3].Suggestions)
	}
	unsafe := render(t, "rdjsonl", Options{Unsafe: true}, allResults(t))
	if !strings.Contains(unsafe, `"text":"concurred"`) {
		t.Errorf("with Unsafe, the unsafe fix is missing:\n%s", unsafe)
	}
}
