package rules

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestTitleTermsData(t *testing.T) {
	terms, err := parseTitleTerms(titlesTSV)
	if err != nil {
		t.Fatal(err)
	}
	if terms.titleHead("Sen.") != "senator" || terms.titleHead("President") != "president" {
		t.Errorf("title heads: %q %q", terms.titleHead("Sen."), terms.titleHead("President"))
	}
	if terms.groupOf("term", "face to face") != terms.groupOf("term", "Personal") || !terms.has("country", "U.S.") {
		t.Error("face-to-face and personal should share a group; U.S. should be a country")
	}
	for _, bad := range []string{"kind\twords\tsource\ntitle\tpresident\t\n", "kind\twords\tsource\nplace\tBali\tx\n"} {
		if _, err := parseTitleTerms(bad); err == nil {
			t.Errorf("parseTitleTerms(%q) accepted a bad row", bad)
		}
	}
}

// describeMention renders a mention as span|name|core|country|modifier|descriptor for comparison.
func describeMention(d *document.Document, m personMention) string {
	parts := []string{d.Slice(m.Span), d.Slice(m.Name), "", "", "", d.Slice(m.Desc)}
	if m.Title != nil {
		parts[2], parts[3], parts[4] = d.Slice(m.Title.Core), d.Slice(m.Title.Country), d.Slice(m.Title.Modifier)
	}
	return strings.Join(parts, "|")
}

func TestFindPeople(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"title with country", "US Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi met on Saturday.",
			[]string{"US Secretary of State Antony Blinken|Antony Blinken|Secretary of State|US||", "Chinese Foreign Minister Wang Yi|Wang Yi|Foreign Minister|Chinese||"}},
		{"modifier", "He served under former President Barack Obama.",
			[]string{"former President Barack Obama|Barack Obama|President||former|"}},
		{"abbreviated title and initial", "The bill was filed by Sen. John F. Kennedy on Monday.",
			[]string{"Sen. John F. Kennedy|John F. Kennedy|Sen.|||"}},
		{"of phrase with a two-word object", "Minister of Foreign Affairs Wang Yi spoke.",
			[]string{"Minister of Foreign Affairs Wang Yi|Wang Yi|Minister of Foreign Affairs|||"}},
		{"lowercase title", "He met secretary of state Antony Blinken.",
			[]string{"secretary of state Antony Blinken|Antony Blinken|secretary of state|||"}},
		{"swapped lowercase qualifier", "Later international minister Wang said no.",
			[]string{"international minister Wang|Wang|international minister|||"}},
		{"name then descriptor", "Daniel Russel, a top US diplomat for East Asia under former President Barack Obama, said so.",
			[]string{"Daniel Russel, a top US diplomat for East Asia|Daniel Russel||||top US diplomat for East Asia",
				"former President Barack Obama|Barack Obama|President||former|"}},
		{"descriptor then name", "The top US diplomat for East Asia, Daniel Kritenbrink, said on Tuesday he expected talks.",
			[]string{"The top US diplomat for East Asia, Daniel Kritenbrink|Daniel Kritenbrink||||top US diplomat for East Asia"}},
		{"no name after title", "The President said on Monday that the Secretary of State would travel.", nil},
		{"relational descriptor", "Dr. and Mrs. Richard Vieth announce the engagement of their daughter, Miss Susan Vieth, to Mr. Conrad Wall.", nil},
		{"occupation is not a title", "The crowd cheered astronaut Neil Armstrong.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := document.ParseText("x.txt", []byte(c.text))
			var got []string
			for _, m := range findPeople(d) {
				got = append(got, describeMention(d, m))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestSamePerson(t *testing.T) {
	m := func(names ...string) personMention { return personMention{names: names} }
	if !m("wang").samePerson(m("wang", "yi")) || !m("joe", "biden").samePerson(m("biden")) {
		t.Error("a surname should match the full name")
	}
	if m("daniel", "russel").samePerson(m("daniel", "kritenbrink")) || m().samePerson(m()) {
		t.Error("different or empty names should not match")
	}
}

// TestPeopleMentionsDoNotOverlap: a title read backwards stops at the mention before it (found by
// FuzzEngine: "President Chinese President B0" once gave two overlapping mentions).
func TestPeopleMentionsDoNotOverlap(t *testing.T) {
	for _, src := range []string{
		"Talks\n\nPresident Chinese President Xi Jinping met President Joe Biden.\n",
		"Talks\n\nThe top diplomat, Wang Yi Foreign Minister Wang Yi, spoke.\n",
		"Talks\n\nPresident Chinese President B0\n",
	} {
		d := document.ParseText("s.txt", []byte(src))
		ms := scanPeople(d)
		for i := 1; i < len(ms); i++ {
			if ms[i].Span.Start < ms[i-1].Span.End {
				t.Errorf("%q: mentions %q and %q overlap", src, d.Slice(ms[i-1].Span), d.Slice(ms[i].Span))
			}
		}
	}
}
