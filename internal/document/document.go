// Package document turns a source file (plain text, Markdown or HTML) into the prose a reader sees, split
// into blocks, sentences and tokens, with every byte of that prose mapped back to the original source.
//
// Rules work on Document.Text, a flat string of the visible prose: markup, code, URLs and attributes are
// left out, entities are decoded, line breaks inside a block become single spaces and blocks are separated
// by a blank line. Offsets into Text convert to exact source byte offsets with SourceSpan.
package document

import (
	"sort"
	"sync"
)

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct{ Start, End int }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// BlockKind says what role a block of prose plays in the story.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	BlockQuote
	TableCell
)

// Block is one paragraph-like unit: a paragraph, heading, list item, quoted paragraph or table cell.
type Block struct {
	Kind  BlockKind
	Level int // heading level, 1 for a headline
	Span  Span
	// Sentences are the sentence spans inside the block, in order.
	Sentences []Span
	// Tokens is the range of Document.Tokens that lies inside this block.
	TokenStart, TokenEnd int
}

// Document is a parsed source file.
type Document struct {
	Path   string
	Format Format
	Source []byte

	// Text is the prose a reader sees; see the package comment.
	Text   string
	Blocks []Block
	Tokens []Token
	// Headline is the index in Blocks of the story's headline, or -1 when it has none.
	Headline int
	// Directives are the copydesk comments found in the source, in source order.
	Directives []Directive

	segs  []segment
	lines lineIndex

	memo memo
}

// memo holds analyses computed from a Document (Memo).
type memo struct {
	mu sync.Mutex
	m  map[any]any
}

// Memo returns the value computed by compute for key, calling compute only the first time: analyses
// that several rules need (the people a story names, its quotations) run once per document. The value
// must be treated as read-only. Safe for concurrent use; should two goroutines race, both compute and the
// first value stored is the one every caller gets.
func (d *Document) Memo(key any, compute func() any) any {
	d.memo.mu.Lock()
	v, ok := d.memo.m[key]
	d.memo.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	d.memo.mu.Lock()
	defer d.memo.mu.Unlock()
	if old, ok := d.memo.m[key]; ok {
		return old
	}
	if d.memo.m == nil {
		d.memo.m = map[any]any{}
	}
	d.memo.m[key] = v
	return v
}

// segment maps a run of Text, starting at text, to the source bytes [src, srcEnd). A verbatim segment is
// a byte-for-byte copy; any other (a decoded entity, a collapsed line break, a block separator) maps as a
// whole.
type segment struct {
	text, src, srcEnd int
	verbatim          bool
}

// HeadlineBlock returns the headline block, if the document has one.
func (d *Document) HeadlineBlock() (Block, bool) {
	if d.Headline < 0 {
		return Block{}, false
	}
	return d.Blocks[d.Headline], true
}

// Slice returns the text of a span.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// SourceOffset maps an offset in Text to a byte offset in Source. An end offset (end=true) that falls on a
// segment boundary maps to the end of the segment before it, so a span never grows to take in markup that
// follows it.
func (d *Document) SourceOffset(off int, end bool) int {
	if len(d.segs) == 0 {
		return 0
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].text > off }) - 1
	if i < 0 {
		return d.segs[0].src
	}
	if end && i > 0 && d.segs[i].text == off {
		i--
	}
	s := d.segs[i]
	switch {
	case s.verbatim:
		return min(s.src+off-s.text, s.srcEnd)
	case end && off > s.text:
		return s.srcEnd
	default:
		return s.src
	}
}

// SourceSpan maps a span of Text to the source bytes it came from.
func (d *Document) SourceSpan(s Span) (start, end int) {
	start = d.SourceOffset(s.Start, false)
	end = d.SourceOffset(s.End, true)
	if s.Len() == 0 {
		end = start
	}
	if end < start {
		end = start
	}
	return start, end
}

// IsVerbatim reports whether a span of Text is an exact copy of its source bytes, so that replacing those
// bytes replaces exactly that text and touches no markup.
func (d *Document) IsVerbatim(s Span) bool {
	start, end := d.SourceSpan(s)
	return end-start == s.Len() && string(d.Source[start:end]) == d.Text[s.Start:s.End]
}

// Position converts a source byte offset to a line and column.
func (d *Document) Position(offset int) Position { return d.lines.position(d.Source, offset) }

// Line returns the source line with the given 1-based number, without its line ending.
func (d *Document) Line(n int) string { return d.lines.line(d.Source, n) }

// LineRange returns the byte range of a 1-based source line, without its line ending.
func (d *Document) LineRange(n int) (start, end int) { return d.lines.lineRange(d.Source, n) }

// BlockOf returns the index of the block containing a Text offset, or -1.
func (d *Document) BlockOf(off int) int {
	i := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].Span.End >= off })
	if i < len(d.Blocks) && d.Blocks[i].Span.Start <= off {
		return i
	}
	return -1
}

// Offset converts a 1-based line and character column back to a source byte offset.
func (d *Document) Offset(line, column int) int { return d.lines.offset(d.Source, line, column) }

// Compact returns a copy of d that keeps only what reporting diagnostics needs: the path, format and, when
// keepSource is set, the source bytes and line index (for positions and excerpts). The parsed text,
// blocks, tokens and source map are dropped, so that a run over many files need not hold them all.
func (d *Document) Compact(keepSource bool) *Document {
	c := &Document{Path: d.Path, Format: d.Format, Headline: -1}
	if keepSource {
		c.Source, c.lines = d.Source, d.lines
	} else {
		c.lines = newLineIndex(nil)
	}
	return c
}
