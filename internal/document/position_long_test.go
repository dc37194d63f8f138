package document

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestLongLinePositionsMatchAFullScan checks that the column marks of long lines change no answer:
// every offset's position, and every line and column's offset, is what scanning the line from its
// start gives, with multi-byte and astral characters, invalid bytes, a byte order mark and CRLF.
func TestLongLinePositionsMatchAFullScan(t *testing.T) {
	pieces := []string{"a", "the ", "é", "“", "🎉", "\xff", "\xe2\x80", "\r", "\t", "\u00a0"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, prefix := range []string{"", "\xEF\xBB\xBF", "short\r\n"} {
		var b strings.Builder
		b.WriteString(prefix)
		for line := 0; line < 3; line++ {
			for b.Len() < (line+1)*3*markStride {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			b.WriteString("\r\n")
		}
		b.WriteString(strings.Repeat("x🎉", markStride)) // last line, no line ending
		src := []byte(b.String())
		x := newLineIndex(src)
		if len(x.marks) == 0 {
			t.Fatal("no marks in long lines")
		}
		scan := lineIndex{starts: x.starts} // no marks: scans every line from its start
		for off := 0; off <= len(src); off++ {
			if got, want := x.position(src, off), scan.position(src, off); got != want {
				t.Fatalf("prefix %q: position(%d) = %+v, want %+v", prefix, off, got, want)
			}
		}
		for line := 1; line <= len(x.starts); line++ {
			start, end := x.lineRange(src, line)
			for col := 0; col <= end-start+2; col++ {
				if got, want := x.offset(src, line, col), scan.offset(src, line, col); got != want {
					t.Fatalf("prefix %q: offset(%d, %d) = %d, want %d", prefix, line, col, got, want)
				}
			}
		}
	}
}

// TestPositionsOfAHugeLineAreFast converts every word of a one-line 800 KB file to a position and back,
// which took minutes when each conversion scanned the line from its start.
func TestPositionsOfAHugeLineAreFast(t *testing.T) {
	src := []byte(strings.Repeat("the ", 200000))
	d := ParseText("huge.txt", src)
	start := time.Now()
	for off := 0; off < len(src); off += 4 {
		p := d.Position(off)
		if back := d.Offset(p.Line, p.Column); back != off {
			t.Fatalf("offset %d -> %d:%d -> %d", off, p.Line, p.Column, back)
		}
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("200,000 conversions took %v", took)
	}
}

// TestEndOfFileAfterALoneCR: a '\r' that ends the file is a character of the last line, so the end of
// the file converts to a line and column and back (a fuzzer found it mapped to the offset before the
// '\r').
func TestEndOfFileAfterALoneCR(t *testing.T) {
	for _, src := range []string{"unlimited t!\r", "a\r\nb\r", "\r"} {
		d := ParseText("t.txt", []byte(src))
		p := d.Position(len(src))
		if back := d.Offset(p.Line, p.Column); back != len(src) {
			t.Errorf("%q: end -> %d:%d -> %d", src, p.Line, p.Column, back)
		}
	}
}
