package rules

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// promoRun runs one rule over a story in the given format.
func promoRun(r Rule, f document.Format, src string) (*document.Document, []Diagnostic) {
	doc := document.Parse("story", f, []byte(src))
	var diags []Diagnostic
	r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
	return doc, diags
}

// promoApply applies the first fix of every diagnostic, in reverse source order; overlapping fixes fail
// the test, since the promo rules' edits are meant to combine.
func promoApply(t *testing.T, src string, diags []Diagnostic) string {
	t.Helper()
	var edits []TextEdit
	for _, d := range diags {
		if len(d.Fixes) > 0 {
			edits = append(edits, d.Fixes[0].Edits...)
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	out, limit := src, len(src)
	for _, e := range edits {
		if e.End > limit {
			t.Fatalf("overlapping edits at byte %d", e.Start)
		}
		out = out[:e.Start] + e.NewText + out[e.End:]
		limit = e.Start
	}
	return out
}

type promoCase struct {
	name string
	src  string
	// flagged are the source texts of the findings, in order; fixed is src with every first fix applied
	// (only checked when flagged is not empty).
	flagged []string
	fixed   string
}

func runPromoCases(t *testing.T, mk func() Rule, f document.Format, cases []promoCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, diags := promoRun(mk(), f, c.src)
			var got []string
			for _, d := range diags {
				got = append(got, c.src[d.Start:d.End])
			}
			if strings.Join(got, "|") != strings.Join(c.flagged, "|") {
				for _, d := range diags {
					t.Log(d.Message)
				}
				t.Fatalf("flagged %q, want %q", got, c.flagged)
			}
			if len(c.flagged) > 0 {
				if out := promoApply(t, c.src, diags); out != c.fixed {
					t.Fatalf("fixed:\n%q\nwant:\n%q", out, c.fixed)
				}
			}
		})
	}
}

func TestPromoPatternsData(t *testing.T) {
	ps := promoPatterns()
	if len(ps.list) < 40 {
		t.Fatalf("only %d patterns parsed", len(ps.list))
	}
	for i, pp := range ps.list {
		if pp.kind == "" {
			t.Errorf("%s: no kind", pp.re)
		}
		// The example must reach the regex through the keyword index, so a wrong keyword fails here.
		doc := document.ParseText("x", []byte(pp.example))
		cands := ps.candidates(doc, asciiLower(doc.Text), 0, make([]int, len(ps.list)), nil)
		if !slices.Contains(cands, i) {
			t.Errorf("%s: no keyword of %q is a token of its example %q", pp.re, pp.keywords, pp.example)
		}
		if _, _, ok := pp.match(doc.Slice(doc.Blocks[0].Span), blockWordCount(doc, doc.Blocks[0])); !ok {
			t.Errorf("%s does not match its example %q", pp.re, pp.example)
		}
	}
	for _, bad := range []string{
		"h\nx\tregex\tk\t0\terror\tkind\tex\n",        // 7 fields
		"h\nx\tregex\tKey\t0\terror\tkind\tex\tsrc\n", // upper-case keyword
		"h\nx\tregex\tk\t0\terror\tkind\tex\t\n",      // no source
		"h\nx(\tregex\tk\t0\terror\tkind\tex\tsrc\n",  // bad regex
	} {
		if _, err := parsePromoPatterns(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestPromoText(t *testing.T) {
	runPromoCases(t, newPromoText, document.Text, []promoCase{
		{name: "registration wall between paragraphs (seed)",
			src:     "Blinken met Wang.\n\nRegister now for FREE unlimited access to\n\nThe talks lasted hours.\n",
			flagged: []string{"Register now for FREE unlimited access to"},
			fixed:   "Blinken met Wang.\n\nThe talks lasted hours.\n"},
		{name: "full registration wall with the domain",
			src:     "Blinken met Wang.\n\nRegister now for FREE unlimited access to Reuters.com Register\n\nThe talks lasted hours.\n",
			flagged: []string{"Register now for FREE unlimited access to Reuters.com Register"},
			fixed:   "Blinken met Wang.\n\nThe talks lasted hours.\n"},
		{name: "two copies, and a last paragraph without a line break",
			src: "One.\n\nRegister now for FREE unlimited access to\n\nTwo.\n\nRegister now for FREE unlimited access to\n\n" +
				"Our Standards: The Thomson Reuters Trust Principles.\n\nShare is Love^^",
			flagged: []string{"Register now for FREE unlimited access to", "Register now for FREE unlimited access to",
				"Our Standards: The Thomson Reuters Trust Principles.", "Share is Love^^"},
			fixed: "One.\n\nTwo."},
		{name: "promo as the first paragraph",
			src: "ADVERTISEMENT\n\nThe talks lasted hours.\n", flagged: []string{"ADVERTISEMENT"},
			fixed: "The talks lasted hours.\n"},
		{name: "copyright footer: the whole short paragraph goes",
			src: "The talks lasted hours.\n\n© 2022 Reuters. All rights reserved.\n", flagged: []string{"© 2022 Reuters. All rights reserved."},
			fixed: "The talks lasted hours.\n"},
		{name: "newsletter blurb and its call to action",
			src:     "The talks lasted hours.\n\nThe Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here.\n\nMore copy.\n",
			flagged: []string{"The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here."},
			fixed:   "The talks lasted hours.\n\nMore copy.\n"},
		{name: "ad slot label inside a long paragraph: only the label goes",
			src:     "Blinken said the two sides had a candid exchange on Ukraine and Taiwan during the talks. Advertisement · Scroll to continue\n",
			flagged: []string{"Advertisement · Scroll to continue"},
			fixed:   "Blinken said the two sides had a candid exchange on Ukraine and Taiwan during the talks.\n"},
		{name: "CRLF file keeps its line endings",
			src: "Head\r\n\r\nText one.\r\n\r\nGet all your news in one place.\r\n\r\nText two.\r\n", flagged: []string{"Get all your news in one place."},
			fixed: "Head\r\n\r\nText one.\r\n\r\nText two.\r\n"},
		{name: "news about a casino", src: "Head\n\nThe casino reopened on Friday.\n"},
		{name: "news about subscribers", src: "Head\n\nThe magazine has 2 million paid subscribers.\n"},
		{name: "continue reading in copy", src: "Head\n\nShe said she would continue reading the report before deciding.\n"},
		{name: "a newsletter in the news", src: "Head\n\nThe church newsletter is mailed to 400 families.\n"},
		{name: "photo agency in the news", src: "Head\n\nGetty Images shares rose 3 percent.\n"},
		{name: "have your say in a long paragraph",
			src: "Head\n\n\"Have your say at the meeting on Tuesday,\" the mayor told residents who crowded the hall for the budget hearing.\n"},
		{name: "sign-off and editor's note are copy",
			src: "Head\n\n(This story has been refiled to fix a typo)\n\nAdditional reporting by Ryan Woo in Beijing; Editing by Robert Birsel\n"},
	})
}

func TestPromoTextMarkdownList(t *testing.T) {
	runPromoCases(t, newPromoText, document.Markdown, []promoCase{
		{name: "share widget list items go with their markers",
			src:     "# Head\n\nText one.\n\n- Share on Facebook\n- Share on Twitter\n\nText two.\n",
			flagged: []string{"Share on Facebook", "Share on Twitter"},
			fixed:   "# Head\n\nText one.\n\nText two.\n"},
	})
}

func TestPromoTextHTML(t *testing.T) {
	runPromoCases(t, newPromoText, document.HTML, []promoCase{
		{name: "a block sharing its line with markup loses only its text",
			src:     "<p>Text one.</p>\n<p>Advertisement</p>\n<p>Text two.</p>\n",
			flagged: []string{"Advertisement"},
			fixed:   "<p>Text one.</p>\n<p></p>\n<p>Text two.</p>\n"},
	})
}

func TestLinkResidue(t *testing.T) {
	runPromoCases(t, newLinkResidue, document.Text, []promoCase{
		{name: "after a full stop (seed)",
			src:     "Head\n\nThe talks aim to keep relations stable. read more\n\nNext.\n",
			flagged: []string{"read more"}, fixed: "Head\n\nThe talks aim to keep relations stable.\n\nNext.\n"},
		{name: "after a closing quote, capitalised, with a chevron",
			src:     "Head\n\n“We want talks,” he said. Read More »\n",
			flagged: []string{"Read More »"}, fixed: "Head\n\n“We want talks,” he said.\n"},
		{name: "on a line of its own",
			src:     "Head\n\nThe talks lasted hours.\n\nRead more:\n\nNext.\n",
			flagged: []string{"Read more:"}, fixed: "Head\n\nThe talks lasted hours.\n\nNext.\n"},
		{name: "on a line of its own, with dots (news-intech.blogspot.com)",
			src:     "Head\n\nThe talks lasted hours.\n\nRead more .... \n\nNext.\n",
			flagged: []string{"Read more ...."}, fixed: "Head\n\nThe talks lasted hours.\n\nNext.\n"},
		{name: "related-story line",
			src:     "Head\n\nThe talks lasted hours.\n\nRead more: Blinken lands in Beijing\n\nNext.\n",
			flagged: []string{"Read more: Blinken lands in Beijing"}, fixed: "Head\n\nThe talks lasted hours.\n\nNext.\n"},
		{name: "an unfinished sentence ends in read more", src: "Head\n\nTeachers want children to read more\n"},
		{name: "a sentence about reading", src: "Head\n\nHe urged people to read more.\n"},
		{name: "a quote that says read more", src: "Head\n\n\"Read more,\" the teacher said.\n"},
		{name: "read more inside a sentence", src: "Head\n\nRead more about it in the report, he said.\n"},
	})
}

func TestLinkResidueFixSafety(t *testing.T) {
	_, diags := promoRun(newLinkResidue(), document.Text, "Head\n\nStable. read more\n\nRead more: Blinken lands\n")
	if len(diags) != 2 || !diags[0].Fixes[0].Safe || diags[1].Fixes[0].Safe {
		t.Fatalf("want a safe tail fix and an unsafe related-story fix, got %+v", diags)
	}
}

func TestBoilerplateLine(t *testing.T) {
	runPromoCases(t, newBoilerplateLine, document.Text, []promoCase{
		{name: "spun registration wall (not in the list)",
			src:     "Head\n\nBlinken met Wang.\n\nRegister now for FREE limitless access to Reuters.com\n\nThe talks lasted hours.\n",
			flagged: []string{"Register now for FREE limitless access to Reuters.com"},
			fixed:   "Head\n\nBlinken met Wang.\n\nThe talks lasted hours.\n"},
		{name: "social call to action",
			src: "Head\n\nBlinken met Wang.\n\nFollow us on Twitter\n", flagged: []string{"Follow us on Twitter"},
			fixed: "Head\n\nBlinken met Wang.\n"},
		// labnol.org and royalexaminer.com page chrome.
		{name: "account promo", src: "Head\n\nBlinken met Wang.\n\nDo more with your Gmail and GSuite account\n",
			flagged: []string{"Do more with your Gmail and GSuite account"}, fixed: "Head\n\nBlinken met Wang.\n"},
		{name: "contact widget", src: "Head\n\nConnect with us\n\nBlinken met Wang.\n",
			flagged: []string{"Connect with us"}, fixed: "Head\n\nBlinken met Wang.\n"},
		{name: "emoticon signature", src: "Head\n\nBlinken met Wang.\n\nThanks for reading :)\n",
			flagged: []string{"Thanks for reading :)"}, fixed: "Head\n\nBlinken met Wang.\n"},
		{name: "repeated ad label",
			src:     "Head\n\nOne.\n\nStory continues below advertisement\n\nTwo.\n\nStory continues below advertisement\n\nThree.\n",
			flagged: []string{"Story continues below advertisement", "Story continues below advertisement"},
			fixed:   "Head\n\nOne.\n\nTwo.\n\nThree.\n"},
		{name: "promo after the sign-off",
			src:     "Head\n\nOne.\n\nReporting by Ryan Woo; Editing by Robert Birsel\n\nVisit our website\n",
			flagged: []string{"Visit our website"}, fixed: "Head\n\nOne.\n\nReporting by Ryan Woo; Editing by Robert Birsel\n"},
		{name: "known promo is left to promo-text", src: "Head\n\nOne.\n\nShare is Love^^\n"},
		{name: "read more is left to link-residue", src: "Head\n\nOne.\n\nRead more\n"},
		{name: "news starting with Share", src: "Head\n\nShare prices rose.\n"},
		{name: "one-line quote", src: "Head\n\nFollow the money, he said.\n"},
		{name: "quoted call", src: "Head\n\n\"Follow us!\" the guide shouted.\n"},
		{name: "a link to a document", src: "Head\n\nOne.\n\nRead the full text here\n"},
		{name: "subheads", src: "Head\n\nOne.\n\nMerger proposed\n\nTwo.\n\nShare buyback\n\nThree.\n\nJoin the club\n"},
		{name: "phrasal verb", src: "Head\n\nIn a low voice, Dick filled us in\n"},
		{name: "credits and notes after the sign-off",
			src: "Head\n\nOne.\n\nAdditional reporting by Ryan Woo in Beijing; Writing by Ed Davies\n\n" +
				"(This story has been refiled to correct the dateline)\n\nEditing by Robert Birsel\n\nPhoto: Reuters/Tingshu Wang\n"},
	})
}

// TestPromoSeedStory checks the promo findings on the spun Reuters story and that applying their fixes
// leaves clean copy.
func TestPromoSeedStory(t *testing.T) {
	raw, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	type finding struct {
		rule string
		line int
		text string
	}
	want := []finding{
		{"promo-text", 9, "Register now for FREE unlimited access to"},
		{"promo-text", 37, "Register now for FREE unlimited access to"},
		{"promo-text", 41, "Our Standards: The Thomson Reuters Trust Principles."},
		{"promo-text", 43, "Share is Love^^"},
		{"link-residue", 5, "read more"},
		{"link-residue", 33, "read more"},
	}
	var got []finding
	var all []Diagnostic
	for _, mk := range []func() Rule{newPromoText, newLinkResidue, newBoilerplateLine} {
		doc, diags := promoRun(mk(), document.Text, src)
		for _, d := range diags {
			got = append(got, finding{d.Rule, doc.Position(d.Start).Line, src[d.Start:d.End]})
			if d.Rule == "promo-text" && doc.Position(d.Start).Line == 37 && !strings.Contains(d.Message, "repeated (copy 2 of 2") {
				t.Errorf("the second registration prompt does not say it is repeated: %s", d.Message)
			}
		}
		all = append(all, diags...)
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d: got %v, want %v", i, got[i], want[i])
		}
	}
	out := promoApply(t, src, all)
	for _, s := range []string{"read more", "Register now", "Our Standards", "Share is Love"} {
		if strings.Contains(out, s) {
			t.Errorf("fixed story still has %q", s)
		}
	}
	if !strings.HasSuffix(out, "\n\nAdditional reporting by Ryan Woo in Beijing; Written by Ed Davies; Editing by Christian Schmollinger, Robert Birsel") {
		t.Errorf("fixed story does not end with the sign-off:\n%s", out[len(out)-200:])
	}
	if regexp.MustCompile(`\n[ \t]*\n[ \t]*\n`).MatchString(out) {
		t.Error("fixed story has a run of blank lines")
	}
	if !strings.Contains(out, "getting into conflict.\n\n") || !strings.Contains(out, "Congressional scrutiny.\n\n(This story") {
		t.Error("deleting \" read more\" did not leave the sentence and its paragraph break")
	}
}

func BenchmarkPromoRules(b *testing.B) {
	raw, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := document.ParseText("seed.txt", raw)
	for _, mk := range []func() Rule{newPromoText, newLinkResidue, newBoilerplateLine} {
		r := mk()
		b.Run(r.Meta().ID, func(b *testing.B) {
			for b.Loop() {
				var diags []Diagnostic
				r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
			}
		})
	}
}
