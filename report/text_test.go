package report

import (
	"strings"
	"testing"

	"github.com/fatih/color"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// sourceAndCaret returns, for the first diagnostic in a text report, the excerpt and the caret line as
// printed after the "| " gutter.
func sourceAndCaret(t *testing.T, out string) (excerpt, caret string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) < 3 {
		t.Fatalf("short output:\n%s", out)
	}
	cut := func(l string) string {
		_, after, ok := strings.Cut(l, "| ")
		if !ok {
			t.Fatalf("no gutter in %q", l)
		}
		return after
	}
	return cut(lines[1]), cut(lines[2])
}

// renderOne lints nothing: it renders one warning over the nth occurrence of needle in src.
func renderOne(t *testing.T, src, needle string, nth int) string {
	t.Helper()
	d := diag(t, src, needle, nth, "r", rules.Warning, "m")
	return render(t, "text", Options{}, []Result{{Doc: document.ParseText("t.txt", []byte(src)), Diagnostics: []rules.Diagnostic{d}}})
}

// checkCaret asserts the carets start under span and cover its display width.
func checkCaret(t *testing.T, excerpt, caret, span string) {
	t.Helper()
	i := strings.Index(excerpt, span)
	if i < 0 {
		t.Fatalf("span %q not visible in excerpt %q", span, excerpt)
	}
	pad := len(caret) - len(strings.TrimLeft(caret, " "))
	if want := displayWidth(excerpt[:i]); pad != want {
		t.Errorf("caret after %d spaces, want %d (display width of %q)\n%s\n%s", pad, want, excerpt[:i], excerpt, caret)
	}
	if n, want := strings.Count(caret, "^"), max(1, displayWidth(span)); n != want || strings.TrimSpace(caret) != strings.Repeat("^", n) {
		t.Errorf("caret line %q: %d carets, want %d contiguous", caret, n, want)
	}
}

// displayWidth is what the test checks against: go-runewidth under the pinned condition.
func displayWidth(s string) int { return widthCond.StringWidth(s) }

func TestCaretAlignsByDisplayWidth(t *testing.T) {
	for _, tc := range []struct {
		name, src, span string
		wantPad         int // counted by hand, as a terminal shows it
	}{
		{"ascii", "He said the the talks went well.\n", "the the", 8},
		{"accents and quotes", "“Café” — Zoë’s crème brûlée was fine fine.\n", "fine fine", 32},
		{"cjk", "中文报道 said said so.\n", "said said", 9},
		{"emoji", "Party 🎉 🎉 time.\n", "🎉 🎉", 6},
		{"tab", "Col\tvalue value here.\n", "value value", 4},
		{"crlf", "First line\r\nthe the end\r\n", "the the", 0},
		{"mixed", "“Café” — 中文 🎉 target target\n", "target target", 17},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := renderOne(t, tc.src, tc.span, 0)
			excerpt, caret := sourceAndCaret(t, out)
			checkCaret(t, excerpt, caret, tc.span)
			if pad := strings.Index(caret, "^"); pad != tc.wantPad {
				t.Errorf("caret at column %d, want %d:\n%s", pad, tc.wantPad, out)
			}
			if strings.ContainsAny(out, "\t\r") {
				t.Errorf("output holds a raw tab or CR:\n%q", out)
			}
		})
	}
}

func TestMultiLineSpanIsClampedToFirstLine(t *testing.T) {
	src := "The minister said\nthat the talks were useful.\n"
	out := renderOne(t, src, "said\nthat", 0)
	excerpt, caret := sourceAndCaret(t, out)
	if excerpt != "The minister said" {
		t.Errorf("excerpt = %q", excerpt)
	}
	checkCaret(t, excerpt, caret, "said")
}

func TestLongLineIsWindowedAroundSpan(t *testing.T) {
	line := longLine("between Biden and Biden. Xi")
	if n := len([]rune(line)); n < 600 {
		t.Fatalf("test line has %d characters, want 600+", n)
	}
	src := "Talks\n\n" + line + "\n"
	long := strings.Repeat("Biden ", 60) // a span wider than the screen
	for _, tc := range []struct {
		name, src, span string
		nth             int
		pre, post       bool // whether "..." marks a cut on that side
	}{
		{"middle", src, "Biden and Biden", 0, true, true},
		{"start", src, "officials said", 0, false, true},
		{"end", src, "talks ended.", 0, true, false},
		{"wider than the screen", "Talks\n\nSo " + long + "said.\n", strings.TrimSpace(long), 0, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := renderOne(t, tc.src, tc.span, tc.nth)
			for _, l := range strings.Split(out, "\n") {
				if w := displayWidth(l); w > maxWidth {
					t.Errorf("line is %d columns wide, want at most %d: %q", w, maxWidth, l)
				}
			}
			excerpt, caret := sourceAndCaret(t, out)
			if got := strings.HasPrefix(excerpt, "... "); got != tc.pre {
				t.Errorf("cut at the start = %v, want %v: %q", got, tc.pre, excerpt)
			}
			if got := strings.HasSuffix(excerpt, " ..."); got != tc.post {
				t.Errorf("cut at the end = %v, want %v: %q", got, tc.post, excerpt)
			}
			span := tc.span
			if displayWidth(span) > maxWidth {
				// Only the start of the span fits; the carets run to the cut.
				i := strings.Index(excerpt, "Biden")
				span = strings.TrimSuffix(excerpt[i:], " ...")
			}
			checkCaret(t, excerpt, caret, span)
		})
	}
}

func TestFixDiff(t *testing.T) {
	r := storyResult(t)
	out := render(t, "text", Options{}, []Result{r})
	for _, want := range []string{
		"   fix: delete the second \"the\"\n      - in the the Marais\n      + in the Marais\n",
		// The edit replaces a CRLF: the old text is two lines, the new one.
		"   fix: join the lines\n      - back”, and\n      - the mayor’s\n      + back”, and the mayor’s\n",
		// Two edits of one fix on one line, applied together, with a word of context either side.
		"   suggestion (unsafe): keep one\n      - agreed. Readers of 中文 readers 中文 papers\n      + agreed. Readers of Chinese papers\n",
		"   suggestion (unsafe): delete the second \"🎉\"\n      - party 🎉 🎉 started\n      + party 🎉 started\n",
		"   note: testdata/story.txt:1:1: the headline names the café owners\n",
		"testdata/story.txt:3:34: error: \"the\" is written twice [repeated-word]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\ngot:\n%s", want, out)
		}
	}
	if unsafe := render(t, "text", Options{Unsafe: true}, []Result{r}); !strings.Contains(unsafe, "   fix (unsafe): keep one\n") ||
		strings.Contains(unsafe, "suggestion") {
		t.Errorf("with Unsafe, unsafe fixes should read \"fix (unsafe)\":\n%s", unsafe)
	}
}

func TestColorFollowsOptionsOnly(t *testing.T) {
	saved := color.NoColor
	defer func() { color.NoColor = saved }()
	results := allResults(t)
	for _, global := range []bool{true, false} {
		color.NoColor = global
		if out := render(t, "text", Options{Color: true}, results); !strings.Contains(out, "\x1b[") {
			t.Errorf("NoColor=%v: Color true gave no ANSI codes", global)
		} else {
			for _, want := range []string{"\x1b[31;1merror:", "\x1b[33;1mwarning:", "\x1b[36minfo:", "\x1b[31m- ", "\x1b[32m+ "} {
				if !strings.Contains(out, want) {
					t.Errorf("NoColor=%v: colored output lacks %q", global, want)
				}
			}
		}
		if out := render(t, "text", Options{Color: false}, results); strings.Contains(out, "\x1b") {
			t.Errorf("NoColor=%v: Color false gave ANSI codes:\n%q", global, out)
		}
		if out := render(t, "json", Options{Color: true}, results); strings.Contains(out, "\x1b") {
			t.Errorf("NoColor=%v: JSON holds ANSI codes", global)
		}
	}
}

func TestCleanRun(t *testing.T) {
	out := render(t, "text", Options{Color: false}, []Result{cleanResult(), cleanResult()})
	if out != "no problems found in 2 files\n" {
		t.Errorf("got %q", out)
	}
}

func TestSanitizeKeepsOffsets(t *testing.T) {
	in := "a\tb\x00c\x7fd\xffe\u0085f é 中"
	got := sanitize(in)
	if len(got) != len(in) {
		t.Fatalf("sanitize changed the length: %d -> %d", len(in), len(got))
	}
	if want := "a b c d?e  f é 中"; got != want {
		t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
	}
}

// Offsets from a buggy rule or a stale cache must not crash the report.
func TestOutOfRangeOffsets(t *testing.T) {
	for _, src := range []string{"", "One line.", "Title\r\n\r\nBody text.\r\n"} {
		doc := document.ParseText("x.txt", []byte(src))
		n := len(src)
		diags := []rules.Diagnostic{
			{Rule: "a", Severity: rules.Error, Start: 0, End: 0},
			{Rule: "b", Severity: rules.Warning, Start: n, End: n + 10, Fixes: []rules.Fix{{Edits: []rules.TextEdit{{Start: n + 5, End: n - 1, NewText: "x"}}}}},
			{Rule: "c", Start: n + 3, End: 1, Related: []rules.Related{{Start: -4, End: 99, Message: "m"}},
				Fixes: []rules.Fix{{Safe: true, Edits: []rules.TextEdit{{Start: 0, End: n, NewText: "y"}, {Start: 0, End: 1, NewText: "z"}}}}},
		}
		for _, name := range Names() {
			for _, color := range []bool{false, true} {
				render(t, name, Options{Color: color}, []Result{{Doc: doc, Diagnostics: diags}})
			}
		}
	}
}

// FuzzText checks that any source and offsets render without a panic, within the width budget when the
// source has no control characters, with the carets inside it.
func FuzzText(f *testing.F) {
	f.Add(story, 89, 96, 3, "x")
	f.Add(longLine("between Biden and Biden. Xi"), 300, 315, 200, "")
	f.Add("é\t中\r\n🎉", 2, 1, 9, "\n")
	f.Fuzz(func(t *testing.T, src string, start, end, edit int, text string) {
		doc := document.ParseText("f.txt", []byte(src))
		d := rules.Diagnostic{Rule: "r", Severity: rules.Error, Start: start, End: end,
			Fixes: []rules.Fix{{Edits: []rules.TextEdit{{Start: edit, End: edit + 3, NewText: text}}}}}
		f, _ := New("text", Options{})
		var buf strings.Builder
		if err := f.Format(&buf, []Result{{Doc: doc, Diagnostics: []rules.Diagnostic{d}}}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(buf.String(), "\n")
		src1, caret := lines[1], lines[2]
		if w := displayWidth(src1); w > maxWidth+2 { // +2: a wide character at the cut may straddle it
			t.Errorf("source line %d columns wide: %q", w, src1)
		}
		// One column past the text is allowed: an empty span at the end of the line.
		if displayWidth(caret) > max(displayWidth(src1)+1, len("      | ^")) {
			t.Errorf("carets run past the excerpt:\n%s\n%s", src1, caret)
		}
	})
}
