package report

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// widthCond measures display columns. It follows the locale (East Asian ambiguous width) because the
// terminal showing the output does too; tests pin it so golden files do not depend on the machine.
var widthCond = runewidth.DefaultCondition

// width is the display width of s. Lines of news copy are ASCII with curly quotes and dashes: those it
// adds up itself, because go-runewidth builds a 1 MB table, a millisecond of a fresh process, the first
// time it meets any character above U+02FF. Anything else goes to go-runewidth.
func width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7F {
				w++
			} else if c == '\r' {
				return widthCond.StringWidth(s) // joins a cluster with a following '\n'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x300 && r != utf8.RuneError:
			w += widthCond.RuneWidth(r) // go-runewidth's table below U+0300 is built at start-up
		case newsPunct(r) && !widthCond.EastAsianWidth:
			w++
		default:
			return widthCond.StringWidth(s)
		}
		i += n
	}
	return w
}

// runeWidth is the display width of r, by the same shortcuts as width.
func runeWidth(r rune) int {
	if newsPunct(r) && !widthCond.EastAsianWidth {
		return 1
	}
	return widthCond.RuneWidth(r)
}

// newsPunct reports the punctuation of news copy above U+02FF: one column wide, except where East Asian
// ambiguous characters are two.
func newsPunct(r rune) bool {
	switch r {
	case '‘', '’', '“', '”', '–', '—', '…', '•', '′', '″', '€':
		return true
	}
	return false
}

const (
	// maxWidth is the display width a rendered line should fit in, indentation and gutter included.
	maxWidth = 100
	// cutPrefix and cutSuffix mark where an excerpt was cut out of a longer line.
	cutPrefix = "... "
	cutSuffix = " ..."
	// minContext is how much of the line before a span too long to fit stays visible.
	minContext = 12
)

// sanitize makes a source line safe to print without moving any byte offset, so spans still index it:
// control characters (a tab's width depends on the terminal, so the caret could not line up; others
// could drive the terminal) become spaces and bytes that are not UTF-8 become '?'.
func sanitize(s string) string {
	var b []byte // copied on the first change
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var c byte
		switch {
		case r == utf8.RuneError && n == 1:
			c = '?'
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			c = ' '
		default:
			i += n
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for j := i; j < i+n; j++ {
			b[j] = c
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// excerpt is a source line cut to fit the screen, and where the span sits in it.
type excerpt struct {
	text  string
	col   int // display columns before the span
	width int // display columns of the span, at least 1 so an empty span still gets a caret
}

// window cuts line around the byte range [s, e) to fit budget display columns, on word boundaries where
// it can, and marks each cut with "...". The context is shared between both sides, and a side that runs
// out of line gives the rest to the other. A span too long to fit is shown from its start and cut.
func window(line string, s, e, budget int) excerpt {
	line = sanitize(line)
	s = max(0, min(s, len(line)))
	e = max(s, min(e, len(line)))
	for s > 0 && s < len(line) && !utf8.RuneStart(line[s]) {
		s--
	}
	for e < len(line) && !utf8.RuneStart(line[e]) {
		e++
	}
	l, r := 0, len(line)
	if width(line) > budget {
		room := budget - len(cutPrefix) - len(cutSuffix)
		spanW := width(line[s:e])
		if spanW+minContext > room {
			l = cutLeft(line, s, minContext)
			e = cutRight(line, s, room-width(line[l:s]), false)
			r = e
		} else {
			avail := room - spanW
			// The right side takes whatever the left leaves, so only a short right side moves room leftwards.
			lw, rw := avail/2, avail-avail/2
			if right := width(line[e:]); right < rw {
				lw += rw - right
			}
			l = cutLeft(line, s, lw)
			r = cutRight(line, e, room-spanW-width(line[l:s]), true)
		}
	}
	pre, post := "", ""
	if l > 0 {
		pre = cutPrefix
	}
	if r < len(line) {
		post = cutSuffix
	}
	return excerpt{
		text:  pre + line[l:r] + post,
		col:   width(pre + line[l:s]),
		width: max(1, width(line[s:e])),
	}
}

// cutLeft returns where to start showing line so that at most w columns come before byte s: at a word
// start when there is one in reach, else mid-word.
func cutLeft(line string, s, w int) int {
	l := s
	for l > 0 {
		r, n := utf8.DecodeLastRuneInString(line[:l])
		if w -= runeWidth(r); w < 0 {
			break
		}
		l -= n
	}
	if l > 0 && line[l-1] != ' ' {
		if i := strings.IndexByte(line[l:s], ' '); i >= 0 {
			l += i + 1
		}
	}
	for l < s && line[l] == ' ' {
		l++
	}
	return l
}

// cutRight returns where to stop showing line so that at most w columns follow byte e; with words set,
// at a word end when there is one in reach.
func cutRight(line string, e, w int, words bool) int {
	r := e
	for r < len(line) {
		c, n := utf8.DecodeRuneInString(line[r:])
		if w -= runeWidth(c); w < 0 {
			break
		}
		r += n
	}
	if !words {
		return r
	}
	if r < len(line) && line[r] != ' ' {
		if i := strings.LastIndexByte(line[e:r], ' '); i >= 0 {
			r = e + i
		}
	}
	for r > e && line[r-1] == ' ' {
		r--
	}
	return r
}

// fitWidth cuts s at the end to budget display columns, marking the cut.
func fitWidth(s string, budget int) string {
	return widthCond.Truncate(s, budget, strings.TrimSpace(cutSuffix))
}
