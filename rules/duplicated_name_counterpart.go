package rules

import (
	"slices"
	"strings"

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
func pairedCounterpart(d *document.Document, w []string, dup coordinatedDuplicate) (counterpart, bool) {
	var found counterpart
	for _, b := range d.Blocks {
		if b.Kind == document.Heading {
			continue
		}
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			if d.Slice(d.Tokens[i].Span) != "and" {
				continue
			}
			left, right := nameRunBefore(d, b, i), nameRunAfter(d, b, min(i+1, b.TokenEnd))
			if left.empty() || right.empty() || isModifier(d, b, right.end) || rangesOverlap(left, dup.right) || rangesOverlap(right, dup.right) {
				continue
			}
			lp, rp := personName(runWords(d, left)), personName(runWords(d, right))
			var other []string
			switch {
			case hasAllWords(lp, w) && !hasAnyWord(rp, w):
				other = rp
			case hasAllWords(rp, w) && !hasAnyWord(lp, w):
				other = lp
			default:
				continue
			}
			name := shortName(d, other, len(w))
			if found.name != "" && found.name != name {
				return counterpart{}, false
			}
			found = counterpart{name: name, evidence: document.Span{Start: d.Tokens[left.start].Start, End: d.Tokens[right.end-1].End}}
		}
	}
	return found, found.name != ""
}

// shortName returns the word of a multi-word name that the story uses on its own, when the name it
// replaces has n words fewer than the full name; otherwise the full name.
func shortName(d *document.Document, name []string, n int) string {
	if n < len(name) {
		for _, w := range name {
			if standsAlone(d, w) {
				return w
			}
		}
	}
	return strings.Join(name, " ")
}

// standsAlone reports whether the story uses the name word w as a one-word name somewhere.
func standsAlone(d *document.Document, w string) bool {
	for i, t := range d.Tokens {
		if d.Slice(t.Span) != w {
			continue
		}
		b := d.Blocks[d.BlockOf(t.Start)]
		if (i == b.TokenStart || !isNameWord(d, i-1)) && (i+1 >= b.TokenEnd || !isNameWord(d, i+1)) {
			return true
		}
	}
	return false
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
