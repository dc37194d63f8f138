package rules

import "github.com/copydesk/copydesk/internal/document"

// findQuotations returns the inner spans of the direct quotations in doc: text between “ and ”, or between
// a straight " that opens (after a space or at the start of a block) and the next ". A quotation never
// runs across blocks; an unclosed one is ignored.
func findQuotations(doc *document.Document) []document.Span {
	var out []document.Span
	for _, b := range doc.Blocks {
		open, closer := -1, "" // token index of the opening mark, and the mark that closes it
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			t := doc.Tokens[i]
			switch mark := doc.Text[t.Start:t.End]; {
			case open >= 0 && mark == closer:
				out = append(out, document.Span{Start: doc.Tokens[open].End, End: t.Start})
				open = -1
			case mark == "“":
				open, closer = i, "”"
			case mark == "\"" && opensQuote(doc, b, i):
				open, closer = i, "\""
			}
		}
	}
	return out
}

// opensQuote reports whether the straight quote mark at token i opens a quotation: it starts the block
// or follows white space or an opening bracket.
func opensQuote(doc *document.Document, b document.Block, i int) bool {
	if i == b.TokenStart {
		return true
	}
	prev := doc.Tokens[i-1]
	return prev.End < doc.Tokens[i].Start || doc.Text[prev.Start:prev.End] == "(" || doc.Text[prev.Start:prev.End] == "—"
}

// quotedTokens marks the tokens of doc that lie inside a quotation.
func quotedTokens(doc *document.Document, quotes []document.Span) []bool {
	in := make([]bool, len(doc.Tokens))
	q := 0
	for i, t := range doc.Tokens {
		for q < len(quotes) && quotes[q].End <= t.Start {
			q++
		}
		in[i] = q < len(quotes) && quotes[q].Start <= t.Start
	}
	return in
}
