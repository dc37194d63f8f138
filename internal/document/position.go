package document

import (
	"sort"
	"unicode/utf8"
)

// Position is a place in the source file, in every unit a consumer may count in.
type Position struct {
	Offset int // byte offset, 0-based
	Line   int // 1-based
	// Column is 1-based and counts Unicode code points (characters), as a person reads them.
	Column int
	// ColumnUTF16 is 1-based and counts UTF-16 code units, as browsers, LSP and JVM clients do.
	ColumnUTF16 int
	// ColumnByte is 1-based and counts bytes, as reviewdog and Go tools do.
	ColumnByte int
}

// lineIndex holds the byte offset where each source line starts, and column marks inside long lines.
type lineIndex struct {
	starts []int
	// marks are points about every markStride bytes inside lines longer than that, with their columns,
	// so that converting an offset to a column (or back) reads at most markStride bytes of the line rather
	// than all of it before the offset: without them, reporting the many findings of a one-line
	// megabyte file took time quadratic in its length (minutes).
	marks []mark
}

// mark is a rune boundary in a long line and its 1-based columns, counted as position counts them.
type mark struct{ off, col, col16 int }

const markStride = 1024

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	var marks []mark
	for i, c := range src {
		if c == '\n' {
			if i-starts[len(starts)-1] > markStride {
				marks = appendMarks(marks, src, starts[len(starts)-1], i)
			}
			starts = append(starts, i+1)
		}
	}
	if last := starts[len(starts)-1]; len(src)-last > markStride {
		marks = appendMarks(marks, src, last, len(src))
	}
	return lineIndex{starts: starts, marks: marks}
}

// appendMarks adds the marks of the line src[start:end].
func appendMarks(marks []mark, src []byte, start, end int) []mark {
	if start == 0 && string(src[:3]) == "\xEF\xBB\xBF" {
		start = 3 // as position: the byte order mark is not a column
	}
	col, col16 := 1, 1
	next := start + markStride
	for i := start; i < end; {
		if i >= next {
			marks = append(marks, mark{i, col, col16})
			next = i + markStride
		}
		col++
		col16++
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:end])
		if r >= 0x10000 && r != utf8.RuneError {
			col16++
		}
		i += n
	}
	return marks
}

// markAt returns the last mark at or before offset that lies after from, if there is one.
func (x lineIndex) markAt(from, offset int) (mark, bool) {
	i := sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off > offset }) - 1
	if i >= 0 && x.marks[i].off > from {
		return x.marks[i], true
	}
	return mark{}, false
}

func (x lineIndex) position(src []byte, offset int) Position {
	offset = max(0, min(offset, len(src)))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	col, col16 := 1, 1
	from := x.starts[line]
	if line == 0 && offset >= 3 && len(src) >= 3 && string(src[:3]) == "\xEF\xBB\xBF" {
		from = 3 // a byte order mark is invisible: no editor counts it as a column
	}
	if m, ok := x.markAt(from, offset); ok {
		from, col, col16 = m.off, m.col, m.col16
	}
	for i := from; i < offset; {
		if src[i] < utf8.RuneSelf {
			col++
			col16++
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:offset])
		col++
		col16++
		if r >= 0x10000 && r != utf8.RuneError {
			col16++
		}
		i += n
	}
	return Position{Offset: offset, Line: line + 1, Column: col, ColumnUTF16: col16, ColumnByte: offset - x.starts[line] + 1}
}

func (x lineIndex) lineRange(src []byte, n int) (start, end int) {
	if n < 1 || n > len(x.starts) {
		return len(src), len(src)
	}
	start = x.starts[n-1]
	end = len(src)
	if n < len(x.starts) {
		end = x.starts[n] - 1 // drop the '\n'
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	return start, end
}

func (x lineIndex) line(src []byte, n int) string {
	start, end := x.lineRange(src, n)
	return string(src[start:end])
}

// offset is the inverse of position: the byte offset of a 1-based line and character column, clamped to
// the line.
func (x lineIndex) offset(src []byte, line, column int) int {
	start, end := x.lineRange(src, line)
	if line == len(x.starts) {
		end = len(src) // a '\r' that ends the file ends no line: the offset after it is the file's end
	}
	if line == 1 && len(src) >= 3 && string(src[:3]) == "\xEF\xBB\xBF" {
		start = 3
	}
	off, col := start, 1
	// Start from the last mark of the line at or before the column.
	lo := sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off > start })
	hi := sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off > end })
	if j := lo + sort.Search(hi-lo, func(k int) bool { return x.marks[lo+k].col > column }) - 1; j >= lo {
		off, col = x.marks[j].off, x.marks[j].col
	}
	for ; col < column && off < end; col++ {
		_, size := utf8.DecodeRune(src[off:end])
		off += size
	}
	return off
}

// Lines converts byte offsets of any text to positions, for callers that locate offsets in a part of a
// document (a title or body sent as a separate field) rather than in a whole source file.
type Lines struct {
	src   []byte
	index lineIndex
}

// NewLines indexes src's line starts once; each Position is then a binary search.
func NewLines(src []byte) Lines { return Lines{src: src, index: newLineIndex(src)} }

// Position converts a byte offset of the text to a line and column, as Document.Position does.
func (l Lines) Position(offset int) Position { return l.index.position(l.src, offset) }
