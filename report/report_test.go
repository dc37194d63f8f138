package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) {
	// Pin the width rules so the golden files do not depend on the locale of the machine running tests.
	widthCond = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}
	os.Exit(m.Run())
}

// story is a CRLF plain-text story with a headline, curly quotes, dashes, accents, a tab, CJK and emoji.
const story = "Café owners cheer “soft” landing — for now\r\n" +
	"\r\n" +
	"PARIS (Reuters) — Café owners in the the Marais said on Friday that “business is is back”, and\r\n" +
	"the mayor’s office\tagreed. Readers of 中文 readers 中文 papers too.\r\n" +
	"\r\n" +
	"The party 🎉 🎉 started at noon, said Zoë Chen.\r\n"

// find returns the byte range of the nth (0-based) occurrence of needle in src.
func find(t testing.TB, src, needle string, nth int) (start, end int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(src[off:], needle)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not found", needle, nth)
		}
		if i == nth {
			return off + j, off + j + len(needle)
		}
		off += j + len(needle)
	}
}

// diag builds a diagnostic over the nth occurrence of needle.
func diag(t testing.TB, src, needle string, nth int, rule string, sev rules.Severity, msg string) rules.Diagnostic {
	s, e := find(t, src, needle, nth)
	return rules.Diagnostic{Rule: rule, Category: "test", Severity: sev, Message: msg, Start: s, End: e}
}

// replace is a one-edit fix replacing the nth occurrence of needle.
func replace(t testing.TB, src, needle string, nth int, text, msg string, safe bool) rules.Fix {
	s, e := find(t, src, needle, nth)
	return rules.Fix{Message: msg, Safe: safe, Edits: []rules.TextEdit{{Start: s, End: e, NewText: text}}}
}

func storyResult(t testing.TB) Result {
	src := story
	theThe := diag(t, src, "the the", 0, "repeated-word", rules.Error, `"the" is written twice`)
	theThe.Fixes = []rules.Fix{replace(t, src, " the", 1, "", `delete the second "the"`, true)}

	isIs := diag(t, src, "is is", 0, "repeated-word", rules.Error, `"is" is written twice`)
	isIs.Fixes = []rules.Fix{replace(t, src, " is", 1, "", `delete the second "is"`, true)}

	// A span over a line break: underlined to the end of its first line; its fix edits across it.
	andThe := diag(t, src, "and\r\nthe mayor’s", 0, "soft-break", rules.Warning, "sentence runs over a hard line break")
	andThe.Fixes = []rules.Fix{replace(t, src, "\r\n", 2, " ", "join the lines", true)}

	agreed := diag(t, src, "agreed", 0, "weak-verb", rules.Info, "“agreed” is vague — say what the office did")
	agreed.Fixes = []rules.Fix{replace(t, src, "agreed", 0, "concurred", `replace with "concurred"`, false)}
	cs, ce := find(t, src, "Café", 0)
	agreed.Related = []rules.Related{{Start: cs, End: ce, Message: "the headline names the café owners"}}

	// Two edits on one line in one fix.
	cjk := diag(t, src, "中文 readers 中文", 0, "duplicated-name", rules.Warning, `"中文" on both sides of "readers"`)
	a0, a1 := find(t, src, "Readers of 中文", 0)
	b0, b1 := find(t, src, " readers 中文", 0)
	cjk.Fixes = []rules.Fix{{Message: "keep one", Safe: false, Edits: []rules.TextEdit{
		{Start: a0, End: a1, NewText: "Readers of Chinese"}, {Start: b0, End: b1, NewText: ""},
	}}}

	party := diag(t, src, "🎉 🎉", 0, "repeated-word", rules.Error, `"🎉" is written twice`)
	party.Fixes = []rules.Fix{replace(t, src, " 🎉", 1, "", `delete the second "🎉"`, false)}

	return Result{
		Doc:         document.ParseText("testdata/story.txt", []byte(src)),
		Diagnostics: []rules.Diagnostic{theThe, isIs, andThe, agreed, cjk, party},
	}
}

// longLine is a one-line paragraph of over 600 characters with target in the middle.
func longLine(target string) string {
	var b strings.Builder
	words := []string{"officials", "said", "the", "talks", "in", "Bali", "were", "“candid”", "and", "useful"}
	for i := 0; b.Len() < 300; i++ {
		b.WriteString(words[i%len(words)] + " ")
	}
	b.WriteString(target)
	for i := 0; b.Len() < 650; i++ {
		b.WriteString(" " + words[(i+3)%len(words)])
	}
	return b.String() + " and the talks ended."
}

func longResult(t testing.TB) Result {
	src := "Talks in Bali\n\n" + longLine("between Biden and Biden. Xi") + "\n"
	d := diag(t, src, "Biden and Biden", 0, "duplicated-name", rules.Error, `"Biden" on both sides of "and": the meeting is between Biden and Xi`)
	d.Fixes = []rules.Fix{replace(t, src, "Biden and Biden. Xi", 0, "Biden and Xi", `replace with "Biden and Xi"`, false)}
	return Result{Doc: document.ParseText("testdata/long.txt", []byte(src)), Diagnostics: []rules.Diagnostic{d}}
}

func cleanResult() Result {
	return Result{Doc: document.ParseText("testdata/clean.txt", []byte("A clean story.\n"))}
}

func allResults(t testing.TB) []Result {
	return []Result{storyResult(t), longResult(t), cleanResult()}
}

func render(t testing.TB, name string, opts Options, results []Result) string {
	t.Helper()
	f, err := New(name, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, results); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		opts         Options
	}{
		{"text", "text", Options{}},
		{"text_unsafe", "text", Options{Unsafe: true}},
		{"text_color", "text", Options{Color: true}},
		{"json", "json", Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name, render(t, tc.format, tc.opts, allResults(t)))
		})
	}
}

func TestNew(t *testing.T) {
	if got := strings.Join(Names(), ","); got != "checkstyle,github,json,rdjsonl,sarif,text" {
		t.Errorf("Names() = %s", got)
	}
	_, err := New("junit", Options{})
	if err == nil || !strings.Contains(err.Error(), `"junit"`) || !strings.Contains(err.Error(), "json, rdjsonl, sarif, text") {
		t.Errorf("New(junit) error = %v, want one naming the format and listing the valid ones", err)
	}
	for _, n := range Names() {
		if f, err := New(n, Options{}); err != nil || f == nil {
			t.Errorf("New(%s) = %v, %v", n, f, err)
		}
	}
}

func TestNilDocument(t *testing.T) {
	for _, n := range Names() {
		f, _ := New(n, Options{})
		var buf bytes.Buffer
		if err := f.Format(&buf, []Result{{}}); err == nil || buf.Len() > 0 {
			t.Errorf("%s: err = %v, wrote %q; want an error and no output", n, err, buf.String())
		}
	}
}
