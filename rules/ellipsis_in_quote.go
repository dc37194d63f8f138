package rules

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

type ellipsisInQuote struct{}

func newEllipsisInQuote() Rule { return ellipsisInQuote{} }

func (ellipsisInQuote) Meta() Meta {
	return Meta{
		ID: "ellipsis-in-quote", Category: "translation", Severity: Warning,
		Summary: "an ellipsis inside a direct quotation, in mid-sentence (\"personal … diplomacy\")",
		Doc: "Reuters: \"Quotes are sacred. Do not alter anything put in quotation marks other than to " +
			"delete words, and then only if the deletion does not alter the sense of the quote.\" An " +
			"ellipsis in the middle of a quoted sentence means words were cut there, and in spun or " +
			"machine-translated copy it often marks a word the tool could not render (\"no substitute for " +
			"personal … diplomacy\" for \"in-person diplomacy\"). Verify the quote against the source. An " +
			"ellipsis that opens a quote, trails off at its end or ends a sentence is left alone.",
		Bad:  "“There is no substitute for personal … diplomacy,” Blinken said.",
		Good: "“There is no substitute for in-person diplomacy,” Blinken said.",
	}
}

func (ellipsisInQuote) Check(p *Pass) {
	toks := p.Doc.Tokens
	for _, q := range findQuotations(p.Doc) {
		first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Start })
		lastWord := -1
		for i := first; i < len(toks) && toks[i].End <= q.End; i++ {
			t := toks[i]
			if t.Kind != document.Punct {
				lastWord = i
				continue
			}
			if !isEllipsis(p.Doc.Slice(t.Span)) || lastWord < 0 || i+1 >= len(toks) {
				continue
			}
			next := toks[i+1]
			if next.End > q.End || next.Kind != document.Word || !startsLower(p.Doc.Slice(next.Span)) {
				continue // trailing off, or a new sentence after the cut
			}
			span := document.Span{Start: toks[lastWord].Start, End: next.End}
			p.Reportf(span, nil, "ellipsis inside a quotation between %q and %q: verify the quote against the "+
				"source, words were cut or replaced here", p.Doc.Slice(toks[lastWord].Span), p.Doc.Slice(next.Span))
		}
	}
}

func isEllipsis(s string) bool { return s == "..." || s == "…" }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
