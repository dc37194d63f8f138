package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// minLedeWords tells the lede from a byline, dateline or photo credit that may sit between it and the
// headline.
const minLedeWords = 12

// ledeBlock returns the index of the story's first paragraph after the headline, or -1.
func ledeBlock(d *document.Document) int {
	for i := d.Headline + 1; i < len(d.Blocks); i++ {
		b := d.Blocks[i]
		if b.Kind == document.Paragraph && !isEditorsNote(d.Slice(b.Span)) && b.TokenEnd-b.TokenStart >= minLedeWords {
			return i
		}
	}
	return -1
}

// editorsNoteBlocks returns the indexes of the blocks that are editor's notes ("(This story has been
// refiled to ...)", "(Corrects headline to ...)"), in the forms the editors-note rule recognises.
func editorsNoteBlocks(d *document.Document) []int {
	var out []int
	for i, b := range d.Blocks {
		if isEditorsNote(d.Slice(b.Span)) {
			out = append(out, i)
		}
	}
	return out
}

func isEditorsNote(text string) bool {
	return strings.HasPrefix(text, "(") && (editorsNoteLong.MatchString(text) || editorsNoteShort.MatchString(text))
}
