package rules

import (
	"slices"
	"sync"

	"github.com/copydesk/copydesk/internal/align"
	"github.com/copydesk/copydesk/internal/document"
)

// sources holds the documents a draft was written from (`lint --against`), indexed for the source rules.
type sources struct {
	sents []words // every sentence of every source, in order
	index *align.Index
	// texts and streams are each source's whole word stream, for looking up quotations.
	texts   []*align.Text
	streams []words
}

func newSources(docs []*document.Document) *sources {
	s := &sources{}
	var keys [][]string
	var group []int
	for di, d := range docs {
		for _, b := range d.Blocks {
			for _, sp := range b.Sentences {
				w := collectWords(d, sp, false)
				if len(w.keys) > 0 {
					s.sents = append(s.sents, w)
					keys = append(keys, w.keys)
					group = append(group, di)
				}
			}
		}
		all := collectWords(d, document.Span{Start: 0, End: len(d.Text)}, false)
		s.streams = append(s.streams, all)
		s.texts = append(s.texts, align.NewText(all.keys))
	}
	s.index = align.NewIndex(keys, group)
	return s
}

// analysis is a draft aligned with its sources: what all four source rules read.
type analysis struct {
	sources *sources
	aligned []alignedSentence
}

// lastAnalysis keeps the analysis of the last draft, because the engine runs the source rules one after
// another on the same draft and sources. It holds the documents it is keyed by, so that their addresses
// cannot be reused for other documents while it does.
var lastAnalysis struct {
	sync.Mutex
	doc     *document.Document
	sources []*document.Document
	a       *analysis
}

// analyse aligns the pass's draft with its sources, or returns the alignment already made for them.
func analyse(p *Pass) *analysis {
	c := &lastAnalysis
	c.Lock()
	defer c.Unlock()
	if c.a == nil || c.doc != p.Doc || !slices.Equal(c.sources, p.Sources) {
		s := newSources(p.Sources)
		c.doc, c.sources = p.Doc, slices.Clone(p.Sources)
		c.a = &analysis{sources: s, aligned: alignDraft(p.Doc, s)}
	}
	return c.a
}

// alignedSentence is a draft sentence and the source passage it was rewritten from.
type alignedSentence struct {
	span       document.Span // the draft sentence
	draft, src words
	// hunks are the differences, A in src and B in draft.
	hunks []align.Hunk
	// same marks the src words the draft kept unchanged; a draft sentence may use only part of its source.
	same  []bool
	match align.Match // the source sentences src is made of
	block int         // the draft block
	index int         // the sentence's index in its block
}

// alignDraft aligns each sentence of the draft with its best source sentence, or pair of adjacent
// sentences; sentences with no counterpart in the sources are left out.
func alignDraft(doc *document.Document, s *sources) []alignedSentence {
	var out []alignedSentence
	for bi, b := range doc.Blocks {
		for si, sp := range b.Sentences {
			w := collectWords(doc, sp, false)
			if len(w.keys) == 0 {
				continue
			}
			m, ok := s.index.Best(w.keys)
			if !ok {
				continue
			}
			src := words{doc: s.sents[m.Start].doc}
			for _, sw := range s.sents[m.Start:m.End] {
				src.toks = append(src.toks, sw.toks...)
				src.keys = append(src.keys, sw.keys...)
			}
			hunks, _ := align.Diff(src.keys, w.keys)
			hunks, covered := align.TrimEnds(hunks, len(src.keys), len(w.keys), w.weakAnchor)
			out = append(out, alignedSentence{span: sp, draft: w, src: src, hunks: hunks,
				same: unchanged(len(src.keys), covered, hunks), match: m, block: bi, index: si})
		}
	}
	return out
}

// rewording is a place where an aligned draft sentence words something differently from its source:
// draft words d stand where the source has src words s. Both sides are non-empty.
type rewording struct {
	draft, src words
	d, s       align.Range
}

// rewordings returns the rewordings of the draft outside its quotations, which quote-integrity checks.
func rewordings(p *Pass) []rewording {
	if len(p.Sources) == 0 {
		return nil
	}
	quoted := quotedTokens(p.Doc, findQuotations(p.Doc))
	var out []rewording
	for _, a := range analyse(p).aligned {
	hunks:
		for _, h := range a.hunks {
			if h.A.Len() == 0 || h.B.Len() == 0 {
				continue
			}
			for _, t := range a.draft.toks[h.B.Start:h.B.End] {
				if quoted[t] {
					continue hunks
				}
			}
			out = append(out, rewording{draft: a.draft, src: a.src, d: h.B, s: h.A})
		}
	}
	return out
}

// factsDiffer reports whether a rewording changes a name or number: both sides name one, and not the same.
func (r rewording) factsDiffer() bool {
	df, sf := r.draft.facts(r.d), r.src.facts(r.s)
	if len(df) == 0 || len(sf) == 0 {
		return false
	}
	if len(df) != len(sf) {
		return true
	}
	for i := range df {
		if !sameName(df[i], sf[i]) {
			return true
		}
	}
	return false
}

// weakAnchor reports whether the words r, equal in a draft sentence and its source, are too few and too
// common ("the", "to the") to show that the words around them correspond.
func (w words) weakAnchor(r align.Range) bool {
	return r.Len() <= 2 && !w.hasContentWord(r)
}

// unchanged marks the words of a source passage of n words that the draft kept: those in covered and in
// no hunk.
func unchanged(n int, covered align.Range, hunks []align.Hunk) []bool {
	same := make([]bool, n)
	for i := covered.Start; i < covered.End; i++ {
		same[i] = true
	}
	for _, h := range hunks {
		for i := h.A.Start; i < h.A.End; i++ {
			same[i] = false
		}
	}
	return same
}
