package rules

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestTorturedPhrase(t *testing.T) {
	runStyleCases(t, newTorturedPhrase, []styleCase{
		{name: "quoted fixed phrase keeps its quotes", src: "Beijing and Moscow announced a “no borders” partnership.\n",
			flagged: "“no borders” partnership", sev: Error,
			fixed: "Beijing and Moscow announced a “no limits” partnership.\n"},
		{name: "paper-mill phrase", src: "He said counterfeit consciousness would change newsrooms.\n",
			flagged: "counterfeit consciousness", sev: Error,
			fixed: "He said artificial intelligence would change newsrooms.\n"},
		{name: "capital at the start of a sentence", src: "Colossal information is the new oil, he said.\n",
			flagged: "Colossal information", sev: Error, fixed: "Big data is the new oil, he said.\n"},
		{name: "across a line break", src: "They met for the first personal\ntalks since October.\n",
			flagged: "personal\ntalks", sev: Warning, fixed: "They met for the first in-person\ntalks since October.\n"},
		{name: "hyphenated word", src: "(This story has been re-archived to fix a typo)\n",
			flagged: "re-archived", sev: Warning, fixed: "(This story has been refiled to fix a typo)\n"},
		{name: "words between", src: "Moscow wants to downgrade Ukraine’s military, officials said.\n",
			flagged: "downgrade Ukraine’s military", sev: Warning,
			fixed: "Moscow wants to degrade Ukraine’s military, officials said.\n"},
		{name: "sanctions a few words on", src: "They have not seen China escape harsh US-led sanctions.\n",
			flagged: "escape harsh US-led sanctions", sev: Warning,
			fixed: "They have not seen China evade harsh US-led sanctions.\n"},
		{name: "single word with its context", src: "She found a lump in her bosom and was tested for breast cancer.\n",
			flagged: "bosom", sev: Info, fixed: "She found a lump in her breast and was tested for breast cancer.\n"},
		{name: "expected phrase is a description, not copy", src: "Firms moved to haze figuring last year.\n",
			flagged: "haze figuring", sev: Error},

		{name: "single word without its context", src: "He held the child to his bosom.\n"},
		{name: "sentence boundary between the words", src: "He kept it personal. Talks resume on Monday.\n"},
		{name: "part of a longer word", src: "The impersonal talks ended early.\n"},
		{name: "military ties are downgraded", src: "Beijing moved to downgrade military ties with Washington.\n"},
		{name: "sanctions too far off", src: "The firm may escape the worst of the new and sweeping sanctions.\n"},
		{name: "plain phrase", src: "The no limits partnership was announced in February.\n"},
	})
}

func TestEllipsisInQuote(t *testing.T) {
	runStyleCases(t, newEllipsisInQuote, []styleCase{
		{name: "curly quote, mid-sentence", src: "“There is no substitute for personal … diplomacy,” Blinken said.\n",
			flagged: "personal … diplomacy", sev: Warning},
		{name: "straight quote, three dots", src: "\"We will ... win this war,\" he said.\n",
			flagged: "will ... win", sev: Warning},

		{name: "omission at the start", src: "“... and then we left,” she said.\n"},
		{name: "trailing off", src: "“I just don’t know …” he said.\n"},
		{name: "new sentence after the cut", src: "“We tried. … We failed,” he said.\n"},
		{name: "outside quotation marks", src: "The list goes on ... and on.\n"},
	})
}

// mixedQuotesFixed applies every fix of mixed-quotes to src.
func mixedQuotesFixed(t *testing.T, src string) (string, []Diagnostic) {
	t.Helper()
	doc, diags := styleRun(t, newMixedQuotes, nil, src)
	var all Fix
	for _, d := range diags {
		if len(d.Fixes) != 1 || !d.Fixes[0].Safe {
			t.Fatalf("want one safe fix, got %+v", d.Fixes)
		}
		all.Edits = append(all.Edits, d.Fixes[0].Edits...)
	}
	return applyFix(doc.Source, all), diags
}

func TestMixedQuotes(t *testing.T) {
	tests := []struct {
		name, src, fixed string
		findings         int
	}{
		{"straight minority becomes curly", "“We are ready,” he said. “We won.”\n\n\"Now,\" she said.\n",
			"“We are ready,” he said. “We won.”\n\n“Now,” she said.\n", 2},
		{"curly minority becomes straight", "\"We are ready,\" he said. \"We won.\"\n\n“Now,” she said.\n",
			"\"We are ready,\" he said. \"We won.\"\n\n\"Now,\" she said.\n", 2},
		{"straight quotes only", "\"We are ready,\" he said.\n", "\"We are ready,\" he said.\n", 0},
		{"curly quotes only", "“We are ready,” he said.\n", "“We are ready,” he said.\n", 0},
		{"inch mark is not a quote", "“We are ready,” he said of the 12\" pipe.\n",
			"“We are ready,” he said of the 12\" pipe.\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := mixedQuotesFixed(t, tt.src)
			if len(diags) != tt.findings {
				t.Fatalf("got %d findings, want %d: %+v", len(diags), tt.findings, diags)
			}
			if got != tt.fixed {
				t.Errorf("fixed:\n got %q\nwant %q", got, tt.fixed)
			}
		})
	}
}

// TestTranslationSeedStory checks the translation family on the spun Reuters story: exactly the seed rows
// it owns, each as rule, line, flagged text and, for a fix, the text it becomes.
func TestTranslationSeedStory(t *testing.T) {
	src, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := document.ParseText("spun-reuters-blinken-wang.txt", src)
	want := []string{
		`tortured-phrase 3 "personal talks" -> "in-person talks"`,
		`ellipsis-in-quote 7 "personal … diplomacy"`,
		`tortured-phrase 27 "“no borders” partnership" -> "“no limits” partnership"`,
		`tortured-phrase 27 "escape harsh US-led sanctions" -> "evade harsh US-led sanctions"`,
		`tortured-phrase 31 "downgrade Ukraine’s military" -> "degrade Ukraine’s military"`,
		`tortured-phrase 35 "re-archived" -> "refiled"`,
		`tortured-phrase 35 "personal conversations" -> "in-person conversations"`,
	}
	var diags []Diagnostic
	for _, mk := range []func() Rule{newTorturedPhrase, newEllipsisInQuote, newMixedQuotes} {
		r := mk()
		r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
	}
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Start < diags[j].Start })
	var got []string
	for _, d := range diags {
		desc := fmt.Sprintf("%s %d %q", d.Rule, doc.Position(d.Start).Line, src[d.Start:d.End])
		if len(d.Fixes) > 0 {
			if d.Fixes[0].Safe {
				t.Errorf("%s: a reworded phrase must not be a safe fix", desc)
			}
			fixed := applyFix(src, d.Fixes[0])
			desc += fmt.Sprintf(" -> %q", fixed[d.Start:d.End+len(fixed)-len(src)])
		}
		got = append(got, desc)
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTorturedData checks the embedded lists: every row parses and names a source, and no single
// ordinary word can fire without its context (a hyphenated coinage such as "re-archived" may).
func TestTorturedData(t *testing.T) {
	d := torturedDictionary()
	if n := len(d.rows); n < 7000 || n != d.index.Len() {
		t.Fatalf("%d entries, %d phrases indexed", n, d.index.Len())
	}
	if err := d.check(); err != nil {
		t.Fatal(err)
	}
	for id := range d.rows {
		e := d.entry(id)
		if !slices.Equal(e.head, d.index.Words(id)) {
			t.Errorf("%q: head %q, indexed as %q", e.phrase, e.head, d.index.Words(id))
		}
		if len(e.head)+len(e.tail) == 1 && len(e.context) == 0 && !strings.Contains(e.phrase, "-") {
			t.Errorf("%q: a single word with no context", e.phrase)
		}
		if len(e.head)+len(e.tail) == 1 && e.severity == Error {
			t.Errorf("%q: a single word at severity error", e.phrase)
		}
	}
	for _, row := range []string{
		"a b\tc\twarning\t\t\t",        // no source
		"a b\tc\tsevere\t\tsrc\t",      // bad severity
		"a ... b\tc\twarning\t\tsrc\t", // gap missing from the expected phrase
		"a b\tc\twarning\tsrc\t",       // too few columns
	} {
		if _, err := parseTorturedRow(row); err == nil {
			t.Errorf("parseTorturedRow(%q) accepted", row)
		}
	}
}

// BenchmarkTorturedPhrase runs the rule over the seed story (about 700 words).
func BenchmarkTorturedPhrase(b *testing.B) {
	src, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := document.ParseText("story.txt", src)
	r := newTorturedPhrase()
	torturedDictionary()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		var diags []Diagnostic
		r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
	}
}
