package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/align"
	"github.com/copydesk/copydesk/internal/document"
)

// words is a run of a document's words and numbers with the keys they are aligned by. Punctuation is left
// out, so that a comma moved or a quote mark straightened is no difference.
type words struct {
	doc  *document.Document
	toks []int // indices into doc.Tokens
	keys []string
}

// ellipsisKey stands for "..." or "…" in a quotation, where it marks words left out.
const ellipsisKey = "…"

// collectWords gathers the words of a span of doc's prose; with ellipses, ellipsis marks are kept as
// ellipsisKey.
func collectWords(doc *document.Document, span document.Span, ellipses bool) words {
	w := words{doc: doc}
	i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].Start >= span.Start })
	for ; i < len(doc.Tokens) && doc.Tokens[i].End <= span.End; i++ {
		t := doc.Tokens[i]
		text := doc.Text[t.Start:t.End]
		switch {
		case text == "s" && i > 0 && isApostrophe(doc.Slice(doc.Tokens[i-1].Span)) && doc.Tokens[i-1].End == t.Start:
			// the possessive of an initialism ("U.S.'s"), which wordKey drops as it does any other
		case t.Kind != document.Punct:
			if !strings.Contains(text, "-") {
				w.toks = append(w.toks, i)
				w.keys = append(w.keys, wordKey(text))
				continue
			}
			// Hyphenated words compare part by part, so that "U.S.-led" (three tokens) matches "US-led".
			for part := range strings.SplitSeq(text, "-") {
				if k := wordKey(part); k != "" {
					w.toks = append(w.toks, i)
					w.keys = append(w.keys, k)
				}
			}
		case ellipses && (text == "..." || text == "…"):
			w.toks = append(w.toks, i)
			w.keys = append(w.keys, ellipsisKey)
		}
	}
	return w
}

// span returns the prose covered by the words in r, which must not be empty.
func (w words) span(r align.Range) document.Span {
	return document.Span{Start: w.doc.Tokens[w.toks[r.Start]].Start, End: w.doc.Tokens[w.toks[r.End-1]].End}
}

// text returns the prose covered by the words in r, or "" for an empty range.
func (w words) text(r align.Range) string {
	if r.Len() == 0 {
		return ""
	}
	return w.doc.Slice(w.span(r))
}

// monthAbbreviations spell out the short month names wire style uses with a date ("Feb. 24").
var monthAbbreviations = map[string]string{
	"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
	"dec": "december",
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

// wordKey is the form a word is compared in: case, apostrophe style, a name's possessive, initialism dots
// ("U.S." and "US"), abbreviated months and British -ise spellings make no difference between a draft and
// its source.
func wordKey(s string) string {
	k := strings.ToLower(s)
	k = strings.ReplaceAll(k, "’", "'")
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		k = strings.TrimSuffix(k, "'s") // a name's possessive; in "there's" the 's is a verb
	}
	if strings.Contains(k, ".") {
		k = strings.ReplaceAll(k, ".", "")
	}
	if m, ok := monthAbbreviations[k]; ok {
		return m
	}
	for _, suf := range []string{"ise", "ised", "ises", "ising", "isation"} {
		if strings.HasSuffix(k, suf) && len(k) > len(suf)+2 {
			return k[:len(k)-len(suf)] + "iz" + suf[2:]
		}
	}
	return k
}

// stopwords carry grammar rather than content: a diff that differs only in them is not a rewording
// worth a copy editor's time ("the" for "a").
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "by": true, "for": true, "from": true, "with": true, "as": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"it": true, "its": true, "it's": true, "that": true, "this": true, "these": true, "those": true,
	"which": true, "who": true, "whom": true, "whose": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "should": true, "could": true, "can": true, "may": true, "might": true,
	"do": true, "does": true, "did": true, "not": true, "no": true, "so": true, "than": true,
	"then": true, "there": true, "their": true, "they": true, "them": true, "he": true, "she": true,
	"his": true, "her": true, "we": true, "our": true, "you": true, "your": true, "i": true, "into": true,
	"onto": true, "about": true, "over": true, "also": true, "very": true, "just": true, "such": true,
	"if": true, "while": true, "though": true, "although": true, "however": true, "because": true,
	"up": true, "out": true, "off": true, "all": true, "any": true, "some": true, "more": true,
	"most": true, "one": true, "s": true,
}

// hasContentWord reports whether any key in r is not a stopword.
func (w words) hasContentWord(r align.Range) bool {
	for _, k := range w.keys[r.Start:r.End] {
		if !stopwords[k] {
			return true
		}
	}
	return false
}

// magnitudes are number words whose change alters a figure ("$5 million" for "$5 billion").
var magnitudes = map[string]bool{
	"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true,
	"percent": true,
}

// isFact reports whether word i is a name, a number or part of a date: the things a rewrite must never
// change. A capitalised word counts as a name unless capitals say nothing there: at the start of a
// sentence or quotation, or anywhere in a title-case heading.
func (w words) isFact(i int) bool {
	d := w.doc
	ti := w.toks[i]
	t := d.Tokens[ti]
	text := d.Text[t.Start:t.End]
	if t.Kind == document.Number || strings.ContainsFunc(text, unicode.IsDigit) || magnitudes[w.keys[i]] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) || startsClause(d, ti) {
		return false
	}
	b := d.BlockOf(t.Start)
	return b < 0 || d.Blocks[b].Kind != document.Heading || !titleCase(d, d.Blocks[b])
}

// startsClause reports whether token ti opens a block, sentence or quotation, where any word is capitalised.
func startsClause(d *document.Document, ti int) bool {
	b := d.BlockOf(d.Tokens[ti].Start)
	if b < 0 || ti == d.Blocks[b].TokenStart {
		return true
	}
	switch d.Slice(d.Tokens[ti-1].Span) {
	case ".", "!", "?", "“", "\"", "‘", "(", "[", ":", ";", "...", "…":
		return true
	}
	return false
}

// titleCase reports whether most words of a block start with a capital, as in "Ministers Hold First Talks".
func titleCase(d *document.Document, b document.Block) bool {
	caps, n := 0, 0
	for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
		if t.Kind != document.Word {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(d.Text[t.Start:t.End]); unicode.IsUpper(r) {
			caps++
		}
	}
	return n > 0 && caps*2 > n
}

// facts returns the keys of the names and numbers among the words in r.
func (w words) facts(r align.Range) []string {
	var out []string
	for i := r.Start; i < r.End; i++ {
		if w.isFact(i) {
			out = append(out, w.keys[i])
		}
	}
	return out
}

// sameName reports whether two name keys name the same thing: equal, or a country and its
// adjective ("russia", "russian"; "china", "chinese"): the adjective is the country's stem of three
// letters or more, without a final vowel, and a demonym ending.
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	if strings.ContainsFunc(a+b, unicode.IsDigit) {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	stem := strings.TrimRight(a, "aeiouy")
	return len(stem) >= 3 && len(b) > len(a) && strings.HasPrefix(b, stem) && demonymEndings[b[len(stem):]]
}

// demonymEndings turn a country's stem into its adjective: Russia-n, Chin-ese, Ukrain-ian, Israel-i.
var demonymEndings = map[string]bool{"n": true, "an": true, "ian": true, "ese": true, "i": true, "ish": true, "ean": true}

// irregularForms map irregular forms of the verbs of news copy to their base form.
var irregularForms = map[string]string{
	"said": "say", "says": "say", "told": "tell", "tells": "tell", "made": "make", "took": "take",
	"taken": "take", "gave": "give", "given": "give", "went": "go", "gone": "go", "came": "come",
	"saw": "see", "seen": "see", "met": "meet", "held": "hold", "left": "leave", "began": "begin",
	"begun": "begin", "won": "win", "lost": "lose", "sought": "seek", "spoke": "speak", "spoken": "speak",
}

// inflections are the endings that make forms of one word.
var inflections = map[string]bool{"": true, "s": true, "es": true, "e": true, "d": true, "ed": true, "ing": true, "y": true, "ies": true, "ied": true}

// sameStem reports whether two keys are forms of one word ("provide", "provides"; "considered",
// "considering"): past a shared stem of four letters or more, both end in an inflection.
func sameStem(a, b string) bool {
	if la, ok := irregularForms[a]; ok {
		a = la
	}
	if lb, ok := irregularForms[b]; ok {
		b = lb
	}
	if a == b {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 && inflections[a[n:]] && inflections[b[n:]]
}

// factRange narrows r to the words from its first name or number to its last, so that a finding names
// "Kiev", not "though Kiev". r must hold a fact.
func (w words) factRange(r align.Range) align.Range {
	out := align.Range{Start: r.End, End: r.Start}
	for i := r.Start; i < r.End; i++ {
		if w.isFact(i) {
			out.Start, out.End = min(out.Start, i), i+1
		}
	}
	return out
}

// punctuationBefore reports whether a punctuation mark stands between word i-1 and word i.
func (w words) punctuationBefore(i int) bool {
	return w.toks[i]-w.toks[i-1] > 1 && w.doc.Tokens[w.toks[i]-1].Kind == document.Punct
}
