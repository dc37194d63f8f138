package rules

import (
	"github.com/copydesk/copydesk/internal/align"
	"github.com/copydesk/copydesk/internal/document"
)

type quoteIntegrity struct{}

func newQuoteIntegrity() Rule { return quoteIntegrity{} }

func (quoteIntegrity) Meta() Meta {
	return Meta{
		ID: "quote-integrity", Category: "source", Severity: Error,
		Summary: "a direct quotation that is not what the source says",
		Doc: "Each direct quotation of the draft is looked up in the source documents given with " +
			"`--against` (a wire story, a transcript). Words that differ from the closest source passage " +
			"are errors: a rewriting tool or a careless edit has put words in someone's mouth. Curly or " +
			"straight quote marks, punctuation, line breaks and capitals are no difference, nor is a quote " +
			"split around \"he said\"; an ellipsis that marks words left out is noted as info, one that " +
			"stands in for other words is an error. A quotation found nowhere in the sources is a warning. " +
			"The fix restores the source wording.",
		Bad:  "“There is no substitute for personal … diplomacy,” Blinken said.",
		Good: "“There is no substitute for face-to-face diplomacy,” Blinken said.",
	}
}

func (quoteIntegrity) Check(p *Pass) {
	if len(p.Sources) == 0 {
		return
	}
	an := analyse(p)
	s, aligned := an.sources, an.aligned
	for _, q := range findQuotations(p.Doc) {
		w := collectWords(p.Doc, q, true)
		n := 0
		for _, k := range w.keys {
			if k != ellipsisKey {
				n++
			}
		}
		if n == 0 {
			continue
		}
		// Fewer than half the words in order is not a misquotation of a passage but a quotation from
		// somewhere else. In the source sentence the quoting sentence was aligned with, that is enough
		// ("no borders" for "no limits"); anywhere else in the sources, half the content words must
		// match too, or any quote would be a misquotation of some "of the" of the story.
		best, src, found := align.Passage{}, words{}, false
		consider := func(t *align.Text, in words, anywhere bool) {
			ps, ok := t.Find(w.keys)
			if !ok || ps.Equal <= best.Equal || ps.Equal*2 < n {
				return
			}
			if kept, all := keptContentWords(w, ps.Hunks); anywhere && (kept*2 < all || kept < min(all, 2)) {
				return
			}
			best, src, found = ps, in, true
		}
		for _, a := range aligned {
			if a.span.Start <= q.Start && q.Start < a.span.End {
				consider(align.NewText(a.src.keys), a.src, false)
			}
		}
		for i, t := range s.texts {
			consider(t, s.streams[i], true)
		}
		if !found {
			p.Report(Finding{Span: q, Severity: Warning, Message: "quote not found in the sources"})
			continue
		}
		for _, h := range best.Hunks {
			reportQuoteHunk(p, w, src, h)
		}
	}
}

// reportQuoteHunk reports one difference between a quotation (B) and its source passage (A).
func reportQuoteHunk(p *Pass, quote, src words, h align.Hunk) {
	onlyEllipses := h.B.Len() > 0
	for _, k := range quote.keys[h.B.Start:h.B.End] {
		if k != ellipsisKey {
			onlyEllipses = false
		}
	}
	was := src.text(h.A)
	switch {
	case onlyEllipses && h.A.Len() == 0:
		// an ellipsis at a sentence boundary, or one the trimmed passage does not show
	case onlyEllipses:
		p.Report(Finding{Span: quote.span(h.B), Severity: Info,
			Message: "ellipsis omits \"" + was + "\" from the source"})
	case h.A.Len() == 0:
		added := quote.text(h.B)
		p.Report(Finding{Span: quote.span(h.B),
			Message: "quote differs from the source: \"" + added + "\" is not in the source",
			Fixes:   []Fix{deleteWordsFix(p, quote, h.B, "delete \""+added+"\"")}})
	case h.B.Len() == 0:
		after := quote.span(align.Range{Start: h.B.Start - 1, End: h.B.Start})
		at := document.Span{Start: after.End, End: after.End}
		p.Report(Finding{Span: after,
			Message: "quote differs from the source: drops \"" + was + "\" without an ellipsis",
			Fixes:   []Fix{p.ReplaceFix(at, " "+was, "restore \""+was+"\"", false)}})
	default:
		span := quote.span(h.B)
		p.Report(Finding{Span: span,
			Message: "quote differs from the source: \"" + quote.text(h.B) + "\" where the source has \"" + was + "\"",
			Fixes:   []Fix{p.ReplaceFix(span, was, "restore the source wording \""+was+"\"", false)}})
	}
}

// deleteWordsFix deletes the words r of w together with the space before them, or after them when
// nothing separates them from what precedes (an opening quote mark).
func deleteWordsFix(p *Pass, w words, r align.Range, message string) Fix {
	span := w.span(r)
	toks := w.doc.Tokens
	first, last := w.toks[r.Start], w.toks[r.End-1]
	if first > 0 && toks[first-1].End < span.Start {
		span.Start = toks[first-1].End
	} else if last+1 < len(toks) {
		span.End = toks[last+1].Start
	}
	return p.ReplaceFix(span, "", message, false)
}

// keptContentWords counts the content words of a quotation and those of them its passage has.
func keptContentWords(quote words, hunks []align.Hunk) (kept, all int) {
	changed := make([]bool, len(quote.keys))
	for _, h := range hunks {
		for i := h.B.Start; i < h.B.End; i++ {
			changed[i] = true
		}
	}
	for i, k := range quote.keys {
		if k != ellipsisKey && !stopwords[k] {
			all++
			if !changed[i] {
				kept++
			}
		}
	}
	return kept, all
}
