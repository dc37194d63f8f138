package rules_test

import (
	"cmp"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/fix"
	"github.com/copydesk/copydesk/rules"
)

// dupCase is copy checked by one rule: flagged are the source texts of its findings in order; fixed, when
// set, is the copy with every fix applied (unsafe ones too), and "" means no finding offers a fix.
type dupCase struct {
	name, src string
	flagged   []string
	fixed     string
}

// lintOnly runs the built-in rule id over plain-text copy.
func lintOnly(t *testing.T, id, src string) []rules.Diagnostic {
	t.Helper()
	e, err := rules.NewEngine(nil, []string{id})
	if err != nil {
		t.Fatal(err)
	}
	return e.Run(document.ParseText("story.txt", []byte(src)))
}

func runDupCases(t *testing.T, id string, cases []dupCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := lintOnly(t, id, c.src)
			got, messages := make([]string, len(diags)), make([]string, len(diags))
			for i, d := range diags {
				got[i], messages[i] = c.src[d.Start:d.End], d.Message
			}
			if !slices.Equal(got, c.flagged) {
				t.Fatalf("flagged %q, want %q\n%s", got, c.flagged, strings.Join(messages, "\n"))
			}
			want := cmp.Or(c.fixed, c.src)
			if out, err := fix.Apply([]byte(c.src), fix.Select(diags, true)); err != nil || string(out) != want {
				t.Fatalf("fixed (%v):\n%s\nwant:\n%s", err, out, want)
			}
		})
	}
}

// pairedStory names Biden's and Blinken's counterparts in its first paragraph.
const pairedStory = "US Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi met on Saturday. " +
	"President Joe Biden and Chinese President Xi Jinping are expected to speak, Wang said.\n\n"

func TestDuplicatedName(t *testing.T) {
	runDupCases(t, "duplicated-name", []dupCase{
		{name: "stray stop names the counterpart",
			src:     pairedStory + "He wants a meeting between Biden and Biden. Xi, their first as leaders, possibly in Bali in November.\n",
			flagged: []string{"Biden and Biden"},
			fixed:   pairedStory + "He wants a meeting between Biden and Xi, their first as leaders, possibly in Bali in November.\n"},
		{name: "stray stop without pairing",
			src:     "Aides hope for talks between Biden and Biden. Xi, their first as leaders, possibly in Bali.\n\nOfficials said Xi agreed.\n",
			flagged: []string{"Biden and Biden"},
			fixed:   "Aides hope for talks between Biden and Xi, their first as leaders, possibly in Bali.\n\nOfficials said Xi agreed.\n"},
		{name: "counterpart from a pairing, full name",
			src:     pairedStory + "Aides want a meeting between Biden and Biden soon.\n",
			flagged: []string{"Biden and Biden"},
			fixed:   pairedStory + "Aides want a meeting between Biden and Xi Jinping soon.\n"},
		{name: "subjects at a sentence start, short counterpart",
			src:     pairedStory + "Blinken and Blinken met for five hours.\n",
			flagged: []string{"Blinken and Blinken"},
			fixed:   pairedStory + "Blinken and Wang met for five hours.\n"},
		{name: "title before the first name",
			src:     "Aides want a meeting between President Biden and Biden, their first.\n",
			flagged: []string{"Biden and Biden"}},
		{name: "between, then a verb",
			src:     "The talks between Kuleba and Kuleba were tense, a diplomat said.\n",
			flagged: []string{"Kuleba and Kuleba"}},
		{name: "list comma",
			src:     "The committee heard from Smith, Smith and Jones on Monday.\n",
			flagged: []string{"Smith, Smith"}},
		{name: "or",
			src:     "It was unclear whether Ramaphosa or Ramaphosa would attend.\n",
			flagged: []string{"Ramaphosa or Ramaphosa"}},
		{name: "headline, names known from the story",
			src:     "Biden and Biden to meet in Bali\n\nPresident Joe Biden will travel on Monday.\n",
			flagged: []string{"Biden and Biden"}},
		{name: "doubled name after a title",
			src:     "The visit by President Biden Biden ended on Friday.\n",
			flagged: []string{"Biden Biden"},
			fixed:   "The visit by President Biden ended on Friday.\n"},
		{name: "doubled name mid-sentence",
			src:     "First, Honolulu Honolulu will be her first stop.\n",
			flagged: []string{"Honolulu Honolulu"},
			fixed:   "First, Honolulu will be her first stop.\n"},

		{name: "different names", src: "He lived in New York and New York State for years.\n"},
		{name: "suffix differs", src: "Father and son John Smith and John Smith Jr. arrived on Monday.\n"},
		{name: "couple", src: "The guests were Mr. and Mrs. Smith of Dallas.\n"},
		{name: "ampersand company", src: "Shares of Johnson & Johnson rose on Monday.\n"},
		{name: "law firm", src: "The suit was filed by Smith and Smith LLP on Monday.\n"},
		{name: "versus", src: "The court heard Smith vs. Smith on Monday.\n"},
		{name: "name as modifier", src: "Officials said Trump and Trump allies had raised the money.\n"},
		{name: "two clauses", src: "Mike had a good two inches over Phil and Phil had to look up.\n"},
		{name: "contrast", src: "It is a difference between no Christianity and Christianity, he wrote.\n"},
		{name: "citation", src: "The link was clarified by Smith and Smith (1922), who used tadpoles.\n"},
		{name: "city and state", src: "She was born in New York, New York, in 1950.\n"},
		{name: "poetic repeat", src: "They sang America, America, God shed His grace on thee.\n"},
		{name: "doubled place", src: "They flew to Walla Walla on Monday.\n"},
		{name: "doubled person", src: "Sirhan Sirhan was convicted in 1969. Sirhan said nothing.\n"},
		{name: "doubled throughout", src: "Mohamed Mohamed was elected. Officials said Mohamed Mohamed would speak.\n"},
		{name: "hyphenated doubles", src: "Boutros Boutros-Ghali spoke in Baden-Baden on Monday.\n"},
		{name: "longer name", src: "She was president of Kappa Kappa Gamma at the time.\n"},
		{name: "quoted title", src: "A sonata called \"Bella Bella\" was played on Monday.\n"},
		{name: "title-case headline", src: "Over and Over Again, Officials Say\n\nThe talks went on for days.\n"},
		{name: "variables", src: "If D and D are equal, the proof is done.\n"},
		{name: "run-in head", src: "Analysis Analysis means the evaluation of parts.\n"},
	})
}

func TestBrokenSentence(t *testing.T) {
	runDupCases(t, "broken-sentence", []dupCase{
		{name: "fragment after a name",
			src: "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Saturday.\n\n" +
				"He hopes for a meeting with Wang. Blinken, on his first trip to the region since taking office.\n",
			flagged: []string{"Wang. Blinken, on his first trip to the region since taking office"}},
		{name: "long fragment",
			src: "The ministers met for five hours on Saturday with Wang Yi.\n\n" +
				"Officials said the talks had been useful. Wang, a veteran diplomat with long experience of talks with Washington and Moscow.\n",
			flagged: []string{"useful. Wang, a veteran diplomat with long experience of talks with Washington and Moscow"}},
		{name: "sentence ends on and",
			src:     "Officials said the talks between Biden and. The two leaders will meet in Bali.\n",
			flagged: []string{"and. The"},
			fixed:   "Officials said the talks between Biden and the two leaders will meet in Bali.\n"},

		{name: "sentence adverb", src: "The talks ended. However, officials said more meetings would follow.\n"},
		{name: "relative clause", src: "Officials met Wang on Saturday. Wang, who heads the ministry, spoke first.\n"},
		{name: "base verb after pronoun", src: "Officials met Wang on Saturday. Wang, as we know, a careful man who never rushes.\n"},
		{name: "caption", src: "Officials met Smith in Bali. Smith, left, with Jones at the summit on Saturday in Bali.\n"},
		{name: "list of names", src: "Coach Jones praised the team. Mantle, Maris and Cerv, three outfielders, share a flat in Queens.\n"},
		{name: "results", src: "Smith won the race for the club. Smith, first with a time of ten minutes; Jones, second.\n"},
		{name: "short stylistic fragment", src: "Photographs of the elder Smith stood on the table. Smith, considerably younger and very different.\n"},
		{name: "dateline", src: "WASHINGTON. Smith, the senator from Ohio, on his first trip to Asia as a senator.\n"},
		{name: "quotation", src: "Smith spoke. “We met,” Jones said. Smith, on his first trip to the region since taking office.\n"},
		{name: "in between", src: "They taught black and white propaganda and the shades in between. We had schools here.\n"},
		{name: "headline", src: "Talks between Biden and. Xi, their first\n\nThe talks went on.\n"},
	})
}

func TestRepeatedWordLeavesNamesToDuplicatedName(t *testing.T) {
	runDupCases(t, "repeated-word", []dupCase{
		{name: "word", src: "The minister said the the talks were useful.\n",
			flagged: []string{"the the"}, fixed: "The minister said the talks were useful.\n"},
		{name: "capitalized function word", src: "The The talks were useful.\n",
			flagged: []string{"The The"}, fixed: "The talks were useful.\n"},
		{name: "sentence-start common noun", src: "Analysis Analysis means the evaluation of parts.\n",
			flagged: []string{"Analysis Analysis"}, fixed: "Analysis means the evaluation of parts.\n"},
		{name: "name", src: "The visit by President Biden Biden ended on Friday.\n"},
		{name: "doubled place", src: "They flew to Walla Walla on Monday.\n"},
	})
}

func TestDuplicatedNameMarkdown(t *testing.T) {
	for _, c := range []struct{ src, fixed string }{
		{"Aides want talks between Biden and Biden. Xi, their first as leaders, in Bali.\n\nOfficials said *Xi* agreed.\n",
			"Aides want talks between Biden and Xi, their first as leaders, in Bali.\n\nOfficials said *Xi* agreed.\n"},
		// The fix would cut through the emphasis, so there is none.
		{"Aides want talks between Biden and *Biden*. Xi, their first as leaders, in Bali.\n\nOfficials said Xi agreed.\n", ""},
	} {
		e, _ := rules.NewEngine(nil, []string{"duplicated-name"})
		diags := e.Run(document.ParseMarkdown("story.md", []byte(c.src)))
		if len(diags) != 1 {
			t.Fatalf("%q: %d findings", c.src, len(diags))
		}
		out, err := fix.Apply([]byte(c.src), fix.Select(diags, true))
		if want := cmp.Or(c.fixed, c.src); err != nil || string(out) != want {
			t.Errorf("fixed (%v):\n%s\nwant:\n%s", err, out, want)
		}
	}
}

func TestDuplicationExamples(t *testing.T) {
	for _, id := range []string{"repeated-word", "duplicated-name", "broken-sentence"} {
		r, err := rules.Lookup(id)
		if err != nil {
			t.Fatal(err)
		}
		m := r.Meta()
		if diags := lintOnly(t, id, m.Bad+"\n"); len(diags) == 0 {
			t.Errorf("%s: nothing found in its Bad example %q", id, m.Bad)
		}
		if diags := lintOnly(t, id, m.Good+"\n"); len(diags) != 0 {
			t.Errorf("%s: %q found in its Good example", id, diags[0].Message)
		}
	}
}

// TestDuplicationSeedStory checks the seed rows the duplication family owns (expected.tsv, line 21), and
// that applying every suggested fix mends the sentence in one go.
func TestDuplicationSeedStory(t *testing.T) {
	src, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, err := rules.NewEngine(nil, []string{"repeated-word", "duplicated-name", "broken-sentence"})
	if err != nil {
		t.Fatal(err)
	}
	doc := document.ParseText("seed.txt", src)
	diags := e.Run(doc)
	type finding struct {
		rule, text string
		line       int
	}
	var got []finding
	for _, d := range diags {
		got = append(got, finding{d.Rule, string(src[d.Start:d.End]), doc.Position(d.Start).Line})
	}
	want := []finding{
		{"duplicated-name", "Biden and Biden", 21},
		{"broken-sentence", "Biden. Xi, their first as leaders", 21},
	}
	if len(got) != len(want) {
		t.Fatalf("findings %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	out, err := fix.Apply(src, fix.Select(diags, true))
	if err != nil {
		t.Fatal(err)
	}
	fixed := document.ParseText("fixed.txt", out)
	if line := fixed.Line(21); !strings.Contains(line, "a face-to-face meeting between Biden and Xi, their first as leaders, possibly") {
		t.Errorf("fixed line 21:\n%s", line)
	}
}
