package rules

import "github.com/copydesk/copydesk/internal/document"

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

func storyWordsOf(doc *document.Document) storyWords {
	sw := storyWords{words: make([]string, 0, len(doc.Tokens)), tokens: make([]int, 0, len(doc.Tokens))}
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
			case !transparentMarks[text]:
				barrier()
			}
		}
		barrier()
	}
	return sw
}
