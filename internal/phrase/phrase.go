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
	phrases [][]string // the words of each phrase as added, by id
	// keys maps the hash of every word n-gram that is a phrase or the start of one to its node: a hashed
	// trie, so a scan extends a candidate one word at a time and stops at the first n-gram no phrase
	// starts with. Most words of a text cost one lookup, however many phrases there are.
	keys nodeTable
	// next links the phrases with the same key, in id order: next[id] is the following id, or -1.
	next []int32
	// bits is a bitset of the keys, 16 bits or more per key: most n-grams of a text are no key, and the
	// bitset tells so without the map lookup.
	bits []uint64
}

// node is what the n-gram with that hash starts or is.
type node struct {
	first, last int32 // the phrases that are exactly this n-gram (ids + 1; 0 when none)
	prefix      bool  // some longer phrase starts with this n-gram
}

// New returns an empty Matcher.
func New() *Matcher { return NewSize(0) }

// NewSize returns an empty Matcher with room for about n phrases.
func NewSize(n int) *Matcher {
	return &Matcher{keys: newNodeTable(2 * n), phrases: make([][]string, 0, n), next: make([]int32, 0, n)}
}

// Add adds a phrase, given as its words, and returns its id: ids count up from 0 in the order of Add.
// The Matcher keeps words; the caller must not change them afterwards.
func (m *Matcher) Add(words []string) (int, error) {
	if len(words) == 0 || len(words) > MaxWords {
		return 0, fmt.Errorf("phrase %q: want 1 to %d words", strings.Join(words, " "), MaxWords)
	}
	for _, w := range words {
		if w == "" {
			return 0, fmt.Errorf("phrase %q: empty word", strings.Join(words, " "))
		}
	}
	id := len(m.phrases)
	var key uint64
	for i, w := range words {
		key = extend(key, i, hashWord(w))
		nd, ok := m.keys.get(key)
		if !ok {
			m.mark(key)
		}
		if i == len(words)-1 {
			if nd.first == 0 {
				nd.first = int32(id + 1)
			} else {
				m.next[nd.last-1] = int32(id)
			}
			nd.last = int32(id + 1)
		} else {
			nd.prefix = true
		}
		m.keys.put(key, nd)
	}
	m.phrases = append(m.phrases, words)
	m.next = append(m.next, -1)
	return id, nil
}

// mark adds a key to the bitset, doubling it first when it would hold fewer than 16 bits a key.
func (m *Matcher) mark(key uint64) {
	if (m.keys.len()+1)*16 > len(m.bits)*64 {
		m.bits = make([]uint64, max(64, 2*len(m.bits)))
		m.keys.each(m.setBit)
	}
	m.setBit(key)
}

func (m *Matcher) setBit(key uint64) {
	b := key & uint64(len(m.bits)*64-1)
	m.bits[b/64] |= 1 << (b % 64)
}

// mayHave reports whether key may be in keys: false means it is not.
func (m *Matcher) mayHave(key uint64) bool {
	b := key & uint64(len(m.bits)*64-1)
	return m.bits[b/64]&(1<<(b%64)) != 0
}

// Words returns the words of phrase id, as added.
func (m *Matcher) Words(id int) []string { return m.phrases[id] }

// Len is the number of phrases.
func (m *Matcher) Len() int { return len(m.phrases) }

// Scan finds phrases in words, a text split into words, where an empty string is a barrier no match
// crosses (a full stop, say). Matching is leftmost-longest: at each position, accept is offered the
// phrases that match there, longest first (phrases of equal length in id order), with start and length
// in words. It returns the number of words the match takes up, which may exceed the phrase's length when
// the caller extends it, or 0 to refuse it and be offered the next. Scanning resumes after an accepted
// match, or one word on when every candidate is refused.
func (m *Matcher) Scan(words []string, accept func(id, start, n int) int) {
	type candidate struct{ n, first int }
	var cands [MaxWords]candidate
	if len(m.phrases) == 0 {
		return
	}
	for i := 0; i < len(words); {
		nc := 0
		var key uint64
		for n := 0; n < MaxWords && i+n < len(words) && words[i+n] != ""; n++ {
			key = extend(key, n, hashWord(words[i+n]))
			if !m.mayHave(key) {
				break
			}
			nd, ok := m.keys.get(key)
			if !ok {
				break
			}
			if nd.first != 0 {
				cands[nc] = candidate{n + 1, int(nd.first - 1)}
				nc++
			}
			if !nd.prefix {
				break
			}
		}
		took := 0
		for c := nc - 1; c >= 0 && took == 0; c-- {
			n := cands[c].n
			for id := cands[c].first; id >= 0; id = int(m.next[id]) {
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
		if ca, cb := a[0], b[0]; ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if ca != cb && lowerASCII(ca) != lowerASCII(cb) {
				return false
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if foldRune(ra) != foldRune(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
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
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return hashRunes(h, w[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashRunes continues hashWord over the rest of w once it meets a non-ASCII byte.
func hashRunes(h uint64, w string) uint64 {
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

// nodeTable maps n-gram hashes to nodes: an open-addressing hash table with linear probing, which a scan
// asks about most words of a text. It does what a map[uint64]node would, faster to look up, as the keys
// are hashes already.
type nodeTable struct {
	keys  []uint64 // a power of two long; a free slot has key 0
	nodes []node
	n     int
	// zero is the node of key 0, which marks free slots in keys.
	zero    node
	hasZero bool
}

func newNodeTable(n int) nodeTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return nodeTable{keys: make([]uint64, size), nodes: make([]node, size)}
}

func (t *nodeTable) len() int { return t.n }

// slot is where probing for key starts.
func (t *nodeTable) slot(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> 32 & uint64(len(t.keys)-1))
}

func (t *nodeTable) get(key uint64) (node, bool) {
	if key == 0 {
		return t.zero, t.hasZero
	}
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.nodes[i], true
		case 0:
			return node{}, false
		}
	}
}

func (t *nodeTable) put(key uint64, nd node) {
	if key == 0 {
		if !t.hasZero {
			t.n++
		}
		t.zero, t.hasZero = nd, true
		return
	}
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			t.nodes[i] = nd
			return
		case 0:
			t.keys[i], t.nodes[i] = key, nd
			t.n++
			return
		}
	}
}

// grow doubles the table.
func (t *nodeTable) grow() {
	old := *t
	*t = newNodeTable(len(old.keys))
	t.zero, t.hasZero = old.zero, old.hasZero
	if t.hasZero {
		t.n = 1
	}
	for i, k := range old.keys {
		if k != 0 {
			t.put(k, old.nodes[i])
		}
	}
}

// each calls f with every key.
func (t *nodeTable) each(f func(uint64)) {
	if t.hasZero {
		f(0)
	}
	for _, k := range t.keys {
		if k != 0 {
			f(k)
		}
	}
}
