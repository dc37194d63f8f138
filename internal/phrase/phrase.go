// Package phrase finds fixed word sequences from a large dictionary in running text.
//
// Phrases and text are compared word by word, ignoring case and the spelling of apostrophes and hyphens
// (’ and ', ‑ and -), so "Re‑archived" matches "re-archived". Lookup goes through a map keyed by a hash of
// the normalised word n-gram, longest phrase first, so the time per word does not grow with the number of
// phrases; a regular-expression alternation over thousands of phrases is hundreds of times slower.
package phrase

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxWords is the longest phrase a Matcher accepts.
const MaxWords = 16

// Matcher holds a dictionary of phrases. Build it with Add, then call Scan; a Matcher is safe for
// concurrent Scans once built.
type Matcher struct {
	phrases [][]string // normalised words of each phrase, by id
	byKey   map[uint64][]int
	// longest maps the hash of a first word to the length of the longest phrase starting with it, so most
	// words of a text cost one map lookup.
	longest map[uint64]int
}

// New returns an empty Matcher.
func New() *Matcher {
	return &Matcher{byKey: map[uint64][]int{}, longest: map[uint64]int{}}
}

// Add adds a phrase, given as its words, and returns its id: ids count up from 0 in the order of Add.
func (m *Matcher) Add(words []string) (int, error) {
	if len(words) == 0 || len(words) > MaxWords {
		return 0, fmt.Errorf("phrase %q: want 1 to %d words", strings.Join(words, " "), MaxWords)
	}
	norm := make([]string, len(words))
	var key uint64
	for i, w := range words {
		if w == "" {
			return 0, fmt.Errorf("phrase %q: empty word", strings.Join(words, " "))
		}
		norm[i] = Normalize(w)
		key = extend(key, i, hashWord(w))
	}
	id := len(m.phrases)
	m.phrases = append(m.phrases, norm)
	m.byKey[key] = append(m.byKey[key], id)
	first := hashWord(words[0])
	m.longest[first] = max(m.longest[first], len(words))
	return id, nil
}

// Len is the number of phrases.
func (m *Matcher) Len() int { return len(m.phrases) }

// Scan finds phrases in words, a text split into words, where an empty string is a barrier no match
// crosses (a full stop, say). Matching is leftmost-longest: at each position, accept is offered the
// phrases that match there, longest first (phrases of equal length in id order), with start and length
// in words. It returns the number of words the match takes up, which may exceed the phrase's length when
// the caller extends it, or 0 to refuse it and be offered the next. Scanning resumes after an accepted
// match, or one word on when every candidate is refused.
func (m *Matcher) Scan(words []string, accept func(id, start, n int) int) {
	var keys [MaxWords]uint64
	for i := 0; i < len(words); {
		if words[i] == "" {
			i++
			continue
		}
		first := hashWord(words[i])
		longest := m.longest[first]
		if longest == 0 {
			i++
			continue
		}
		keys[0] = extend(0, 0, first)
		n := 1
		for ; n < longest && i+n < len(words) && words[i+n] != ""; n++ {
			keys[n] = extend(keys[n-1], n, hashWord(words[i+n]))
		}
		took := 0
		for ; n > 0 && took == 0; n-- {
			for _, id := range m.byKey[keys[n-1]] {
				if m.equal(id, words[i:i+n]) {
					if took = accept(id, i, n); took > 0 {
						break
					}
				}
			}
		}
		i += max(took, 1)
	}
}

// equal reports whether phrase id is exactly the given words, guarding against hash collisions.
func (m *Matcher) equal(id int, words []string) bool {
	p := m.phrases[id]
	if len(p) != len(words) {
		return false
	}
	for i, w := range words {
		if !EqualWord(p[i], w) {
			return false
		}
	}
	return true
}

// Normalize returns the form in which words are compared: lower case, with a straight apostrophe and an
// ASCII hyphen.
func Normalize(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// EqualWord reports whether two words are equal once normalised, without allocating.
func EqualWord(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if foldRune(ra) != foldRune(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func foldRune(r rune) rune {
	switch r {
	case '’', 'ʼ', '‘':
		return '\''
	case '‐', '‑', '‒', '–':
		return '-'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWord is FNV-1a over the normalised runes of w.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		h ^= uint64(foldRune(r))
		h *= fnvPrime
	}
	return h
}

// extend folds the hash of the word at position i into the hash of the words before it; the position
// takes part so that reordered words hash differently.
func extend(key uint64, i int, word uint64) uint64 {
	key ^= word + uint64(i+1)*0x9e3779b97f4a7c15
	key *= fnvPrime
	return key ^ key>>29
}
