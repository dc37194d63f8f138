package rules

import (
	"strings"
)

type titleConsistency struct{}

func newTitleConsistency() Rule { return titleConsistency{} }

func (titleConsistency) Meta() Meta {
	return Meta{
		ID: "title-consistency", Category: "titles", Severity: Warning,
		Summary: "the same person given two versions of one title (\"Foreign Minister Wang Yi\", later \"international minister Wang\")",
		Doc: "A rewriting tool swaps the words of a title for near-synonyms, so one person becomes " +
			"\"Foreign Minister\", \"international minister\" and \"Overseas Minister\" in one story. The rule " +
			"follows each person named with a title (matching \"Wang\" to \"Wang Yi\") and reports a later " +
			"title with the same head word whose qualifier is a listed near-synonym of the earlier one's. A " +
			"shortened title (\"Minister Wang\") or a different office (\"Sen. Kennedy\", later \"President " +
			"Kennedy\") is not reported. The fix, to be read, repeats the first title.",
		Bad:  "Foreign Minister Wang Yi met Blinken. ... international minister Wang said.",
		Good: "Foreign Minister Wang Yi met Blinken. ... Foreign Minister Wang said.",
	}
}

func (titleConsistency) Check(p *Pass) {
	d := p.Doc
	people := findPeople(d)
	for i, m := range people {
		if m.Title == nil {
			continue
		}
		for _, first := range people[:i] {
			if first.Title == nil || !first.samePerson(m) || !swappedTitle(first.Title, m.Title) {
				continue
			}
			was, now := d.Slice(first.Title.Core), d.Slice(m.Title.Core)
			p.Report(Finding{
				Span: m.Title.Core,
				Message: "\"" + now + "\" for " + d.Slice(m.Name) + ", who is \"" + was +
					"\" earlier: give one person one title",
				Fixes:   []Fix{p.ReplaceFix(m.Title.Core, was, "write \""+was+"\"", false)},
				Related: []Related{p.RelatedAt(first.Title.Core, "the title at first reference")},
			})
			break
		}
	}
}

// swappedTitle reports whether two titles share a head and differ only by near-synonym qualifiers
// ("foreign" and "international" minister), the signature of a rewriting tool rather than a new office.
func swappedTitle(a, b *personTitle) bool {
	if a.Head != b.Head || len(a.Qualifiers) != len(b.Qualifiers) || len(a.Qualifiers) == 0 {
		return false
	}
	t := titleWords()
	swapped := false
	for i, q := range a.Qualifiers {
		r := b.Qualifiers[i]
		if strings.EqualFold(q, r) {
			continue
		}
		g := t.groupOf("qualifier", q)
		if g < 0 || g != t.groupOf("qualifier", r) {
			return false
		}
		swapped = true
	}
	return swapped
}
