package rules

import (
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// runSourceRule runs one source rule over a draft checked against one source.
func runSourceRule(t *testing.T, id, draft, source string) (*document.Document, []Diagnostic) {
	t.Helper()
	e, err := NewEngine(nil, []string{id})
	if err != nil {
		t.Fatal(err)
	}
	d := document.ParseText("draft.txt", []byte(draft))
	return d, e.Run(d, document.ParseText("source.txt", []byte(source)))
}

// applySourceFix applies the edits of a diagnostic's first fix to the source, last edit first.
func applySourceFix(src []byte, d Diagnostic) string {
	edits := append([]TextEdit(nil), d.Fixes[0].Edits...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	out := string(src)
	for _, e := range edits {
		out = out[:e.Start] + e.NewText + out[e.End:]
	}
	return out
}

type sourceCase struct {
	name          string
	source, draft string
	// want is the flagged text, severity and a part of the message of each finding, in order; fixed is
	// the draft after the first finding's fix, when it has one.
	want  []sourceWant
	fixed string
}

type sourceWant struct {
	text     string
	severity Severity
	message  string
}

func checkSourceCases(t *testing.T, id string, cases []sourceCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, diags := runSourceRule(t, id, c.draft, c.source)
			if len(diags) != len(c.want) {
				t.Fatalf("got %d findings, want %d: %+v", len(diags), len(c.want), diags)
			}
			for i, w := range c.want {
				d := diags[i]
				if got := string(doc.Source[d.Start:d.End]); got != w.text || d.Severity != w.severity || !strings.Contains(d.Message, w.message) {
					t.Errorf("finding %d: %q %v %q; want %q %v containing %q", i, got, d.Severity, d.Message, w.text, w.severity, w.message)
				}
			}
			if c.fixed != "" {
				if len(diags[0].Fixes) == 0 || diags[0].Fixes[0].Safe {
					t.Fatalf("want one unsafe fix, got %+v", diags[0].Fixes)
				}
				if got := applySourceFix(doc.Source, diags[0]); got != c.fixed {
					t.Errorf("fixed:\n got %q\nwant %q", got, c.fixed)
				}
			}
		})
	}
}

const blinkenSource = "Talks\n\n\"There is no substitute for face-to-face diplomacy, and in a relationship as complex and consequential as the one between the United States and China, there's a lot to talk about,\" Blinken told reporters at the start of the meeting.\n"

func TestQuoteIntegrity(t *testing.T) {
	checkSourceCases(t, "quote-integrity", []sourceCase{
		{name: "ellipsis replaces words", source: blinkenSource,
			draft: "Talks\n\n“There is no substitute for personal … diplomacy,” Blinken told reporters.\n",
			want:  []sourceWant{{"personal …", Error, `quote differs from the source: "personal …" where the source has "face-to-face"`}},
			fixed: "Talks\n\n“There is no substitute for face-to-face diplomacy,” Blinken told reporters.\n"},
		{name: "synonym in a quote", source: blinkenSource,
			draft: "Talks\n\n“In a relationship as complex and pervasive as the one between the United States and China, there's a lot to talk about,” Blinken said.\n",
			want:  []sourceWant{{"pervasive", Error, `"pervasive" where the source has "consequential"`}},
			fixed: "Talks\n\n“In a relationship as complex and consequential as the one between the United States and China, there's a lot to talk about,” Blinken said.\n"},
		{name: "ellipsis marks an omission", source: blinkenSource,
			draft: "Talks\n\n\"There is no substitute for face-to-face diplomacy, and in a relationship as complex and consequential as … the United States and China, there's a lot to talk about,\" he said.\n",
			want:  []sourceWant{{"…", Info, `ellipsis omits "the one between" from the source`}}},
		{name: "words dropped without an ellipsis", source: blinkenSource,
			draft: "Talks\n\n\"There is no substitute for diplomacy,\" he said.\n",
			want:  []sourceWant{{"for", Error, `drops "face-to-face" without an ellipsis`}},
			fixed: "Talks\n\n\"There is no substitute for face-to-face diplomacy,\" he said.\n"},
		{name: "quote from elsewhere", source: blinkenSource,
			draft: "Talks\n\nA resident called it \"the best history lesson of the year.\"\n",
			want:  []sourceWant{{"the best history lesson of the year.", Warning, "quote not found in the sources"}}},
		{name: "curly marks, line break, capital, split quote", source: blinkenSource,
			draft: "Talks\n\n“there is no substitute for face-to-face\ndiplomacy,” Blinken said, “and in a relationship as complex and consequential as the one between the United States and China, there’s a lot to talk about.”\n"},
		{name: "no quotation", source: blinkenSource, draft: "Talks\n\nBlinken said diplomacy mattered.\n"},
	})
	// Without sources the rule says nothing.
	e, _ := NewEngine(nil, []string{"quote-integrity"})
	if diags := e.Run(document.ParseText("d.txt", []byte("“There is no substitute for personal … diplomacy.”"))); len(diags) != 0 {
		t.Errorf("without sources: %+v", diags)
	}
}

const sanctionsSource = "Story\n\nShortly before Russia's invasion of Ukraine on Feb. 24, Beijing and Moscow announced a partnership. But U.S. officials have said they have not seen China evade U.S.-led sanctions on Russia.\n\nThe top U.S. diplomat for East Asia, Daniel Kritenbrink, said on Tuesday he expected a tough exchange with Wang about the $50 million aid package.\n\nThe reading drew visitors from 38 states and 11 countries, according to park officials.\n"

func TestSourceRewrite(t *testing.T) {
	checkSourceCases(t, "source-rewrite", []sourceCase{
		{name: "synonym swap", source: sanctionsSource,
			draft: "Story\n\nBut US officials have said they have not seen China escape US-led sanctions on Russia.\n",
			want:  []sourceWant{{"escape", Warning, `"escape" where the source has "evade"`}},
			fixed: "Story\n\nBut US officials have said they have not seen China evade US-led sanctions on Russia.\n"},
		{name: "house style and small words", source: sanctionsSource,
			draft: "Story\n\nShortly before the Russian invasion of Ukraine on February 24, Beijing and Moscow announced the partnership.\n",
			want:  []sourceWant{{"the Russian", Warning, `"the Russian" where the source has "Russia's"`}}},
		{name: "grammar follows", source: sanctionsSource,
			draft: "Story\n\nUS officials say they have not seen China evade US-led sanctions on Russia.\n"},
		{name: "unrelated sentence of the same story", source: sanctionsSource,
			draft: "Story\n\nChina and Russia held naval drills near Japan last year, officials in Tokyo said.\n"},
	})
}

func TestSourceFact(t *testing.T) {
	checkSourceCases(t, "source-fact", []sourceCase{
		{name: "date", source: sanctionsSource,
			draft: "Story\n\nShortly before Russia's invasion of Ukraine on February 23, Beijing and Moscow announced a partnership.\n",
			want:  []sourceWant{{"23", Error, `"23" where the source has "24"`}},
			fixed: "Story\n\nShortly before Russia's invasion of Ukraine on February 24, Beijing and Moscow announced a partnership.\n"},
		{name: "name and amount", source: sanctionsSource,
			draft: "Story\n\nThe top US diplomat for East Asia, Daniel Kritenbrick, said on Tuesday he expected a tough exchange with Wang about the $5 million aid package.\n",
			want: []sourceWant{{"Kritenbrick", Error, `"Kritenbrick" where the source has "Kritenbrink"`},
				{"5", Error, `"5" where the source has "50"`}}},
		{name: "same facts written differently", source: sanctionsSource,
			draft: "Story\n\nShortly before the Russian invasion of Ukraine on February 24, Beijing and Moscow announced a partnership.\n"},
	})
}

func TestSourceAttribution(t *testing.T) {
	checkSourceCases(t, "source-attribution", []sourceCase{
		{name: "according to dropped", source: sanctionsSource,
			draft: "Story\n\nThe reading drew visitors from 38 states and 11 countries.\n",
			want:  []sourceWant{{"The reading drew visitors from 38 states and 11 countries.", Warning, `the source says "according to park officials"`}}},
		{name: "speaker moved to the next sentence", source: sanctionsSource,
			draft: "Story\n\nThe reading drew visitors from 38 states and 11 countries. Park officials gave the figures.\n"},
		{name: "pronoun for the name", source: sanctionsSource,
			draft: "Story\n\nThe top US diplomat for East Asia said on Tuesday he expected a tough exchange with Wang.\n"},
		{name: "claim dropped with its speaker", source: sanctionsSource,
			draft: "Story\n\nBut China has not been accused of breaking any rules.\n"},
	})
}
