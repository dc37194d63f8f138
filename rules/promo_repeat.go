package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// repeatMaxWords bounds the lines compared for repetition: boilerpipe's limit for a short block. A
// repeated long paragraph is a duplication problem, not page chrome.
const repeatMaxWords = 15

// repeat says which copy of a repeated line a block is.
type repeat struct{ nth, total int }

// blockRepeats finds short blocks whose text, ignoring ASCII case, appears more than once in the story:
// a page template prints its prompts in several places, while copy says a thing once. The result is
// indexed by block; a block that is not repeated has the zero value. lower is the document's Text
// lower-cased by asciiLower.
func blockRepeats(d *document.Document, lower string) []repeat {
	seen := map[string][]int{}
	for bi, b := range d.Blocks {
		if blockWordCount(d, b) <= repeatMaxWords {
			key := strings.TrimSpace(lower[b.Span.Start:b.Span.End])
			seen[key] = append(seen[key], bi)
		}
	}
	out := make([]repeat, len(d.Blocks))
	for _, blocks := range seen {
		if len(blocks) < 2 {
			continue
		}
		for i, bi := range blocks {
			out[bi] = repeat{nth: i + 1, total: len(blocks)}
		}
	}
	return out
}
