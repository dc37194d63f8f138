package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// promoRemainderWords is the most words a paragraph may keep beside a promo phrase for the whole paragraph
// to count as promo ("© 2022 Reuters. All rights reserved."); with more, only the phrase is deleted.
const promoRemainderWords = 4

type promoText struct{}

func newPromoText() Rule { return promoText{} }

func (promoText) warm() { promoPatterns() }

func (promoText) Meta() Meta {
	return Meta{
		ID: "promo-text", Category: "promo", Severity: Error,
		Summary: "known web-page promo or chrome left in the copy (\"Register now for FREE unlimited access to\")",
		Doc: "Copy pasted or scraped from a web page keeps text that was a button, a link or a footer on the " +
			"page: registration walls, newsletter and app calls to action, \"Advertisement\", share widgets, " +
			"aggregator chrome, site signatures and trust-principles footers. The rule matches a list of such " +
			"phrases collected from real pages and from the stop lists of news scrapers and boilerplate " +
			"removers (rules/data/promo_patterns.tsv, each entry with its source). Distinctive phrases are " +
			"errors, looser ones warnings. The fix deletes the phrase, or the whole paragraph when little else " +
			"is in it; it is unsafe because it deletes text.",
		Bad:  "Blinken met Wang on Saturday.\n\nRegister now for FREE unlimited access to\n\nThe talks lasted five hours.",
		Good: "Blinken met Wang on Saturday.\n\nThe talks lasted five hours.",
	}
}

// promoMatch is where the pattern list matched in one block.
type promoMatch struct {
	block   int
	span    document.Span // from the first match to the end of the last
	pattern *promoPattern // the first pattern that matched, for the message
	sev     Severity      // the highest severity among the patterns that matched
}

// findPromo runs the pattern list over every block and returns the blocks where it matched; lower is the
// document's Text lower-cased by asciiLower.
func findPromo(d *document.Document, lower string) []promoMatch {
	ps := promoPatterns()
	mark := make([]int, len(ps.list))
	var cands []int
	var out []promoMatch
	for bi, b := range d.Blocks {
		if cands = ps.candidates(d, lower, bi, mark, cands[:0]); len(cands) == 0 {
			continue
		}
		text, words := d.Slice(b.Span), blockWordCount(d, b)
		var m promoMatch
		for _, i := range cands {
			pp := &ps.list[i]
			s, e, ok := pp.match(text, words)
			if !ok {
				continue
			}
			s, e = s+b.Span.Start, e+b.Span.Start
			if m.pattern == nil {
				m = promoMatch{block: bi, span: document.Span{Start: s, End: e}, pattern: pp}
			}
			m.span.Start, m.span.End = min(m.span.Start, s), max(m.span.End, e)
			m.sev = max(m.sev, pp.severity)
		}
		if m.pattern != nil {
			out = append(out, m)
		}
	}
	return out
}

// promoMatches is findPromo over the document, run once for the rules that need it.
func promoMatches(d *document.Document) []promoMatch {
	return memoized(d, memoPromo, func(d *document.Document) []promoMatch { return findPromo(d, lowerText(d)) })
}

// blockRepeatsOf is blockRepeats over the document, run once for the rules that need it.
func blockRepeatsOf(d *document.Document) []repeat {
	return memoized(d, memoRepeats, func(d *document.Document) []repeat { return blockRepeats(d, lowerText(d)) })
}

func (promoText) Check(p *Pass) {
	d := p.Doc
	matches := promoMatches(d)
	if len(matches) == 0 {
		return
	}
	repeats := blockRepeatsOf(d)
	for _, m := range matches {
		b := d.Blocks[m.block]
		phrase := strings.TrimSpace(d.Slice(m.span))
		msg := fmt.Sprintf("%q is not copy: %s left over from the web page", phrase, m.pattern.kind)
		if copies := repeats[m.block]; copies.total > 1 {
			msg += fmt.Sprintf("; the line is repeated (copy %d of %d in the story)", copies.nth, copies.total)
		}
		var fix Fix
		if wordsOutside(d, b, m.span) <= promoRemainderWords {
			m.span = b.Span
			fix = deleteBlockFix(p, m.block, "delete the paragraph", false)
		} else {
			fix = deletePhraseFix(p, m.block, m.span, fmt.Sprintf("delete %q", phrase), false)
		}
		p.Report(Finding{Span: m.span, Message: msg, Severity: m.sev, Fixes: []Fix{fix}})
	}
}

// blockWordCount counts the white-space separated words of a block that hold a letter or digit, so that
// "Reuters.com" is one word and "©" none.
// Five rules ask for every block: the counts are made once per document.
func blockWordCount(d *document.Document, b document.Block) int {
	if b.TokenStart >= b.TokenEnd {
		return 0
	}
	c := memoized(d, memoBlockWords, countBlockWords)
	i := sort.Search(len(c), func(i int) bool { return c[i].start >= b.TokenStart })
	if i < len(c) && c[i].start == b.TokenStart && c[i].end == b.TokenEnd {
		return c[i].words
	}
	return countWords(d, b) // not a block of d
}

// blockWords is the word count of the tokens [start, end) of a block.
type blockWords struct{ start, end, words int }

// countBlockWords counts the words of d's blocks that have tokens, in token order.
func countBlockWords(d *document.Document) []blockWords {
	var out []blockWords
	for _, b := range d.Blocks {
		if b.TokenStart >= b.TokenEnd {
			continue
		}
		if len(out) > 0 && out[len(out)-1].end > b.TokenStart {
			return nil // out of order: count each block when asked
		}
		out = append(out, blockWords{b.TokenStart, b.TokenEnd, countWords(d, b)})
	}
	return out
}

// countWords is blockWordCount without the memo.
func countWords(d *document.Document, b document.Block) int {
	n, prevEnd, counted := 0, -1, false
	for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
		if t.Start != prevEnd {
			counted = false
		}
		if t.Kind != document.Punct && !counted {
			n, counted = n+1, true
		}
		prevEnd = t.End
	}
	return n
}

// wordsOutside counts the words and numbers of block b that lie outside span.
func wordsOutside(d *document.Document, b document.Block, span document.Span) int {
	n := 0
	for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
		if t.Kind != document.Punct && (t.End <= span.Start || t.Start >= span.End) {
			n++
		}
	}
	return n
}
