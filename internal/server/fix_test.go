package server

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// applyUnified applies a unified diff of one file to old, checking every context and removed line, as
// `patch` would.
func applyUnified(t *testing.T, old, diff string) string {
	t.Helper()
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 3 || lines[0] != "--- a/body\n" || lines[1] != "+++ b/body\n" {
		t.Fatalf("diff headers: %q", diff)
	}
	oldLines := strings.SplitAfter(old, "\n")
	if oldLines[len(oldLines)-1] == "" {
		oldLines = oldLines[:len(oldLines)-1]
	}
	var out strings.Builder
	pos := 0
	for i := 2; i < len(lines) && lines[i] != ""; {
		var from, count int
		header := strings.TrimSuffix(lines[i], "\n")
		oldRange, _, ok := strings.Cut(strings.TrimPrefix(header, "@@ -"), " ")
		if !ok || !strings.HasPrefix(header, "@@ -") {
			t.Fatalf("bad hunk header %q", header)
		}
		f, c, hasCount := strings.Cut(oldRange, ",")
		from, _ = strconv.Atoi(f)
		count = 1
		if hasCount {
			count, _ = strconv.Atoi(c)
		}
		start := from - 1
		if count == 0 {
			start = from
		}
		for ; pos < start; pos++ {
			out.WriteString(oldLines[pos])
		}
		for i++; i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@"); i++ {
			kind, text := lines[i][0], lines[i][1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch kind {
			case ' ', '-':
				if pos >= len(oldLines) || oldLines[pos] != text {
					t.Fatalf("diff does not apply: line %d is not %q", pos+1, text)
				}
				if kind == ' ' {
					out.WriteString(text)
				}
				pos++
			case '+':
				out.WriteString(text)
			default:
				t.Fatalf("bad diff line %q", lines[i])
			}
		}
	}
	for ; pos < len(oldLines); pos++ {
		out.WriteString(oldLines[pos])
	}
	return out.String()
}

func TestFixTitleBodyAndDiff(t *testing.T) {
	ts := start(t, Options{})
	for _, c := range []struct{ format, body, want string }{
		{"text",
			"Ministers met on Monday.\n\nHe said the the talks were were useful.\n\nMore to follow.\n",
			"Ministers met on Monday.\n\nHe said the talks were useful.\n\nMore to follow.\n"},
		{"markdown",
			"Ministers met on *Monday*.\n\n> He said the the talks 🎉 were were useful.\n\nMore to follow.",
			"Ministers met on *Monday*.\n\n> He said the talks 🎉 were useful.\n\nMore to follow."},
		{"html",
			"<p>Ministers met on Monday.</p>\n<p>He said the the talks were were useful.</p>\n",
			"<p>Ministers met on Monday.</p>\n<p>He said the talks were useful.</p>\n"},
		{"text (CRLF)",
			"Ministers met.\r\n\r\nThe the talks were useful.\r\n",
			"Ministers met.\r\n\r\nThe talks were useful.\r\n"},
	} {
		t.Run(c.format, func(t *testing.T) {
			format, _, _ := strings.Cut(c.format, " ")
			var got FixResponse
			ts.post(t, "/v1/fix", map[string]any{"title": "Talks talks resume", "body": c.body, "format": format, "rules": []string{"repeated-word"}}, &got)
			if got.Title != "Talks resume" {
				t.Errorf("title %q", got.Title)
			}
			if got.Body != c.want {
				t.Errorf("body %q, want %q", got.Body, c.want)
			}
			wantApplied := strings.Count(c.body, "the the") + strings.Count(c.body, "were were") + strings.Count(c.body, "The the") + 1
			if got.Applied != wantApplied || len(got.Diagnostics) != 0 || got.Blocking {
				t.Errorf("applied %d (want %d), remaining %+v, blocking %v", got.Applied, wantApplied, got.Diagnostics, got.Blocking)
			}
			if patched := applyUnified(t, c.body, got.Diff); patched != got.Body {
				t.Errorf("the diff turns the body into %q, not the fixed body %q\n%s", patched, got.Body, got.Diff)
			}
		})
	}
}

func TestFixNothingToDo(t *testing.T) {
	ts := start(t, Options{})
	var got FixResponse
	body := "Talks resumed on Monday.\n"
	ts.post(t, "/v1/fix", map[string]any{"title": "Talks resume", "body": body, "rules": []string{"repeated-word"}}, &got)
	if got.Title != "Talks resume" || got.Body != body || got.Diff != "" || got.Applied != 0 || len(got.Diagnostics) != 0 {
		t.Errorf("%+v", got)
	}
}

// A word written three times loses both repeats, and the requested unit is echoed.
func TestFixRepeatsUntilFixedPoint(t *testing.T) {
	ts := start(t, Options{})
	var got FixResponse
	body := "🎉 We said the the the words."
	ts.post(t, "/v1/fix", map[string]any{"body": body, "rules": []string{"repeated-word"}, "offsets": "codepoint"}, &got)
	if got.Body != "🎉 We said the words." || got.Applied < 2 || got.Offsets != "codepoint" {
		t.Errorf("%+v", got)
	}
}

func TestFixLargeBodyDiffApplies(t *testing.T) {
	ts := start(t, Options{})
	var b strings.Builder
	for i := range 60 {
		if i%15 == 7 {
			fmt.Fprintf(&b, "Paragraph %d says the the thing.\n\n", i)
		} else {
			fmt.Fprintf(&b, "Paragraph %d is clean.\n\n", i)
		}
	}
	body := b.String()
	var got FixResponse
	ts.post(t, "/v1/fix", map[string]any{"body": body, "rules": []string{"repeated-word"}}, &got)
	if got.Applied != 4 || strings.Count(got.Diff, "@@ -") != 4 {
		t.Errorf("applied %d, diff:\n%s", got.Applied, got.Diff)
	}
	if applyUnified(t, body, got.Diff) != got.Body || strings.Contains(got.Body, "the the") {
		t.Error("diff does not reproduce the fixed body")
	}
}
