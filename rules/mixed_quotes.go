package rules

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

type mixedQuotes struct{}

func newMixedQuotes() Rule { return mixedQuotes{} }

func (mixedQuotes) Meta() Meta {
	return Meta{
		ID: "mixed-quotes", Category: "translation", Severity: Info,
		Summary: "curly and straight double quotation marks mixed in one story",
		Doc: "A story typed in one system uses one style of double quotation mark throughout. A mix of " +
			"curly (“ ”) and straight (\") marks shows that pieces were pasted in from elsewhere: a " +
			"machine translation, a scraped page, another wire. The rule reports the marks of the minority " +
			"style; the safe fix rewrites them in the majority style. A straight mark after a digit (an inch " +
			"mark, 5'10\") is left alone.",
		Bad:  "“We are ready,” he said. \"We have always been ready.\"",
		Good: "“We are ready,” he said. “We have always been ready.”",
	}
}

// quoteMark is a double quotation mark in Document.Text.
type quoteMark struct {
	tok      int
	straight bool
}

func (mixedQuotes) Check(p *Pass) {
	doc := p.Doc
	var marks []quoteMark
	straight := 0
	for _, b := range doc.Blocks {
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			switch doc.Slice(doc.Tokens[i].Span) {
			case "“", "”":
				marks = append(marks, quoteMark{tok: i})
			case `"`:
				if !isInchMark(doc, i) {
					marks = append(marks, quoteMark{tok: i, straight: true})
					straight++
				}
			}
		}
	}
	curly := len(marks) - straight
	if straight == 0 || curly == 0 {
		return
	}
	toStraight := straight > curly
	for _, m := range marks {
		if m.straight == toStraight {
			continue
		}
		span := doc.Tokens[m.tok].Span
		want := `"`
		if !toStraight {
			want = "”"
			if opensQuote(doc, doc.Blocks[doc.BlockOf(span.Start)], m.tok) {
				want = "“"
			}
		}
		p.Report(Finding{
			Span: span,
			Message: fmt.Sprintf("%s quotation mark in a story that mostly uses %s ones (%d straight, %d curly): "+
				"pasted copy?", quoteStyle(m.straight), quoteStyle(toStraight), straight, curly),
			Fixes: []Fix{p.ReplaceFix(span, want, "write "+want, true)},
		})
	}
}

func quoteStyle(straight bool) string {
	if straight {
		return "straight"
	}
	return "curly"
}

// isInchMark reports whether the straight quote at token i follows a digit directly (6'2", a 12" pipe).
func isInchMark(doc *document.Document, i int) bool {
	start := doc.Tokens[i].Start
	r, _ := utf8.DecodeLastRuneInString(doc.Text[:start])
	return unicode.IsDigit(r)
}
