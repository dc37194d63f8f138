package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// legitimateDoubles are words that English doubles on purpose ("what he had had", "that that is").
var legitimateDoubles = map[string]bool{"had": true, "that": true, "is": true, "bye": true, "ha": true, "no": true}

type repeatedWord struct{}

func newRepeatedWord() Rule { return repeatedWord{} }

func (repeatedWord) Meta() Meta {
	return Meta{
		ID: "repeated-word", Category: "duplication", Severity: Error,
		Summary: "the same word twice in a row (\"the the\")",
		Doc: "A word written twice with nothing but white space between, the commonest slip of a rewrite " +
			"or a paste. Deliberate doubles such as \"had had\" and \"that that\" are left alone, and a " +
			"doubled name (\"Biden Biden\") is left to duplicated-name. The fix deletes the second copy.",
		Bad: "The minister said the the talks were useful.", Good: "The minister said the talks were useful.",
	}
}

func (repeatedWord) Check(p *Pass) {
	toks := p.Doc.Tokens
	var names map[string]bool // loaded on the first double
	for _, b := range p.Doc.Blocks {
		for i := b.TokenStart + 1; i < b.TokenEnd; i++ {
			prev, cur := toks[i-1], toks[i]
			if prev.Kind != document.Word || cur.Kind != document.Word {
				continue
			}
			a, w := p.Doc.Slice(prev.Span), p.Doc.Slice(cur.Span)
			if !strings.EqualFold(a, w) || legitimateDoubles[strings.ToLower(w)] {
				continue
			}
			// A doubled name ("Biden Biden", but also "Walla Walla") is duplicated-name's to judge.
			if names == nil {
				names = knownNames(p.Doc)
			}
			if isDoubledName(p.Doc, b, i, names) {
				continue
			}
			if strings.TrimSpace(p.Doc.Text[prev.End:cur.Start]) != "" {
				continue
			}
			del := document.Span{Start: prev.End, End: cur.End}
			p.Reportf(document.Span{Start: prev.Start, End: cur.End},
				[]Fix{p.ReplaceFix(del, "", "delete the second \""+w+"\"", true)},
				"%q is written twice", w)
		}
	}
}
