package document

import (
	"strings"
	"unicode/utf8"
)

// blockSeparator stands between blocks in Document.Text, so that no phrase or sentence runs from one
// block into the next.
const blockSeparator = "\n\n"

// builder accumulates the prose of a document while a parser walks the source. Parsers only say which
// source bytes are visible and where blocks end; the builder keeps the offset map, folds line breaks into
// spaces and drops leading and trailing white space of each block.
type builder struct {
	src        []byte
	text       strings.Builder
	segs       []segment
	blocks     []Block
	blockStart int  // Text offset where the open block starts
	spacePend  bool // a white-space run waits to be written before the next visible text
	spaceStart int  // source range of that white-space run
	spaceEnd   int
	lastSrcEnd int // source end of the last written text, for the block separator
	directives []Directive
}

func newBuilder(src []byte) *builder {
	b := &builder{src: src}
	b.text.Grow(len(src) + len(src)/8) // the text is about the source's size
	return b
}

func (b *builder) push(s string, src, srcEnd int, verbatim bool) {
	if s == "" {
		return
	}
	b.segment(src, srcEnd, verbatim)
	b.text.WriteString(s)
}

// pushSource is push of the source bytes src:srcEnd, verbatim, without converting them to a string first.
func (b *builder) pushSource(src, srcEnd int) {
	if src == srcEnd {
		return
	}
	b.segment(src, srcEnd, true)
	b.text.Write(b.src[src:srcEnd])
}

// segment records that the text about to be written comes from source src:srcEnd.
func (b *builder) segment(src, srcEnd int, verbatim bool) {
	n := len(b.segs)
	at := b.text.Len()
	// Extend the previous verbatim segment when the new text continues it in the source.
	if verbatim && n > 0 && b.segs[n-1].verbatim && b.segs[n-1].srcEnd == src {
		b.segs[n-1].srcEnd = srcEnd
	} else {
		b.segs = append(b.segs, segment{text: at, src: src, srcEnd: srcEnd, verbatim: verbatim})
	}
	b.lastSrcEnd = srcEnd
}

// flushSpace writes a pending white-space run as one space, unless the block has no text yet.
func (b *builder) flushSpace() {
	if !b.spacePend {
		return
	}
	b.spacePend = false
	if b.text.Len() > b.blockStart {
		b.push(" ", b.spaceStart, b.spaceEnd, b.spaceEnd-b.spaceStart == 1 && b.src[b.spaceStart] == ' ')
	}
}

// space records white space at source [start, end); runs collapse into one space.
func (b *builder) space(start, end int) {
	if !b.spacePend {
		b.spacePend = true
		b.spaceStart = start
	}
	b.spaceEnd = end
}

// visible adds the source bytes [start, end) as prose. Each white-space run becomes a single space.
func (b *builder) visible(start, end int) {
	i := start
	for i < end {
		c := b.src[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			j := i
			for j < end && (b.src[j] == ' ' || b.src[j] == '\t' || b.src[j] == '\n' || b.src[j] == '\r' || b.src[j] == '\f') {
				j++
			}
			b.space(i, j)
			i = j
			continue
		}
		// A run of words with single spaces between them is copied as it is: each of those spaces would
		// become a space anyway, and the source map keeps one verbatim segment for it all.
		j := i
		for j < end {
			if !isSpaceByte(b.src[j]) || b.src[j] == ' ' && j+1 < end && !isSpaceByte(b.src[j+1]) {
				j++
				continue
			}
			break
		}
		b.flushSpace()
		b.pushSource(i, j)
		i = j
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// replaced adds prose s that stands for the source bytes [start, end), such as a decoded entity.
func (b *builder) replaced(s string, start, end int) {
	if strings.TrimSpace(s) == "" {
		b.space(start, end)
		return
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	b.flushSpace()
	b.push(s, start, end, false)
}

// endBlock closes the open block, if it holds any text.
func (b *builder) endBlock(kind BlockKind, level int) {
	b.spacePend = false
	if b.text.Len() == b.blockStart {
		return
	}
	b.blocks = append(b.blocks, Block{Kind: kind, Level: level, Span: Span{b.blockStart, b.text.Len()}})
	b.push(blockSeparator, b.lastSrcEnd, b.lastSrcEnd, false)
	b.blockStart = b.text.Len()
}

// document finishes the build: it tokenizes and splits sentences, and picks the headline.
func (b *builder) document(path string, f Format, headline int) *Document {
	d := &Document{
		Path: path, Format: f, Source: b.src,
		Text: b.text.String(), Blocks: b.blocks, Headline: headline,
		Directives: b.directives,
		segs:       b.segs, lines: newLineIndex(b.src),
	}
	if len(d.segs) == 0 {
		d.segs = []segment{{verbatim: true}}
	}
	d.Tokens = tokenize(d.Text)
	d.indexBlocks()
	return d
}
