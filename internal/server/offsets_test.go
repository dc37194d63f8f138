package server

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

const documentHTML = document.HTML

// reference counts the units of s[:b] the slow, obvious way.
func reference(s string, b int, u Unit) int {
	switch u {
	case UTF8:
		return b
	case Codepoint:
		return utf8.RuneCountInString(s[:b])
	}
	return len(utf16.Encode([]rune(s[:b])))
}

func TestParseUnit(t *testing.T) {
	for name, want := range map[string]Unit{
		"": UTF16, "utf-16": UTF16, "UTF16": UTF16, "utf-8": UTF8, "utf8": UTF8, "bytes": UTF8,
		"codepoint": Codepoint, "codepoints": Codepoint, "rune": Codepoint,
	} {
		if got, err := ParseUnit(name); err != nil || got != want {
			t.Errorf("ParseUnit(%q) = %v, %v", name, got, err)
		}
	}
	for _, name := range []string{"utf-32", "chars", "ucs2"} {
		if _, err := ParseUnit(name); err == nil {
			t.Errorf("ParseUnit(%q) did not fail", name)
		}
	}
}

func TestIndexKnownStrings(t *testing.T) {
	s := "a🎉“b”\né"
	x := NewIndex(s)
	// byte:    a=0 🎉=1..4 “=5..7 b=8 ”=9..11 \n=12 é=13..14, len 15
	for _, c := range []struct{ b, u16, u8, cp int }{
		{0, 0, 0, 0}, {1, 1, 1, 1}, {5, 3, 5, 2}, {8, 4, 8, 3}, {9, 5, 9, 4}, {12, 6, 12, 5}, {13, 7, 13, 6}, {15, 8, 15, 7},
	} {
		if got := x.Offset(c.b, UTF16); got != c.u16 {
			t.Errorf("UTF-16 offset of byte %d = %d, want %d", c.b, got, c.u16)
		}
		if got := x.Offset(c.b, UTF8); got != c.u8 {
			t.Errorf("UTF-8 offset of byte %d = %d, want %d", c.b, got, c.u8)
		}
		if got := x.Offset(c.b, Codepoint); got != c.cp {
			t.Errorf("code point offset of byte %d = %d, want %d", c.b, got, c.cp)
		}
	}
	// Inside a character: moved to its start. Outside the string: clamped.
	if got := x.Offset(3, UTF16); got != 1 {
		t.Errorf("offset inside 🎉: %d", got)
	}
	if got := x.Offset(-4, UTF16); got != 0 {
		t.Errorf("negative offset: %d", got)
	}
	if got := x.Offset(99, UTF16); got != 8 {
		t.Errorf("offset past the end: %d", got)
	}
	if l, c := x.Position(15, UTF16); l != 2 || c != 2 {
		t.Errorf("position at end: %d:%d", l, c)
	}
	if l, c := x.Position(12, UTF16); l != 1 || c != 7 {
		t.Errorf("position of the newline: %d:%d", l, c)
	}
	if l, c := x.Position(8, Codepoint); l != 1 || c != 4 {
		t.Errorf("code point position of b: %d:%d", l, c)
	}
}

func TestIndexASCII(t *testing.T) {
	s := strings.Repeat("plain ascii copy\n", 100)
	x := NewIndex(s)
	if len(x.wide) != 0 || len(x.lines) != 101 {
		t.Fatalf("ASCII index holds %d wide characters and %d lines", len(x.wide), len(x.lines))
	}
	for _, u := range []Unit{UTF16, UTF8, Codepoint} {
		if got := x.Offset(1000, u); got != 1000 {
			t.Errorf("%v: %d", u, got)
		}
	}
	if l, c := x.Position(17*3+4, UTF16); l != 4 || c != 5 {
		t.Errorf("position %d:%d", l, c)
	}
	if l, c := NewIndex("").Position(0, UTF16); l != 1 || c != 1 {
		t.Errorf("empty string position %d:%d", l, c)
	}
}

// TestIndexMatchesReference compares every offset of random mixed-script strings with the slow count.
func TestIndexMatchesReference(t *testing.T) {
	pieces := []string{"a", "The ", " ", "\n", "é", "“", "”", "—", "🎉", "👩‍👩‍👧", "中文", "\r\n", "ß", "\U0010FFFF"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		x := NewIndex(s)
		lastRune, line, lineStart := 0, 1, 0
		for i := 0; i <= len(s); i++ {
			boundary := i == len(s) || utf8.RuneStart(s[i])
			if boundary {
				lastRune = i
			}
			for _, u := range []Unit{UTF16, UTF8, Codepoint} {
				want := reference(s, lastRune, u)
				if u == UTF8 {
					want = i
				}
				if got := x.Offset(i, u); got != want {
					t.Fatalf("%q: %v offset of byte %d = %d, want %d", s, u, i, got, want)
				}
				if boundary {
					l, c := x.Position(i, u)
					if l != line || c != reference(s, i, u)-reference(s, lineStart, u)+1 {
						t.Fatalf("%q: %v position of byte %d = %d:%d, want line %d", s, u, i, l, c, line)
					}
				}
			}
			if i < len(s) && s[i] == '\n' {
				line, lineStart = line+1, i+1
			}
		}
	}
}

func TestIndexInvalidUTF8(t *testing.T) {
	s := "a\xffb🎉"
	x := NewIndex(s)
	if got := x.Offset(3, UTF16); got != 3 {
		t.Errorf("invalid byte counts as one unit: %d", got)
	}
	if got := x.Offset(len(s), UTF16); got != 5 {
		t.Errorf("end: %d", got)
	}
}

func BenchmarkIndex(b *testing.B) {
	s := strings.Repeat("Ministers met on “Monday” 🎉 and the talks were useful. ", 2000)
	b.ReportAllocs()
	for b.Loop() {
		x := NewIndex(s)
		for off := 0; off < len(s); off += 997 {
			_ = x.Offset(off, UTF16)
			_, _ = x.Position(off, UTF16)
		}
	}
}
