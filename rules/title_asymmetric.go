package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

type asymmetricTitles struct{}

func newAsymmetricTitles() Rule { return asymmetricTitles{} }

func (asymmetricTitles) Meta() Meta {
	return Meta{
		ID: "asymmetric-titles", Category: "titles", Severity: Info,
		Summary: "two people paired with \"and\" under one title, only one with a country (\"President Joe Biden and Chinese President Xi Jinping\")",
		Doc: "When two holders of the same office are named side by side, news copy gives both the same " +
			"form: \"U.S. President Joe Biden and Chinese President Xi Jinping\". Dropping the country from " +
			"one of them reads as if the story's own country needs no name, which a wire story for readers " +
			"everywhere avoids. The rule reports an \"X and Y\" pair with the same title where only one has " +
			"a country, unless the story gave the other's country earlier. It is information, not a " +
			"warning: wire copy itself often leaves out the home country of its own president. There is " +
			"no fix: the rule does not know the country.",
		Bad:  "President Joe Biden and Chinese President Xi Jinping are expected to speak.",
		Good: "U.S. President Joe Biden and Chinese President Xi Jinping are expected to speak.",
	}
}

func (asymmetricTitles) Check(p *Pass) {
	d := p.Doc
	people := findPeople(d)
	var countries countryIndex
	for i := 1; i < len(people); i++ {
		a, b := people[i-1], people[i]
		// Mentions can overlap ("President Chinese President Xi" reads two ways); such a pair has no
		// "and" between them.
		if a.Span.End > b.Span.Start || a.Title == nil || b.Title == nil || !sameOffice(a.Title, b.Title) ||
			!strings.EqualFold(strings.TrimSpace(d.Text[a.Span.End:b.Span.Start]), "and") {
			continue
		}
		bare, named := a, b
		if a.Title.Country.Len() > 0 {
			bare, named = b, a
		}
		if bare.Title.Country.Len() > 0 || named.Title.Country.Len() == 0 || countries.givenBefore(people, i-1, bare) {
			continue
		}
		p.Report(Finding{
			Span: document.Span{Start: a.Span.Start, End: b.Span.End},
			Message: "\"" + d.Slice(named.Span) + "\" has a country and \"" + d.Slice(bare.Span) +
				"\" has none: give both the same form, with " + d.Slice(bare.Name) + "'s country before \"" +
				d.Slice(bare.Title.Core) + "\"",
		})
	}
}

// sameOffice reports whether two titles name the same office, qualifiers included.
func sameOffice(a, b *personTitle) bool {
	return a.Head == b.Head && strings.Join(a.Qualifiers, " ") == strings.Join(b.Qualifiers, " ")
}

// countryIndex files the mentions whose title carries a country by name (personIndex), the first of each
// name only, so that whether one names a given person is found without going through all of them.
type countryIndex struct {
	people personIndex
	filed  map[string]bool // name keys
	next   int             // people before this are filed
}

// givenBefore reports whether one of people[:n] with a country in its title names m's person.
func (x *countryIndex) givenBefore(people []personMention, n int, m personMention) bool {
	for ; x.next < n; x.next++ {
		e := people[x.next]
		if e.Title == nil || e.Title.Country.Len() == 0 {
			continue
		}
		if k := namesKey(e.names); !x.filed[k] {
			if x.filed == nil {
				x.filed = map[string]bool{}
			}
			x.filed[k] = true
			x.people.add("", e.names, x.next)
		}
	}
	found := false
	x.people.candidates("", m.names, func(list []int) {
		for _, j := range list {
			if found = found || people[j].samePerson(m); found {
				return
			}
		}
	})
	return found
}
