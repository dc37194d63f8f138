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

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWord and asciiSpace are isWordRune and unicode.IsSpace for ASCII, by table.
var asciiWord, asciiSpace = func() (w, sp [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		w[r] = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		sp[r] = unicode.IsSpace(r)
	}
	return
}()

// isDigit is unicode.IsDigit with an ASCII shortcut.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// tokenize splits text into words, numbers and punctuation; white space separates tokens and is dropped.
func tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/4+8) // news prose has a token every 4.5 bytes or so
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				i++
			case asciiWord[c]:
				end, kind := scanWord(text, i)
				toks = append(toks, Token{Span{i, end}, kind})
				i = end
			case c == '.' && len(text) >= i+3 && text[i:i+3] == "...":
				toks = append(toks, Token{Span{i, i + 3}, Punct})
				i += 3
			default:
				toks = append(toks, Token{Span{i, i + 1}, Punct})
				i++
			}
			continue
		}
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
		if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
			if c < '0' || c > '9' {
				allDigits = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if !isDigit(r) {
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
		case (r == ',' || r == '.') && allDigits && isDigit(next):
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
