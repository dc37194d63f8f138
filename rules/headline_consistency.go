package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// maxTermGap is how many words may stand between a term's modifier and its noun ("face-to-face trade
// talks").
const maxTermGap = 1

type headlineConsistency struct{}

func newHeadlineConsistency() Rule { return headlineConsistency{} }

func (headlineConsistency) Meta() Meta {
	return Meta{
		ID: "headline-consistency", Category: "titles", Severity: Warning,
		Summary: "the headline, lede and editor's note name the same thing with different near-synonyms (\"face-to-face talks\", \"personal talks\")",
		Doc: "A rewriting tool changes a key term in one place but not another, so the headline promises " +
			"\"face-to-face talks\", the lede reports \"personal talks\" and the editor's note \"personal " +
			"conversations\"; a reader cannot tell they are one event, and the swapped word often changes " +
			"the meaning (\"personal\" means private). The rule takes each term of the headline made of a " +
			"listed modifier and a noun such as talks, meeting or conversations, and reports it when the " +
			"lede or an editor's note names the same kind of thing with a different modifier of the same " +
			"near-synonym group. An extra word (\"first talks\" beside \"talks\") is not a conflict.",
		Bad:  "US and Chinese ministers hold face-to-face talks\n\nThe ministers of the two countries met for personal talks in Bali on Saturday.",
		Good: "US and Chinese ministers hold face-to-face talks\n\nThe ministers of the two countries met for face-to-face talks in Bali on Saturday.",
	}
}

// headlineTerm is a modifier and a noun naming one thing ("face-to-face talks").
type headlineTerm struct {
	Span                document.Span
	modifier            string // normalised ("face to face")
	modGroup, nounGroup int
}

func (headlineConsistency) Check(p *Pass) {
	d := p.Doc
	hb, ok := d.HeadlineBlock()
	if !ok {
		return
	}
	var others []document.Block
	if l := ledeBlock(d); l >= 0 {
		others = append(others, d.Blocks[l])
	}
	for _, n := range editorsNoteBlocks(d) {
		others = append(others, d.Blocks[n])
	}
	for _, h := range findTerms(d, hb) {
		var related []Related
		var said []string
		for _, b := range others {
			for _, o := range findTerms(d, b) {
				if o.modGroup == h.modGroup && o.nounGroup == h.nounGroup && o.modifier != h.modifier {
					related = append(related, p.RelatedAt(o.Span, "\""+d.Slice(o.Span)+"\" here"))
					said = append(said, "\""+d.Slice(o.Span)+"\"")
				}
			}
		}
		if len(related) == 0 {
			continue
		}
		p.Report(Finding{
			Span: h.Span,
			Message: "the headline says \"" + d.Slice(h.Span) + "\" but the story says " + strings.Join(said, " and ") +
				": use one term throughout",
			Related: related,
		})
	}
}

// findTerms returns the terms of a block: a listed modifier of up to three words, then within
// maxTermGap words a listed noun.
func findTerms(d *document.Document, b document.Block) []headlineTerm {
	t := titleWords()
	toks := d.Tokens[b.TokenStart:b.TokenEnd]
	var out []headlineTerm
	for i := range toks {
		mod, n := termModifierAt(d, toks, i, t.longest["term"])
		if n == 0 {
			continue
		}
		for j := i + n; j < len(toks) && j <= i+n+maxTermGap && toks[j].Kind == document.Word; j++ {
			if g := t.groupOf("noun", d.Slice(toks[j].Span)); g >= 0 {
				out = append(out, headlineTerm{
					Span:     document.Span{Start: toks[i].Start, End: toks[j].End},
					modifier: mod, modGroup: t.groupOf("term", mod), nounGroup: g,
				})
				break
			}
		}
	}
	return out
}

// termModifierAt returns the longest listed modifier starting at token i, normalised, and its length in
// tokens; n is 0 when none starts there.
func termModifierAt(d *document.Document, toks []document.Token, i, longest int) (mod string, n int) {
	t := titleWords()
	words := make([]string, 0, longest)
	for k := i; k < len(toks) && k < i+longest && toks[k].Kind == document.Word; k++ {
		words = append(words, d.Slice(toks[k].Span))
	}
	for n := len(words); n > 0; n-- {
		if key := termKey(strings.Join(words[:n], " ")); t.has("term", key) {
			return key, n
		}
	}
	return "", 0
}
