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

// lineIndex holds the byte offset where each source line starts.
type lineIndex struct{ starts []int }

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts}
}

func (x lineIndex) position(src []byte, offset int) Position {
	offset = max(0, min(offset, len(src)))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	col, col16 := 1, 1
	from := x.starts[line]
	if line == 0 && offset >= 3 && len(src) >= 3 && string(src[:3]) == "\xEF\xBB\xBF" {
		from = 3 // a byte order mark is invisible: no editor counts it as a column
	}
	for _, r := range string(src[from:offset]) {
		col++
		col16++
		if r >= 0x10000 && r != utf8.RuneError {
			col16++
		}
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
	if line == 1 && len(src) >= 3 && string(src[:3]) == "\xEF\xBB\xBF" {
		start = 3
	}
	off := start
	for col := 1; col < column && off < end; col++ {
		_, size := utf8.DecodeRune(src[off:end])
		off += size
	}
	return off
}
