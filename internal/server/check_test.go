package server

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/rules"
)

// slice cuts s at offset/length counted in unit, as a client in that unit would.
func slice(t *testing.T, s string, unit Unit, off, length int) string {
	t.Helper()
	switch unit {
	case UTF16:
		u := utf16.Encode([]rune(s))
		if off < 0 || off+length > len(u) {
			t.Fatalf("UTF-16 range %d+%d outside %d units", off, length, len(u))
		}
		return string(utf16.Decode(u[off : off+length]))
	case Codepoint:
		r := []rune(s)
		if off < 0 || off+length > len(r) {
			t.Fatalf("code point range %d+%d outside %d", off, length, len(r))
		}
		return string(r[off : off+length])
	}
	if off < 0 || off+length > len(s) {
		t.Fatalf("byte range %d+%d outside %d", off, length, len(s))
	}
	return s[off : off+length]
}

// only returns the diagnostics of one rule, since other rule families may flag the same copy.
func only(diags []Diagnostic, rule string) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

// emojiBody has characters outside the BMP (two UTF-16 units, four bytes) and curly quotes (one unit,
// three bytes) before each flagged phrase, so a client counting in the wrong unit slices the wrong text.
const emojiBody = "Party time 🎉🎉 as “the the” crowd cheers.\n\nLater, 🎉 officials said “talks were were useful”."

func TestCheckOffsetUnits(t *testing.T) {
	ts := start(t, Options{})
	for _, unit := range []Unit{UTF16, UTF8, Codepoint} {
		t.Run(unit.String(), func(t *testing.T) {
			req := map[string]any{"body": emojiBody}
			if unit != UTF16 { // UTF-16 is the default
				req["offsets"] = unit.String()
			}
			var got CheckResponse
			ts.post(t, "/v1/check", req, &got)
			if got.Offsets != unit.String() {
				t.Errorf("offsets echoed as %q", got.Offsets)
			}
			diags := only(got.Diagnostics, "repeated-word")
			if len(diags) != 2 {
				t.Fatalf("want 2 repeated-word diagnostics, got %+v", got.Diagnostics)
			}
			for i, want := range []string{"the the", "were were"} {
				d := diags[i]
				if d.Field != "body" {
					t.Errorf("%q: field %q", want, d.Field)
				}
				if s := slice(t, emojiBody, unit, d.Offset, d.Length); s != want {
					t.Errorf("slicing the body at %d+%d gives %q, want %q", d.Offset, d.Length, s, want)
				}
				// The replacement stands in for the flagged text; the fix's edit is located in the same unit.
				if len(d.Replacements) != 1 || d.Replacements[0] != strings.Fields(want)[0] {
					t.Errorf("replacements %q", d.Replacements)
				}
				e := d.Fixes[0].Edits[0]
				if e.Field != "body" || slice(t, emojiBody, unit, e.Offset, e.Length) != " "+strings.Fields(want)[0] || e.NewText != "" {
					t.Errorf("edit %+v", e)
				}
			}
			// Line and column: the second phrase is on line 3, after "Later, 🎉 officials said “talks ".
			prefix := "Later, 🎉 officials said “talks "
			wantCol := map[Unit]int{UTF16: len(utf16.Encode([]rune(prefix))), UTF8: len(prefix), Codepoint: len([]rune(prefix))}[unit] + 1
			if d := diags[1]; d.Start != (Position{3, wantCol}) || d.End.Line != 3 || d.End.Column != wantCol+len("were were") {
				t.Errorf("start %+v end %+v, want line 3 column %d", d.Start, d.End, wantCol)
			}
		})
	}
}

func TestCheckFormatsAndTitle(t *testing.T) {
	ts := start(t, Options{})
	for _, c := range []struct{ format, title, body string }{
		{"text", "Talks talks resume 🎉", "Ministers met on “Monday”.\n\nThe the minister spoke."},
		{"markdown", "Talks talks resume 🎉", "Ministers met on *“Monday”*.\n\n## Reaction\n\nThe the minister spoke."},
		{"html", "Talks talks resume 🎉", "<p>Ministers met on <b>“Monday”</b>.</p>\n<p>The the minister spoke.</p>"},
		{"md", "Talks talks resume 🎉", "The the minister spoke."},
	} {
		t.Run(c.format, func(t *testing.T) {
			var got CheckResponse
			ts.post(t, "/v1/check", map[string]any{"title": c.title, "body": c.body, "format": c.format, "rules": []string{"repeated-word"}}, &got)
			if len(got.Diagnostics) != 2 {
				t.Fatalf("want a title and a body diagnostic, got %+v", got.Diagnostics)
			}
			title, body := got.Diagnostics[0], got.Diagnostics[1]
			if title.Field != "title" || slice(t, c.title, UTF16, title.Offset, title.Length) != "Talks talks" || title.Start != (Position{1, 1}) {
				t.Errorf("title diagnostic %+v", title)
			}
			if title.Fixes[0].Edits[0].Field != "title" {
				t.Errorf("title fix located in %q", title.Fixes[0].Edits[0].Field)
			}
			if body.Field != "body" || slice(t, c.body, UTF16, body.Offset, body.Length) != "The the" {
				t.Errorf("body diagnostic %+v", body)
			}
		})
	}
}

func TestCheckWithoutTitle(t *testing.T) {
	ts := start(t, Options{})
	var got CheckResponse
	ts.post(t, "/v1/check", `{"body": "The the talks.", "rules": ["repeated-word"]}`, &got)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Offset != 0 || got.Diagnostics[0].Length != 7 || got.Diagnostics[0].Field != "body" {
		t.Fatalf("%+v", got.Diagnostics)
	}
}

// A title with line breaks is linted as one heading and does not swallow the body.
func TestCheckTitleWithLineBreak(t *testing.T) {
	ts := start(t, Options{})
	var got CheckResponse
	ts.post(t, "/v1/check", map[string]any{"title": "Talks\n\ntalks resume", "body": "```\nThe the minister.", "format": "markdown", "rules": []string{"repeated-word"}}, &got)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Field != "title" || got.Diagnostics[0].Length != len("Talks\n\ntalks") {
		t.Fatalf("%+v", got.Diagnostics)
	}
}

func TestCheckBlockingAndSummary(t *testing.T) {
	ts := start(t, Options{})
	var clean CheckResponse
	resp, data := ts.call(t, http.MethodPost, "/v1/check", `{"body": "The talks resumed.", "rules": ["repeated-word"]}`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(data), `"diagnostics":[]`) {
		t.Fatalf("clean copy: %d %s", resp.StatusCode, data)
	}
	ts.post(t, "/v1/check", `{"body": "The talks resumed.", "rules": ["repeated-word"]}`, &clean)
	if clean.Blocking || clean.Summary != (Summary{}) {
		t.Errorf("clean copy: %+v", clean)
	}
	var dirty CheckResponse
	ts.post(t, "/v1/check", simpleCheck, &dirty)
	if !dirty.Blocking || dirty.Summary.Errors != 1 || dirty.Summary.Fixable != 1 {
		t.Errorf("repeated word (an error): %+v", dirty)
	}

	// With the rule configured down to a warning, the default fail level (error) does not block, and
	// fail_on "warning" does.
	cfg := &config.Config{Rules: map[string]rules.Setting{"repeated-word": {Severity: rules.Warning}}}
	warn := start(t, Options{Config: cfg})
	var got CheckResponse
	warn.post(t, "/v1/check", simpleCheck, &got)
	if got.Blocking || got.Summary.Warnings != 1 || got.Diagnostics[0].Severity != rules.Warning {
		t.Errorf("warning, default fail level: %+v", got)
	}
	warn.post(t, "/v1/check", `{"body": "The the talks.", "rules": ["repeated-word"], "fail_on": "warning"}`, &got)
	if !got.Blocking {
		t.Errorf("fail_on warning did not block on a warning: %+v", got)
	}
	// The configuration's fail-on is the default.
	cfg = &config.Config{FailOn: rules.Warning, Rules: map[string]rules.Setting{"repeated-word": {Severity: rules.Warning}}}
	strict := start(t, Options{Config: cfg})
	strict.post(t, "/v1/check", simpleCheck, &got)
	if !got.Blocking {
		t.Errorf("configured fail-on warning did not block: %+v", got)
	}
}

func TestCheckRulesSelection(t *testing.T) {
	// A rule the configuration disables stays off even when named.
	cfg := &config.Config{Rules: map[string]rules.Setting{"repeated-word": {Disabled: true}}}
	ts := start(t, Options{Config: cfg})
	var got CheckResponse
	ts.post(t, "/v1/check", simpleCheck, &got)
	if len(only(got.Diagnostics, "repeated-word")) != 0 {
		t.Errorf("disabled rule ran: %+v", got.Diagnostics)
	}
	ts.post(t, "/v1/check", `{"body": "The the talks."}`, &got)
	if len(only(got.Diagnostics, "repeated-word")) != 0 {
		t.Errorf("disabled rule ran by default: %+v", got.Diagnostics)
	}
}

func TestCheckAgainstAccepted(t *testing.T) {
	ts := start(t, Options{})
	var got CheckResponse
	ts.post(t, "/v1/check", map[string]any{
		"body": "The the talks resumed.", "format": "markdown", "rules": []string{"repeated-word"},
		"against": []map[string]string{{"body": "# Source\n\nTalks resumed."}, {"body": "<p>Talks resumed.</p>", "format": "html"}},
	}, &got)
	if len(got.Diagnostics) != 1 {
		t.Errorf("%+v", got.Diagnostics)
	}
}

func TestLocatorClampsRangesAroundTheTitle(t *testing.T) {
	l := lint.ComposeArticleLayout("Héadline", "<p>Body</p>", documentHTML)
	lc := newLocator(l, UTF16)
	// A range starting in the markup before the title, and one running from the title into the body.
	if f, off, n, _, _ := lc.span(0, l.TitleStart+3); f != "title" || off != 0 || n != 2 {
		t.Errorf("prefix range: %s %d %d", f, off, n)
	}
	if f, off, n, _, _ := lc.span(l.TitleStart+1, l.BodyStart+2); f != "title" || off != 1 || n != 7 {
		t.Errorf("straddling range: %s %d %d", f, off, n)
	}
	if f, off, n, _, _ := lc.span(l.BodyStart+3, l.BodyStart+7); f != "body" || off != 3 || n != 4 {
		t.Errorf("body range: %s %d %d", f, off, n)
	}
}
