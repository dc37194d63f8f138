package rules

import (
	"bytes"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// deleteBlockFix deletes block bi from the source. When the block has its source lines to itself (plain
// text and most Markdown), the whole lines go together with the blank lines before them, so no double
// blank line is left and any list or quote marker goes too; the line break that ends the previous block's
// line is kept, so an edit inside that block never overlaps this one. Otherwise only the block's own
// source bytes are deleted. safe says whether the block is never copy, so a person need not read the fix.
func deleteBlockFix(p *Pass, bi int, message string, safe bool) Fix {
	d := p.Doc
	src := d.Source
	start, end := d.SourceSpan(d.Blocks[bi].Span)
	fix := func(s, e int) Fix {
		return Fix{Message: message, Safe: safe, Edits: []TextEdit{{Start: s, End: e}}}
	}
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	lineEnd := len(src)
	if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
		lineEnd = end + i
	}
	prevEnd, nextStart := 0, len(src)
	if bi > 0 {
		_, prevEnd = d.SourceSpan(d.Blocks[bi-1].Span)
	}
	if bi+1 < len(d.Blocks) {
		nextStart, _ = d.SourceSpan(d.Blocks[bi+1].Span)
	}
	if prevEnd > lineStart || nextStart < lineEnd ||
		!isBlankBytes(src[lineStart:start]) && !isListOrQuoteMarker(src[lineStart:start]) {
		return fix(start, end)
	}
	if bi > 0 {
		// From the line break after the previous block to the end of this block's last line.
		if brk := bytes.IndexByte(src[prevEnd:lineStart], '\n'); brk >= 0 && isBlankBytes(src[prevEnd+brk:lineStart]) {
			// A CRLF goes whole: the one after the previous block is deleted and this line's own is kept,
			// so no lone '\r' is left behind (when the block is the last line of the file) and no edit
			// ends between the two bytes of a line break.
			s, e := prevEnd+brk, lineEnd
			if s > prevEnd && src[s-1] == '\r' {
				s--
			}
			if e < len(src) && e > start && src[e-1] == '\r' {
				e--
			}
			return fix(s, e)
		}
	}
	// The first block, or one after markup lines: its lines and the blank lines up to the next block.
	next := len(src)
	if bi+1 < len(d.Blocks) {
		next = bytes.LastIndexByte(src[:nextStart], '\n') + 1
	}
	if next < lineEnd || !isBlankBytes(src[lineEnd:next]) {
		next = min(lineEnd+1, len(src))
	}
	return fix(lineStart, next)
}

// deletePhraseFix deletes the prose of span from block bi together with the white space that separates it
// from the rest of the block (before it, or after it when the phrase opens the block).
func deletePhraseFix(p *Pass, bi int, span document.Span, message string, safe bool) Fix {
	text := p.Doc.Text
	block := p.Doc.Blocks[bi].Span
	del := span
	for del.Start > block.Start && text[del.Start-1] == ' ' {
		del.Start--
	}
	if del.Start == block.Start {
		for del.End < block.End && text[del.End] == ' ' {
			del.End++
		}
	}
	return p.ReplaceFix(del, "", message, safe)
}

func isBlankBytes(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// isListOrQuoteMarker reports whether the source before a block's text on its line is only Markdown
// markup that belongs to the block ("- ", "1. ", "> ").
func isListOrQuoteMarker(b []byte) bool {
	s := strings.TrimSpace(string(b))
	s = strings.TrimLeft(s, ">-*+ \t")
	s = strings.TrimRight(strings.TrimLeft(s, "0123456789"), ".) \t")
	return s == ""
}
