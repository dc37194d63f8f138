package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/copydesk/copydesk/report"
)

type ndjsonOut struct {
	ID          json.RawMessage         `json:"id"`
	Diagnostics []report.JSONDiagnostic `json:"diagnostics"`
	Blocking    bool                    `json:"blocking"`
	Error       string                  `json:"error"`
}

func runNDJSONInput(t *testing.T, input string, args ...string) ([]ndjsonOut, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"copydesk", "lint", "--ndjson"}, args...), strings.NewReader(input), &stdout, &stderr)
	var out []ndjsonOut
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var o ndjsonOut
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		out = append(out, o)
	}
	return out, stderr.String(), code
}

// Many stories linted in parallel come back in input order.
func TestNDJSONKeepsOrder(t *testing.T) {
	var in strings.Builder
	const n = 300
	for i := range n {
		body := "The talks ended."
		if i%3 == 0 {
			body = strings.Repeat("More copy here. ", i) + "The the talks ended."
		}
		fmt.Fprintf(&in, `{"id": %d, "body": %q}`+"\n", i, body)
		if i%50 == 0 {
			in.WriteString("\n   \n") // blank lines are skipped
		}
	}
	out, stderr, code := runNDJSONInput(t, in.String(), "--only", "repeated-word")
	if code != exitFindings || len(out) != n {
		t.Fatalf("exit %d, %d results; stderr %s", code, len(out), stderr)
	}
	for i, o := range out {
		if string(o.ID) != fmt.Sprint(i) || o.Blocking != (i%3 == 0) || len(o.Diagnostics) != map[bool]int{true: 1}[i%3 == 0] {
			t.Fatalf("result %d: %+v", i, o)
		}
	}
}

// Offsets count from the start of the body sent (or of the title, for a finding in it), in every
// format, whatever markup composes the title in.
func TestNDJSONOffsetsAreRelativeToTheField(t *testing.T) {
	body := "Élysée 🎉 — the the end.\n\nMore more."
	for _, format := range []string{"text", "markdown", "html", ""} {
		t.Run(format, func(t *testing.T) {
			req, _ := json.Marshal(map[string]string{"id": "x", "title": "Talks talks\nresume", "body": body, "format": format})
			out, stderr, code := runNDJSONInput(t, string(req)+"\n", "--only", "repeated-word")
			if code != exitFindings || len(out) != 1 || out[0].Error != "" {
				t.Fatalf("exit %d %+v %s", code, out, stderr)
			}
			ds := out[0].Diagnostics
			if len(ds) != 3 {
				t.Fatalf("want 3 diagnostics, got %+v", ds)
			}
			title := ds[0]
			if title.Field != "title" || title.Start.Offset != 0 || title.End.Offset != len("Talks talks") || title.Start.Line != 1 {
				t.Errorf("title diagnostic %+v", title)
			}
			the, more := ds[1], ds[2]
			wantStart := strings.Index(body, "the the")
			if the.Field != "body" || the.Start.Offset != wantStart || the.End.Offset != wantStart+len("the the") {
				t.Errorf("body diagnostic %+v", the)
			}
			prefix := body[:wantStart]
			if the.Start.Line != 1 || the.Start.Column != len([]rune(prefix))+1 ||
				the.Start.ColumnUTF16 != len(utf16.Encode([]rune(prefix)))+1 || the.Start.ColumnByte != len(prefix)+1 {
				t.Errorf("columns %+v for %q", the.Start, prefix)
			}
			e := the.Fixes[0].Edits[0]
			if got := body[:e.Start] + e.NewText + body[e.End:]; !strings.Contains(got, "— the end.") || strings.Contains(got, "the the") {
				t.Errorf("edit %+v gives %q", e, got)
			}
			if more.Start.Line != 3 || more.Start.Column != 1 || body[more.Start.Offset:more.End.Offset] != "More more" {
				t.Errorf("second paragraph %+v", more)
			}
		})
	}
}

func TestNDJSONErrorsDoNotStopTheStream(t *testing.T) {
	huge := `{"id": "huge", "body": "` + strings.Repeat("a", ndjsonMaxLine) + `"}`
	in := strings.Join([]string{
		`{"id": "a", "body": "The talks ended."}`,
		`not json`,
		`[1, 2]`,
		huge,
		`{"id": {"k": 1}, "body": "x", "format": "docx"}`,
		`{"id": "nul", "body": "a\u0000b"}`,
		`{"id": "z", "body": "The the end."}`,
	}, "\r\n")
	out, stderr, code := runNDJSONInput(t, in, "--only", "repeated-word")
	if code != exitUsage || len(out) != 7 {
		t.Fatalf("exit %d, %d results %+v; stderr %s", code, len(out), out, stderr)
	}
	wantErr := []string{"", "line 2: invalid JSON", "line 3: invalid JSON", "line 4: object over the 16 MiB limit", "line 5: format: unknown input format", "line 6: binary file", ""}
	for i, o := range out {
		if (wantErr[i] == "") != (o.Error == "") || !strings.HasPrefix(o.Error, wantErr[i]) {
			t.Errorf("result %d: error %q, want %q", i, o.Error, wantErr[i])
		}
		if o.Diagnostics == nil {
			t.Errorf("result %d: diagnostics is null", i)
		}
	}
	if string(out[4].ID) != `{"k":1}` || string(out[1].ID) != "null" {
		t.Errorf("ids %s %s", out[4].ID, out[1].ID)
	}
	if !out[6].Blocking || string(out[6].ID) != `"z"` {
		t.Errorf("last result %+v", out[6])
	}
}

func TestNDJSONFailOnAndExitZero(t *testing.T) {
	in := `{"id": 1, "body": "The the end."}` + "\n"
	if _, _, code := runNDJSONInput(t, in, "--only", "repeated-word", "--exit-zero"); code != exitClean {
		t.Errorf("--exit-zero: exit %d", code)
	}
	if _, stderr, code := runNDJSONInput(t, in, "story.txt"); code != exitUsage || !strings.Contains(stderr, "takes no paths") {
		t.Errorf("paths: exit %d %s", code, stderr)
	}
	if out, _, code := runNDJSONInput(t, "", "--only", "repeated-word"); code != exitClean || len(out) != 0 {
		t.Errorf("empty input: exit %d %+v", code, out)
	}
}
