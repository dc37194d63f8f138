package server

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Unit is what an offset or column counts. The engine locates everything by byte; API clients count in
// the unit of their own strings: UTF-16 code units in browsers, ProseMirror, Typerighter and LanguageTool;
// code points in Python; bytes in Go and Rust.
type Unit int

// The units an offset can be given in.
const (
	UTF16 Unit = iota
	UTF8
	Codepoint
)

var unitNames = map[Unit]string{UTF16: "utf-16", UTF8: "utf-8", Codepoint: "codepoint"}

func (u Unit) String() string { return unitNames[u] }

// ParseUnit reads the "offsets" field of a request; "" is UTF-16.
func ParseUnit(name string) (Unit, error) {
	switch strings.ToLower(name) {
	case "", "utf-16", "utf16":
		return UTF16, nil
	case "utf-8", "utf8", "byte", "bytes":
		return UTF8, nil
	case "codepoint", "codepoints", "code-point", "rune", "runes":
		return Codepoint, nil
	}
	return UTF16, fmt.Errorf("unknown offsets unit %q (want utf-16, utf-8 or codepoint)", name)
}

// Index converts byte offsets in one string to offsets and line/column positions in any Unit. It is built
// once per string in O(n) and answers each query in O(log n): it records only where lines start and where
// the multi-byte characters are, so for ASCII text (most copy) it is two small slices and a lookup.
type Index struct {
	n     int
	lines []int  // byte offset where each line starts; lines[0] == 0
	wide  []wide // every character longer than one byte, in order
}

// wide is one multi-byte character, with how many units the characters up to and including it save
// against counting bytes.
type wide struct {
	start, end int
	save16     int // cumulative bytes minus UTF-16 code units
	saveCP     int // cumulative bytes minus code points
}

// NewIndex indexes s. Bytes that are not valid UTF-8 count as one unit each, as U+FFFD would.
func NewIndex(s string) *Index {
	x := &Index{n: len(s), lines: []int{0}}
	save16, saveCP := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				x.lines = append(x.lines, i+1)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 {
			units16 := 1
			if r >= 0x10000 {
				units16 = 2 // a surrogate pair
			}
			save16 += size - units16
			saveCP += size - 1
			x.wide = append(x.wide, wide{start: i, end: i + size, save16: save16, saveCP: saveCP})
		}
		i += size
	}
	return x
}

// Offset converts a byte offset to the unit. An offset past either end is clamped to the string, and one
// inside a multi-byte character is moved to the start of that character (UTF-8 offsets are left as bytes).
func (x *Index) Offset(b int, u Unit) int {
	b = max(0, min(b, x.n))
	if u == UTF8 || len(x.wide) == 0 {
		return b
	}
	// i is the first wide character that does not end at or before b.
	i := sort.Search(len(x.wide), func(i int) bool { return x.wide[i].end > b })
	if i < len(x.wide) && x.wide[i].start < b {
		b = x.wide[i].start
	}
	if i == 0 {
		return b
	}
	if u == Codepoint {
		return b - x.wide[i-1].saveCP
	}
	return b - x.wide[i-1].save16
}

// Position converts a byte offset to a 1-based line and a 1-based column counted in the unit.
func (x *Index) Position(b int, u Unit) (line, column int) {
	b = max(0, min(b, x.n))
	l := sort.Search(len(x.lines), func(i int) bool { return x.lines[i] > b }) - 1
	return l + 1, x.Offset(b, u) - x.Offset(x.lines[l], u) + 1
}
