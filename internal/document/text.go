package document

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// headlineMaxWords bounds the first line of a plain-text story that is taken for its headline.
const headlineMaxWords = 25

// ParseText reads a plain-text story: blocks are separated by blank lines, and line breaks inside a block
// are soft. The first block is the headline when it is a single short line that does not end like a
// sentence.
func ParseText(path string, src []byte) *Document {
	b := newBuilder(src)
	i := skipBOM(src)
	blockStart, lines, firstBlockLines := -1, 0, 0
	for i <= len(src) {
		lineEnd := bytes.IndexByte(src[i:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += i
		}
		if isBlank(src[i:lineEnd]) {
			if blockStart >= 0 {
				if len(b.blocks) == 0 {
					firstBlockLines = lines
				}
				b.endBlock(Paragraph, 0)
				blockStart = -1
			}
		} else {
			if blockStart < 0 {
				blockStart, lines = i, 0
			}
			lines++
			b.visible(i, min(lineEnd+1, len(src)))
		}
		i = lineEnd + 1
	}
	b.endBlock(Paragraph, 0)
	headline := -1
	if len(b.blocks) > 1 && firstBlockLines == 1 && looksLikeHeadline(b.text.String()[b.blocks[0].Span.Start:b.blocks[0].Span.End]) {
		b.blocks[0].Kind, b.blocks[0].Level = Heading, 1
		headline = 0
	}
	return b.document(path, Text, headline)
}

func looksLikeHeadline(text string) bool {
	last, _ := utf8.DecodeLastRuneInString(text)
	return len(strings.Fields(text)) <= headlineMaxWords && last != '.'
}

func isBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

// skipBOM returns the length of a UTF-8 byte order mark at the start of src.
func skipBOM(src []byte) int {
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		return 3
	}
	return 0
}
