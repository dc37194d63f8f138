package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// minReusedDescriptorWords keeps one-word descriptors ("the president, John Smith") out: in a story about
// two bodies each has a president, while "top US diplomat for East Asia" names one post.
const minReusedDescriptorWords = 2

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
	for i, m := range people {
		if m.Desc.Len() == 0 || len(strings.Fields(d.Slice(m.Desc))) < minReusedDescriptorWords {
			continue
		}
		key := termKey(d.Slice(m.Desc))
		for _, first := range people[:i] {
			// One descriptor read both ways in a list ("Lodge, the King of Morocco, Clement Atlee") is
			// one use, not two.
			if first.Desc.Len() == 0 || first.Desc == m.Desc || termKey(d.Slice(first.Desc)) != key ||
				first.samePerson(m) || !(first.Definite || m.Definite) || successiveHolders(first, m) {
				continue
			}
			related := []Related{p.RelatedAt(first.Span, "the same descriptor for "+d.Slice(first.Name))}
			for _, bare := range bareDescriptorUses(d, d.Slice(m.Desc), people) {
				related = append(related, p.RelatedAt(bare, "the shorter description stands alone here"))
			}
			p.Report(Finding{
				Span: m.Span,
				Message: "\"" + d.Slice(m.Desc) + "\" describes both " + d.Slice(first.Name) + " and " +
					d.Slice(m.Name) + ": say what sets them apart (\"former\", \"current\", the period)",
				Related: related,
			})
			break
		}
	}
}

// successiveHolders reports whether two "the" descriptors, one limited to a period ("the top U.S.
// diplomat for East Asia under former President Barack Obama"), name a post's past and present holders.
// With "a" on one side the story calls one person one of several and the other the only one.
func successiveHolders(a, b personMention) bool {
	return a.Definite && b.Definite && (a.Scoped || b.Scoped)
}

// bareDescriptorUses finds "the <description up to its first preposition>" outside the descriptor
// mentions ("the top US diplomat" in the lede, for a third person).
func bareDescriptorUses(d *document.Document, desc string, people []personMention) []document.Span {
	words := strings.Fields(desc)
	n := 0
	for n < len(words) && !hasLower(descriptorPrepositions, words[n]) {
		n++
	}
	if n < minReusedDescriptorWords {
		return nil
	}
	want := append([]string{"the"}, words[:n]...)
	var out []document.Span
	toks := d.Tokens
	for i := 0; i+len(want) <= len(toks); i++ {
		if !tokensSpell(d, toks[i:i+len(want)], want) || insideMention(toks[i].Start, people) {
			continue
		}
		out = append(out, document.Span{Start: toks[i].Start, End: toks[i+len(want)-1].End})
	}
	return out
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

func insideMention(off int, people []personMention) bool {
	for _, m := range people {
		if m.Span.Start <= off && off < m.Span.End {
			return true
		}
	}
	return false
}
