package rules

import (
	"sync"

	"github.com/copydesk/copydesk/internal/document"
)

// storyWords is the story as a sequence of words for phrase matching. Quotation marks, brackets and
// emphasis marks between words are skipped, so “no borders” partnership reads as three words; other
// punctuation and block ends become "", a barrier no phrase crosses.
type storyWords struct {
	words  []string
	tokens []int // index in Document.Tokens of each word; -1 for a barrier
}

// transparentMarks are punctuation tokens a phrase may run through.
var transparentMarks = map[string]bool{
	`"`: true, "“": true, "”": true, "‘": true, "’": true, "'": true, "«": true, "»": true,
	"(": true, ")": true, "[": true, "]": true, "*": true, "_": true,
}

// storyWordsPool recycles the slices of storyWords that do not outlive a Check.
var storyWordsPool = sync.Pool{New: func() any { return new(storyWords) }}

// appendStoryWords fills sw, emptied first and its slices reused, with the story's words.
func appendStoryWords(sw storyWords, doc *document.Document) storyWords {
	if cap(sw.words) < len(doc.Tokens) {
		sw = storyWords{words: make([]string, 0, len(doc.Tokens)), tokens: make([]int, 0, len(doc.Tokens))}
	}
	sw.words, sw.tokens = sw.words[:0], sw.tokens[:0]
	barrier := func() {
		if n := len(sw.words); n > 0 && sw.words[n-1] != "" {
			sw.words = append(sw.words, "")
			sw.tokens = append(sw.tokens, -1)
		}
	}
	for _, b := range doc.Blocks {
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			t := doc.Tokens[i]
			text := doc.Slice(t.Span)
			switch {
			case t.Kind != document.Punct:
				sw.words = append(sw.words, text)
				sw.tokens = append(sw.tokens, i)
			case !isTransparentMark(text):
				barrier()
			}
		}
		barrier()
	}
	return sw
}

// isTransparentMark is transparentMarks[s] without hashing s: appendStoryWords asks for every punctuation mark.
func isTransparentMark(s string) bool {
	switch s {
	case `"`, "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]", "*", "_":
		return true
	}
	return false
}
