package rules

// maxRewordingWords bounds a reworded phrase: longer differences are a sentence rewritten, where a word
// diff names no synonym a copy editor could restore.
const maxRewordingWords = 3

type sourceRewrite struct{}

func newSourceRewrite() Rule { return sourceRewrite{} }

func (sourceRewrite) Meta() Meta {
	return Meta{
		ID: "source-rewrite", Category: "source", Severity: Warning,
		Summary: "a word or short phrase of the source swapped for a synonym",
		Doc: "Each sentence of the draft is aligned with the sentence of the source (`--against`) it was " +
			"written from, and the two are compared word by word. Where a word or a phrase of up to three " +
			"words was replaced by another (\"evade\" by \"escape\", \"in-person\" by \"personal\"), the " +
			"draft has been spun: synonym swapping is how rewriting tools disguise copied copy, and it " +
			"often breaks fixed terms. The fix restores the source wording. Differences only in small " +
			"words (\"the\" for \"a\"), names and numbers (source-fact) and quotations (quote-integrity) " +
			"are left to others.",
		Bad:  "But US officials have not seen China escape the sanctions.",
		Good: "But US officials have not seen China evade the sanctions.",
	}
}

func (sourceRewrite) Check(p *Pass) {
	for _, r := range rewordings(p) {
		if r.d.Len() > maxRewordingWords || r.s.Len() > maxRewordingWords || r.factsDiffer() ||
			!r.src.hasContentWord(r.s) || !r.newContentWord() {
			continue
		}
		span, was := r.draft.span(r.d), r.src.text(r.s)
		p.Report(Finding{Span: span,
			Message: "reworded from the source: \"" + p.Doc.Slice(span) + "\" where the source has \"" + was + "\"",
			Fixes:   []Fix{p.ReplaceFix(span, was, "use the source wording \""+was+"\"", false)}})
	}
}

// newContentWord reports whether the draft side brings a content word the source side does not have in
// any form: "provides" for "provide" is grammar following a rewording elsewhere, not a synonym.
func (r rewording) newContentWord() bool {
draft:
	for _, d := range r.draft.keys[r.d.Start:r.d.End] {
		if stopwords[d] {
			continue
		}
		for _, s := range r.src.keys[r.s.Start:r.s.End] {
			if sameStem(d, s) {
				continue draft
			}
		}
		return true
	}
	return false
}
