package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// Helpers the style rules share to look at words the way a copy editor does: through possessives and
// hyphenated compounds, with an eye on sentence starts, headlines in title case and quotations.

// trimPossessive drops a possessive ending ("Kiev's" → "Kiev"), so a spelling check sees the name.
func trimPossessive(w string) string {
	n := len(w)
	if n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return w
	}
	if w[n-2] == '\'' {
		return w[:n-2]
	}
	if n > 4 && w[n-4:n-1] == "’" {
		return w[:n-4]
	}
	return w
}

// forEachHyphenPart calls fn with the byte range of each hyphen-separated part of a compound word
// ("Kiev-based" → "Kiev", "based"); a word without a hyphen is not reported.
func forEachHyphenPart(w string, fn func(start, end int)) {
	if !strings.ContainsAny(w, "-‑") {
		return
	}
	start := 0
	for i, r := range w {
		if r == '-' || r == '‑' {
			fn(start, i)
			start = i + utf8.RuneLen(r)
		}
	}
	fn(start, len(w))
}

// appendLower appends the lower-case form of s to buf, for map keys built without allocating.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// isAllCaps reports whether w has at least two letters and no lower-case one ("KIEV", "U.S.").
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// casedLike renders replacement in the case of matched, the copy's spelling of form: all capitals in an
// all-caps line, a capital at a sentence start or in a title-case headline, otherwise as the house writes it.
func casedLike(matched, form, replacement string, capitalStart bool) string {
	switch {
	case isAllCaps(matched) && !isAllCaps(form):
		return strings.ToUpper(replacement)
	case capitalStart && startsUpper(matched):
		return capitalize(replacement)
	}
	return replacement
}

// startsSentence reports whether the token at index ti is the first word of a sentence of block b.
func startsSentence(d *document.Document, b document.Block, ti int) bool {
	start := d.Tokens[ti].Start
	for _, s := range b.Sentences {
		if start < s.Start || start >= s.End {
			continue
		}
		for j := ti - 1; j >= b.TokenStart && d.Tokens[j].Start >= s.Start; j-- {
			if d.Tokens[j].Kind != document.Punct {
				return false
			}
		}
		return true
	}
	return false
}

// capitalStart reports whether a capital is expected on the token at ti: it starts a sentence, or it
// stands in a title-case headline.
func capitalStart(d *document.Document, bi, ti int) bool {
	b := d.Blocks[bi]
	return startsSentence(d, b, ti) || (bi == d.Headline && isTitleCase(d, b))
}

// isTitleCase reports whether most longer words of a block are capitalized, as in a title-case headline.
func isTitleCase(d *document.Document, b document.Block) bool {
	long, upper := 0, 0
	for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
		w := d.Slice(t.Span)
		if t.Kind != document.Word || len(w) < 4 {
			continue
		}
		long++
		if startsUpper(w) {
			upper++
		}
	}
	return long > 0 && upper*5 >= long*4
}

// insideQuotes reports whether the Text offset off of block b lies within quotation marks. Curly quotes
// nest; a straight double quote toggles.
func insideQuotes(d *document.Document, b document.Block, off int) bool {
	depth, straight := 0, false
	for _, r := range d.Text[b.Span.Start:off] {
		switch r {
		case '“':
			depth++
		case '”':
			depth = max(depth-1, 0)
		case '"':
			straight = !straight
		}
	}
	return depth > 0 || straight
}
