package rules

import (
	"math"
	"slices"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// minReusedDescriptorWords keeps one-word descriptors ("the president, John Smith") out: in a story about
// two bodies each has a president, while "top US diplomat for East Asia" names one post.
const minReusedDescriptorWords = 2

// maxBareRelated bounds the bare uses of a description a finding points at (the first ones in the text):
// a story names a post a few times, while a file of many stories glued together could name it thousands
// of times in each of thousands of findings, output and memory growing with the square of its length.
const maxBareRelated = 20

type descriptorReuse struct{}

func newDescriptorReuse() Rule { return descriptorReuse{} }

func (descriptorReuse) Meta() Meta {
	return Meta{
		ID: "descriptor-reuse", Category: "titles", Severity: Warning,
		Summary: "one descriptor given to two different people (\"the top US diplomat for East Asia\")",
		Doc: "A descriptor set off by commas (\"Daniel Russel, a top US diplomat for East Asia,\" or \"The " +
			"top US diplomat for East Asia, Daniel Kritenbrink,\") tells the reader who a person is. When " +
			"the same words describe two different people and one of them says \"the\", the story claims " +
			"two holders of one post: a rewrite has dropped what told them apart (\"former\", \"under " +
			"Obama\"). The rule reports the second person, points at the first and at any bare use of the " +
			"shorter description (\"the top US diplomat\") for someone else. Two \"the\" descriptors of which " +
			"one is limited to a period (\"under former President Barack Obama\") name a past and a present " +
			"holder and are not reported.",
		Bad: "Daniel Russel, a top US diplomat for East Asia under Obama, said ... The top US diplomat for " +
			"East Asia, Daniel Kritenbrink, said ...",
		Good: "Daniel Russel, the top US diplomat for East Asia under Obama, said ... The current top US " +
			"diplomat for East Asia, Daniel Kritenbrink, said ...",
	}
}

func (descriptorReuse) Check(p *Pass) {
	d := p.Doc
	people := findPeople(d)
	var bare *bareDescriptors
	for i, j := range reusedDescriptors(d, people) {
		if j < 0 {
			continue
		}
		m, first := people[i], people[j]
		if bare == nil {
			bare = newBareDescriptors(d, people)
		}
		related := []Related{p.RelatedAt(first.Span, "the same descriptor for "+d.Slice(first.Name))}
		uses := bare.uses(d.Slice(m.Desc))
		for _, span := range uses[:min(len(uses), maxBareRelated)] {
			related = append(related, p.RelatedAt(span, "the shorter description stands alone here"))
		}
		p.Report(Finding{
			Span: m.Span,
			Message: "\"" + d.Slice(m.Desc) + "\" describes both " + d.Slice(first.Name) + " and " +
				d.Slice(m.Name) + ": say what sets them apart (\"former\", \"current\", the period)",
			Related: related,
		})
	}
}

// reusedDescriptors returns, for each mention, the first earlier one that gives its descriptor of at
// least minReusedDescriptorWords words to someone else, as the rule defines it, or -1.
func reusedDescriptors(d *document.Document, people []personMention) []int {
	out := make([]int, len(people))
	x := descriptorIndex{people: people}
	for i, m := range people {
		out[i] = -1
		if m.Desc.Len() == 0 {
			continue
		}
		key := termKey(d.Slice(m.Desc))
		if len(strings.Fields(d.Slice(m.Desc))) >= minReusedDescriptorWords {
			out[i] = x.earliestOther(key, m)
		}
		x.add(key, m, i)
	}
	return out
}

// descriptorIndex finds the first earlier mention that gives a mention's descriptor to someone else, as
// the rule defines it, in time linear in the number of mentions rather than comparing every pair. Mentions
// are filed by descriptor key, whether the descriptor has "the" and whether it is scoped to a period
// (what successiveHolders reads); within such a group only the first two with a name and distinct
// descriptor spans are kept, since a later one cannot come first. A search skips the mentions of the same
// person from the start of the group's list once for all searches with that name.
type descriptorIndex struct {
	people []personMention
	groups map[descriptorGroupKey]*descriptorGroup
}

type descriptorGroupKey struct {
	desc             string
	definite, scoped bool
}

type descriptorGroup struct {
	filed []int            // mention indexes, in text order
	names map[string][]int // name key, then the mentions filed with it (at most two)
	// skip is, for a name key, how many of filed from the start name the same person as that name.
	skip map[string]int
}

// namesKey is a key for a mention's name words.
func namesKey(names []string) string {
	var sb strings.Builder
	for _, w := range names {
		writeKeyPart(&sb, w)
	}
	return sb.String()
}

func (x *descriptorIndex) add(desc string, m personMention, i int) {
	k := descriptorGroupKey{desc, m.Definite, m.Scoped}
	g := x.groups[k]
	if g == nil {
		if x.groups == nil {
			x.groups = map[descriptorGroupKey]*descriptorGroup{}
		}
		g = &descriptorGroup{names: map[string][]int{}, skip: map[string]int{}}
		x.groups[k] = g
	}
	nk := namesKey(m.names)
	same := g.names[nk]
	if len(same) >= 2 || len(same) == 1 && x.people[same[0]].Desc == m.Desc {
		return
	}
	g.names[nk] = append(same, i)
	g.filed = append(g.filed, i)
}

// earliestOther returns the index of the first mention filed before m with the descriptor key desc, of
// another person, from another descriptor span, with "the" on at least one side and not two holders of a
// post one after the other (successiveHolders); or -1.
func (x *descriptorIndex) earliestOther(desc string, m personMention) int {
	best := -1
	for _, definite := range []bool{false, true} {
		for _, scoped := range []bool{false, true} {
			if !(definite || m.Definite) || successiveHolders(personMention{Definite: definite, Scoped: scoped}, m) {
				continue
			}
			g := x.groups[descriptorGroupKey{desc, definite, scoped}]
			if g == nil {
				continue
			}
			if j := g.first(x.people, m); j >= 0 && (best < 0 || j < best) {
				best = j
			}
		}
	}
	return best
}

// first returns the first mention of the group of another person than m's and another descriptor span.
func (g *descriptorGroup) first(people []personMention, m personMention) int {
	nk := namesKey(m.names)
	k := g.skip[nk]
	for k < len(g.filed) && people[g.filed[k]].samePerson(m) {
		k++
	}
	g.skip[nk] = k
	for ; k < len(g.filed); k++ {
		if f := people[g.filed[k]]; !f.samePerson(m) && f.Desc != m.Desc {
			return g.filed[k]
		}
	}
	return -1
}

// successiveHolders reports whether two "the" descriptors, one limited to a period ("the top U.S.
// diplomat for East Asia under former President Barack Obama"), name a post's past and present holders.
// With "a" on one side the story calls one person one of several and the other the only one.
func successiveHolders(a, b personMention) bool {
	return a.Definite && b.Definite && (a.Scoped || b.Scoped)
}

// bareDescriptors finds "the <description up to its first preposition>" outside the descriptor mentions
// ("the top US diplomat" in the lede, for a third person). It indexes once the places where "the" and two
// words follow, by those two words case-folded, so that each finding looks only where its description may
// stand, and remembers the answer for each description.
type bareDescriptors struct {
	d      *document.Document
	people []personMention
	at     map[string][]int // the two words after "the", folded (foldKey), then the tokens of "the"
	// inside tells whether a text offset is inside a mention: mention starts sorted, and the furthest end
	// of the mentions up to each.
	starts, ends []int
	done         map[string][]document.Span
}

func newBareDescriptors(d *document.Document, people []personMention) *bareDescriptors {
	b := &bareDescriptors{d: d, people: people, at: map[string][]int{}, done: map[string][]document.Span{}}
	toks := d.Tokens
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind == document.Word && toks[i+1].Kind == document.Word && toks[i+2].Kind == document.Word &&
			strings.EqualFold(d.Slice(toks[i].Span), "the") {
			k := foldKey(d.Slice(toks[i+1].Span)) + "\x00" + foldKey(d.Slice(toks[i+2].Span))
			b.at[k] = append(b.at[k], i)
		}
	}
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, c int) int { return people[a].Span.Start - people[c].Span.Start })
	furthest := math.MinInt
	for _, i := range order {
		furthest = max(furthest, people[i].Span.End)
		b.starts = append(b.starts, people[i].Span.Start)
		b.ends = append(b.ends, furthest)
	}
	return b
}

// uses returns the bare uses of the description that starts the descriptor desc, in text order.
func (b *bareDescriptors) uses(desc string) []document.Span {
	words := strings.Fields(desc)
	n := 0
	for n < len(words) && !hasLower(descriptorPrepositions, words[n]) {
		n++
	}
	if n < minReusedDescriptorWords {
		return nil
	}
	key := strings.Join(words[:n], " ")
	if out, ok := b.done[key]; ok {
		return out
	}
	d, want := b.d, append([]string{"the"}, words[:n]...)
	var out []document.Span
	toks := d.Tokens
	for _, i := range b.at[foldKey(want[1])+"\x00"+foldKey(want[2])] {
		if i+len(want) > len(toks) || !tokensSpell(d, toks[i:i+len(want)], want) || b.inside(toks[i].Start) {
			continue
		}
		out = append(out, document.Span{Start: toks[i].Start, End: toks[i+len(want)-1].End})
	}
	b.done[key] = out
	return out
}

// inside reports whether a text offset is inside one of the mentions.
func (b *bareDescriptors) inside(off int) bool {
	k, _ := slices.BinarySearch(b.starts, off+1) // mentions starting at or before off: b.starts[:k]
	return k > 0 && b.ends[k-1] > off
}

var descriptorPrepositions = map[string]bool{"for": true, "of": true, "at": true, "in": true, "on": true, "to": true, "with": true}

// tokensSpell reports whether the tokens are the words, ignoring case.
func tokensSpell(d *document.Document, toks []document.Token, words []string) bool {
	for j, w := range words {
		if toks[j].Kind != document.Word || !strings.EqualFold(d.Slice(toks[j].Span), w) {
			return false
		}
	}
	return true
}
