package document

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind int

// The kinds of token.
const (
	Word   TokenKind = iota // letters, with inner apostrophes, hyphens and initialism dots ("U.S.")
	Number                  // digits, with inner separators ("1,000", "3.5")
	Punct                   // one punctuation mark or symbol; "..." is one token
)

// Token is a word, number or punctuation mark of Document.Text.
type Token struct {
	Span
	Kind TokenKind
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// tokenize splits text into words, numbers and punctuation; white space separates tokens and is dropped.
func tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			end, kind := scanWord(text, i)
			toks = append(toks, Token{Span{i, end}, kind})
			i = end
		case r == '.' && len(text) >= i+3 && text[i:i+3] == "...":
			toks = append(toks, Token{Span{i, i + 3}, Punct})
			i += 3
		default:
			toks = append(toks, Token{Span{i, i + size}, Punct})
			i += size
		}
	}
	return toks
}

// scanWord reads a word or number starting at i and returns where it ends.
func scanWord(text string, i int) (int, TokenKind) {
	start := i
	allDigits := true
	segStart := i // start of the current letter run, for initialisms
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if !unicode.IsDigit(r) {
				allDigits = false
			}
			i += size
			continue
		}
		next := runeAt(text, i+size)
		switch {
		case (r == '\'' || r == '’' || r == '-' || r == '‑') && isWordRune(next):
			i += size
			segStart = i
		case (r == ',' || r == '.') && allDigits && unicode.IsDigit(next):
			i += size
		case r == '.' && isInitial(text[segStart:i]):
			// "U.S.", "a.m.": a single letter, a dot, and either another letter and dot or the end.
			if unicode.IsLetter(next) && runeAt(text, i+size+utf8.RuneLen(next)) == '.' {
				i += size
				segStart = i
				continue
			}
			if segStart > start {
				return i + size, Word
			}
			return i, Word
		default:
			return i, kindOf(allDigits)
		}
	}
	return i, kindOf(allDigits)
}

func isInitial(s string) bool {
	return utf8.RuneCountInString(s) == 1 && unicode.IsLetter(runeAt(s, 0))
}

func kindOf(allDigits bool) TokenKind {
	if allDigits {
		return Number
	}
	return Word
}
