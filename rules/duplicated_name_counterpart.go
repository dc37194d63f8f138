package rules

import (
	"slices"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/document"
)

// counterpart is the person a story pairs with a name ("President Joe Biden and Chinese President Xi
// Jinping" pairs Xi Jinping with Biden), and the coordination that shows it.
type counterpart struct {
	name     string
	evidence document.Span
}

// pairedCounterpart finds the one person the story coordinates with the name words w outside the
// duplicate dup (whose list may pair the repeat with the next name: "Smith, Smith and Jones"). With two or
// more candidates there is no telling which was meant. A one-word name gets a one-word counterpart when
// the story uses one alone ("Xi"), else the full name ("Xi Jinping").
//
// The coordinations of the story are found once (storyPairs), and their counterparts once for each w, so
// that a story with many repeated names is read in time linear in its length.
func pairedCounterpart(d *document.Document, w []string, dup coordinatedDuplicate) (counterpart, bool) {
	sp := storyPairs(d)
	m := sp.matches(d, w)
	var found counterpart
	excluded := func(k int) bool {
		c := &sp.pairs[m.pairs[k]]
		return rangesOverlap(c.left, dup.right) || rangesOverlap(c.right, dup.right)
	}
	for k := 0; k < len(m.pairs); {
		if excluded(k) {
			k++
			continue
		}
		if found.name != "" && found.name != m.names[k] {
			return counterpart{}, false
		}
		// The rest of the run of pairs with this name changes nothing but the evidence: the last of them.
		last := m.runEnd[k] - 1
		for excluded(last) {
			last--
		}
		found = counterpart{name: m.names[last], evidence: sp.pairs[m.pairs[last]].evidence}
		k = m.runEnd[k]
	}
	return found, found.name != ""
}

// namePair is a coordination of two names ("President Joe Biden and Chinese President Xi Jinping").
type namePair struct {
	left, right tokenRange
	lp, rp      []string // the person names of each side (personName)
	evidence    document.Span
}

// namePairs are the coordinations of a story, in text order, and the pairs each name word is in.
type namePairs struct {
	pairs  []namePair
	byWord map[string][]int
	// alone are the words the story uses as a one-word name (standsAlone), found at the first need.
	alone map[string]bool
	// done holds the matches of each name asked about, by its words.
	mu   sync.Mutex
	done map[string]*pairMatches
}

// pairMatches are the pairs that coordinate a name with another person, and the counterpart each names.
type pairMatches struct {
	pairs  []int    // indexes of namePairs.pairs, in text order
	names  []string // the counterpart of each
	runEnd []int    // for each, the index after the run of matches with the same counterpart
}

// storyPairs returns the coordinations of d, found once per document.
func storyPairs(d *document.Document) *namePairs {
	return memoized(d, memoNamePairs, func(d *document.Document) *namePairs {
		sp := &namePairs{byWord: map[string][]int{}, done: map[string]*pairMatches{}}
		for _, b := range d.Blocks {
			if b.Kind == document.Heading {
				continue
			}
			for i := b.TokenStart; i < b.TokenEnd; i++ {
				if d.Slice(d.Tokens[i].Span) != "and" {
					continue
				}
				left, right := nameRunBefore(d, b, i), nameRunAfter(d, b, min(i+1, b.TokenEnd))
				if left.empty() || right.empty() || isModifier(d, b, right.end) {
					continue
				}
				k := len(sp.pairs)
				sp.pairs = append(sp.pairs, namePair{
					left: left, right: right, lp: personName(runWords(d, left)), rp: personName(runWords(d, right)),
					evidence: document.Span{Start: d.Tokens[left.start].Start, End: d.Tokens[right.end-1].End},
				})
				for _, side := range [][]string{sp.pairs[k].lp, sp.pairs[k].rp} {
					for _, w := range side {
						if l := sp.byWord[w]; len(l) == 0 || l[len(l)-1] != k {
							sp.byWord[w] = append(l, k)
						}
					}
				}
			}
		}
		return sp
	})
}

// matches returns the pairs that coordinate the name words w with someone else, computed once per w.
func (sp *namePairs) matches(d *document.Document, w []string) *pairMatches {
	key := namesKey(w)
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if m, ok := sp.done[key]; ok {
		return m
	}
	// Only pairs with every word of w on one side match; look through those with the rarest word.
	var candidates []int
	if len(w) == 0 {
		candidates = make([]int, len(sp.pairs))
		for k := range candidates {
			candidates[k] = k
		}
	} else {
		candidates = sp.byWord[w[0]]
		for _, x := range w[1:] {
			if l := sp.byWord[x]; len(l) < len(candidates) {
				candidates = l
			}
		}
	}
	m := &pairMatches{}
	for _, k := range candidates {
		c := &sp.pairs[k]
		var other []string
		switch {
		case hasAllWords(c.lp, w) && !hasAnyWord(c.rp, w):
			other = c.rp
		case hasAllWords(c.rp, w) && !hasAnyWord(c.lp, w):
			other = c.lp
		default:
			continue
		}
		m.pairs = append(m.pairs, k)
		m.names = append(m.names, sp.shortName(d, other, len(w)))
	}
	m.runEnd = make([]int, len(m.pairs))
	for k := len(m.pairs) - 1; k >= 0; k-- {
		m.runEnd[k] = k + 1
		if k+1 < len(m.pairs) && m.names[k+1] == m.names[k] {
			m.runEnd[k] = m.runEnd[k+1]
		}
	}
	sp.done[key] = m
	return m
}

// shortName returns the word of a multi-word name that the story uses on its own, when the name it
// replaces has n words fewer than the full name; otherwise the full name.
func (sp *namePairs) shortName(d *document.Document, name []string, n int) string {
	if n < len(name) {
		if sp.alone == nil {
			sp.alone = aloneWords(d)
		}
		for _, w := range name {
			if sp.alone[w] {
				return w
			}
		}
	}
	return strings.Join(name, " ")
}

// aloneWords returns the capitalized words that d uses as a one-word name: the words of which
// standsAlone holds, and only those, since a name word is capitalized.
func aloneWords(d *document.Document) map[string]bool {
	alone := map[string]bool{}
	for i, t := range d.Tokens {
		w := d.Slice(t.Span)
		if alone[w] || !startsUpper(w) {
			continue
		}
		b := d.Blocks[d.BlockOf(t.Start)]
		if (i == b.TokenStart || !isNameWord(d, i-1)) && (i+1 >= b.TokenEnd || !isNameWord(d, i+1)) {
			alone[w] = true
		}
	}
	return alone
}

func rangesOverlap(a, b tokenRange) bool { return a.start < b.end && b.start < a.end }

func hasAllWords(words, want []string) bool {
	for _, w := range want {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

func hasAnyWord(words, want []string) bool {
	for _, w := range want {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}
