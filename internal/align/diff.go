// Package align lines up a rewritten text with the text it was written from: sentence to sentence by the
// words they share (Index), a quotation to the passage it was taken from (Text.Find), and word sequences
// to each other, word by word (Diff). It works on word keys that the caller has already normalised
// (lower case, one spelling), so it knows nothing of documents.
package align

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Range is a half-open range [Start, End) of word positions.
type Range struct{ Start, End int }

// Len is the number of words in the range.
func (r Range) Len() int { return r.End - r.Start }

// Hunk is a place where two word sequences differ: the words A of the first stand where the words B of
// the second are. One side may be empty (words added or dropped).
type Hunk struct{ A, B Range }

// firstWordRune maps word ids into the private-use area, so that every id is a valid rune that survives
// go-diff's conversions to string (surrogates would not).
const firstWordRune = 0xE000

// Diff compares the word sequences a and b, word by word, and returns the hunks where they differ, in
// order, and how many words they have in common. Each distinct word becomes one rune, as go-diff's
// DiffLinesToRunes does for lines, so the character diff runs at word granularity.
func Diff(a, b []string) (hunks []Hunk, equal int) {
	ids := make(map[string]rune, len(a)+len(b))
	ra, rb := wordRunes(a, ids), wordRunes(b, ids)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact; the sequences are a sentence or a quotation long
	i, j := 0, 0
	open := false
	var cur Hunk
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffEqual {
			if open {
				hunks = append(hunks, cur)
				open = false
			}
			i += n
			j += n
			equal += n
			continue
		}
		if !open {
			cur = Hunk{A: Range{i, i}, B: Range{j, j}}
			open = true
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
			cur.A.End = i
		} else {
			j += n
			cur.B.End = j
		}
	}
	if open {
		hunks = append(hunks, cur)
	}
	return hunks, equal
}

func wordRunes(words []string, ids map[string]rune) []rune {
	out := make([]rune, len(words))
	for i, w := range words {
		r, ok := ids[w]
		if !ok {
			r = firstWordRune + rune(len(ids))
			ids[w] = r
		}
		out[i] = r
	}
	return out
}

// TrimEnds narrows the first sequence of a diff to the part that corresponds to the second, when the
// first is a longer stretch around it (a whole source sentence for a draft clause): words of a before
// the first and after the last word of b are dropped, except as many as b has there, which are taken to
// be b's rewording of them. It returns the trimmed hunks and the part of a they cover.
//
// When weak is not nil, a run of equal words at either end that weak rejects as an anchor (a lone
// "the") is taken into the end hunk: where a draft sentence uses only part of a source sentence, such
// words match by chance and would pair unrelated words into false rewordings.
func TrimEnds(hunks []Hunk, lenA, lenB int, weak func(b Range) bool) ([]Hunk, Range) {
	if weak != nil {
		hunks = absorbWeakEnds(hunks, lenA, lenB, weak)
	}
	span := Range{0, lenA}
	out := make([]Hunk, 0, len(hunks))
	for k, h := range hunks {
		if h.A.Start == 0 && h.B.Start == 0 && k == 0 {
			h.A.Start = h.A.End - min(h.B.Len(), h.A.Len())
			span.Start = h.A.Start
		}
		if h.A.End == lenA && h.B.End == lenB && k == len(hunks)-1 {
			h.A.End = h.A.Start + min(h.B.Len(), h.A.Len())
			span.End = h.A.End
		}
		if h.A.Len() > 0 || h.B.Len() > 0 {
			out = append(out, h)
		}
	}
	if span.End < span.Start {
		span.End = span.Start
	}
	return out, span
}

// absorbWeakEnds merges, at each end, the hunks separated from that end only by weak equal runs into
// one end hunk.
func absorbWeakEnds(hunks []Hunk, lenA, lenB int, weak func(b Range) bool) []Hunk {
	k, a, b := 0, 0, 0
	for k < len(hunks) && (hunks[k].B.Start == b || weak(Range{b, hunks[k].B.Start})) {
		a, b = hunks[k].A.End, hunks[k].B.End
		k++
	}
	if k > 0 {
		hunks = append([]Hunk{{A: Range{0, a}, B: Range{0, b}}}, hunks[k:]...)
	}
	k, a, b = len(hunks)-1, lenA, lenB
	for k >= 0 && (hunks[k].B.End == b || weak(Range{hunks[k].B.End, b})) {
		a, b = hunks[k].A.Start, hunks[k].B.Start
		k--
	}
	if k < len(hunks)-1 {
		hunks = append(hunks[:k+1:k+1], Hunk{A: Range{a, lenA}, B: Range{b, lenB}})
	}
	return hunks
}
