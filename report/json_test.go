package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// The wire format, declared independently of json.go so a change to the schema fails here.
type wirePos struct {
	Offset      int `json:"offset"`
	Line        int `json:"line"`
	Column      int `json:"column"`
	ColumnUTF16 int `json:"column_utf16"`
	ColumnByte  int `json:"column_byte"`
}

type wireReport struct {
	Version int `json:"version"`
	Files   []struct {
		Path        string `json:"path"`
		Format      string `json:"format"`
		Diagnostics []struct {
			Rule     string  `json:"rule"`
			Category string  `json:"category"`
			Severity string  `json:"severity"`
			Message  string  `json:"message"`
			Start    wirePos `json:"start"`
			End      wirePos `json:"end"`
			Fixes    []struct {
				Message string `json:"message"`
				Safe    bool   `json:"safe"`
				Edits   []struct {
					Start   int    `json:"start"`
					End     int    `json:"end"`
					NewText string `json:"new_text"`
				} `json:"edits"`
			} `json:"fixes"`
			Related []struct {
				Start   wirePos `json:"start"`
				End     wirePos `json:"end"`
				Message string  `json:"message"`
			} `json:"related"`
		} `json:"diagnostics"`
	} `json:"files"`
	Summary map[string]int `json:"summary"`
}

func decode(t *testing.T, out string) wireReport {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var rep wireReport
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	return rep
}

func TestJSONRoundTrip(t *testing.T) {
	results := allResults(t)
	out := render(t, "json", Options{}, results)
	if !strings.HasSuffix(out, "}\n") || strings.Count(out, "\n") != 1 {
		t.Errorf("want one JSON object and a trailing newline, got %q", out[max(0, len(out)-20):])
	}
	if again := render(t, "json", Options{}, results); again != out {
		t.Error("JSON output is not deterministic")
	}
	rep := decode(t, out)
	if rep.Version != 1 || len(rep.Files) != 3 {
		t.Fatalf("version %d, %d files", rep.Version, len(rep.Files))
	}
	f := rep.Files[0]
	if f.Path != "testdata/story.txt" || f.Format != "text" || len(f.Diagnostics) != 6 {
		t.Fatalf("file 0: %s %s with %d diagnostics", f.Path, f.Format, len(f.Diagnostics))
	}

	// The emoji line: "The party 🎉 🎉 started ...", line 6. Before the span are 10 characters of ASCII;
	// the span "🎉 🎉" is 3 characters, 5 UTF-16 units (each emoji is a surrogate pair) and 9 bytes.
	d := f.Diagnostics[5]
	start := strings.Index(story, "🎉")
	wantStart := wirePos{Offset: start, Line: 6, Column: 11, ColumnUTF16: 11, ColumnByte: 11}
	wantEnd := wirePos{Offset: start + 9, Line: 6, Column: 14, ColumnUTF16: 16, ColumnByte: 20}
	if d.Start != wantStart || d.End != wantEnd {
		t.Errorf("emoji span: start %+v end %+v, want %+v %+v", d.Start, d.End, wantStart, wantEnd)
	}
	if d.Rule != "repeated-word" || d.Category != "test" || d.Severity != "error" || d.Message != `"🎉" is written twice` {
		t.Errorf("emoji diagnostic: %+v", d)
	}
	if len(d.Fixes) != 1 || d.Fixes[0].Safe || len(d.Fixes[0].Edits) != 1 {
		t.Fatalf("emoji fixes: %+v", d.Fixes)
	}
	e := d.Fixes[0].Edits[0]
	if story[e.Start:e.End] != " 🎉" || e.NewText != "" {
		t.Errorf("edit [%d,%d) covers %q, want the second emoji in byte offsets", e.Start, e.End, story[e.Start:e.End])
	}

	// Line 3 has an em dash (3 bytes) and "é" (2 bytes) before the span: 33 characters, 36 bytes.
	tt := f.Diagnostics[0]
	if tt.Start.Line != 3 || tt.Start.Column != 34 || tt.Start.ColumnUTF16 != 34 || tt.Start.ColumnByte != 37 {
		t.Errorf("\"the the\" start: %+v", tt.Start)
	}
	// A span across a CRLF ends on the next line.
	if mb := f.Diagnostics[2]; mb.Start.Line != 3 || mb.End.Line != 4 || mb.End.Column != 12 {
		t.Errorf("multi-line span: %+v - %+v", mb.Start, mb.End)
	}
	rel := f.Diagnostics[3].Related
	if len(rel) != 1 || rel[0].Start.Line != 1 || rel[0].End.Column != 5 || rel[0].End.ColumnByte != 6 {
		t.Errorf("related: %+v", rel)
	}
	// Severities and empty arrays.
	var sevs []string
	for _, d := range f.Diagnostics {
		sevs = append(sevs, d.Severity)
	}
	if got := strings.Join(sevs, " "); got != "error error warning info warning error" {
		t.Errorf("severities: %s", got)
	}
	if !strings.Contains(out, `"path":"testdata/clean.txt","format":"text","diagnostics":[]`) ||
		!strings.Contains(out, `"related":[]`) {
		t.Error("empty lists must be [] rather than null or missing")
	}
	want := map[string]int{"files": 3, "errors": 4, "warnings": 2, "infos": 1, "fixable": 3, "fixable_unsafe": 4}
	for k, v := range want {
		if rep.Summary[k] != v {
			t.Errorf("summary %s = %d, want %d (%v)", k, rep.Summary[k], v, rep.Summary)
		}
	}
}

func TestJSONFormatName(t *testing.T) {
	doc := document.ParseText("a.md", []byte("Title\n\nSome *text*.\n"))
	doc.Format = document.Markdown // the parser is not under test
	out := render(t, "json", Options{}, []Result{{Doc: doc, Diagnostics: []rules.Diagnostic{{Rule: "x", Severity: rules.Info, Start: 11, End: 15}}}})
	rep := decode(t, out)
	if rep.Files[0].Format != "markdown" || rep.Files[0].Diagnostics[0].Severity != "info" {
		t.Errorf("got %+v", rep.Files[0])
	}
}
