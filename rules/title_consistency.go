package rules

import (
	"slices"
	"strconv"
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
	for i, j := range swappedTitles(people) {
		if j >= 0 {
			m, first := people[i], people[j]
			was, now := d.Slice(first.Title.Core), d.Slice(m.Title.Core)
			p.Report(Finding{
				Span: m.Title.Core,
				Message: "\"" + now + "\" for " + d.Slice(m.Name) + ", who is \"" + was +
					"\" earlier: give one person one title",
				Fixes:   []Fix{p.ReplaceFix(m.Title.Core, was, "write \""+was+"\"", false)},
				Related: []Related{p.RelatedAt(first.Title.Core, "the title at first reference")},
			})
		}
	}
}

// swappedTitles returns, for each mention, the first earlier one of the same person whose title is a
// swapped version of its own (samePerson and swappedTitle), or -1.
func swappedTitles(people []personMention) []int {
	out := make([]int, len(people))
	var x titleIndex
	for i, m := range people {
		out[i] = -1
		if m.Title == nil || len(m.Title.Qualifiers) == 0 || len(m.names) == 0 {
			continue // swappedTitle needs qualifiers, samePerson a name: no finding, no earlier title
		}
		out[i] = x.earliestSwapped(people, m)
		x.add(m, i)
	}
	return out
}

// titleIndex finds the first earlier mention of the same person whose title is a swapped version of a
// mention's (samePerson and swappedTitle), in time linear in the number of mentions. Titles are filed by
// class: the head, then for each qualifier its near-synonym group or, outside the lists, its lower-case
// form, so two titles swappedTitle accepts have one class. Within a class they are filed by their exact
// qualifiers, which decide swappedTitle alone; of the mentions with one name and one title only the first
// is filed, as a later one can be the first reference for no one. Qualifiers whose case folding disagrees
// with lower-casing (foldStable) are rare enough to be compared with every earlier title.
type titleIndex struct {
	people   personIndex
	variants map[string][]titleVariant // by class
	filed    map[string]bool           // class, qualifiers and name already filed
	odd      []int                     // mentions with a qualifier that is not foldStable
	all      []int                     // every mention filed, for a mention with such a qualifier
}

// titleClass returns the class of a title and its exact qualifiers, or ok false when a qualifier is not
// foldStable.
func titleClass(t *personTitle) (class, quals string, ok bool) {
	words := titleWords()
	var cb, qb strings.Builder
	cb.WriteString(t.Head)
	for _, q := range t.Qualifiers {
		if !foldStable(q) {
			return "", "", false
		}
		cb.WriteByte(1)
		if g := words.groupOf("qualifier", q); g >= 0 {
			cb.WriteByte('g')
			cb.WriteString(strconv.Itoa(g))
		} else {
			writeKeyPart(&cb, strings.ToLower(q))
		}
		writeKeyPart(&qb, q)
	}
	return cb.String(), qb.String(), true
}

func (x *titleIndex) add(m personMention, i int) {
	x.all = append(x.all, i)
	class, quals, ok := titleClass(m.Title)
	if !ok {
		x.odd = append(x.odd, i)
		return
	}
	var kb strings.Builder
	kb.WriteString(quals)
	for _, w := range m.names {
		writeKeyPart(&kb, w)
	}
	key := class + "\x02" + kb.String()
	if x.filed[key] {
		return
	}
	if x.filed == nil {
		x.filed, x.variants = map[string]bool{}, map[string][]titleVariant{}
	}
	x.filed[key] = true
	if !slices.ContainsFunc(x.variants[class], func(v titleVariant) bool { return v.quals == quals }) {
		x.variants[class] = append(x.variants[class], titleVariant{quals, i})
	}
	x.people.add(class+"\x02"+quals, m.names, i)
}

// earliestSwapped returns the index of the first filed mention of m's person with a swapped version of
// m's title, or -1.
func (x *titleIndex) earliestSwapped(people []personMention, m personMention) int {
	best := -1
	try := func(list []int) {
		for _, j := range list {
			if best >= 0 && j >= best {
				return
			}
			first := people[j]
			if first.samePerson(m) && swappedTitle(first.Title, m.Title) {
				best = j
				return
			}
		}
	}
	class, quals, ok := titleClass(m.Title)
	if !ok {
		try(x.all)
		return best
	}
	try(x.odd)
	for _, v := range x.variants[class] {
		// Equal qualifiers are no swap; other qualifiers of the class are, or are not, for every mention
		// filed under them alike, so the first of each list that names m's person decides.
		if v.quals != quals && swappedTitle(people[v.first].Title, m.Title) {
			x.people.candidates(class+"\x02"+v.quals, m.names, try)
		}
	}
	return best
}

// writeKeyPart adds s to a key, prefixed by its length so that no two lists of parts make one key.
func writeKeyPart(sb *strings.Builder, s string) {
	sb.WriteString(strconv.Itoa(len(s)))
	sb.WriteByte(':')
	sb.WriteString(s)
}

// titleVariant is one set of exact qualifiers filed under a class, and the first mention that has them.
type titleVariant struct {
	quals string
	first int
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
