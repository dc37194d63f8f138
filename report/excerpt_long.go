package report

import (
	"strings"
	"unicode/utf8"
)

// lineContext bounds how many bytes of a line on each side of a span an excerpt looks at: far more than
// fit on a screen, and a long line is no longer copied and measured whole for each of its diagnostics,
// which made the text report of a one-line megabyte file with many findings take minutes.
const lineContext = 8 * maxWidth

// lineExcerpt is window over the source line src[ls:le] for the span [s, e) (source offsets), reading
// at most lineContext bytes on either side of the span's start and end.
func lineExcerpt(src []byte, ls, le, s, e, budget int) excerpt {
	s = max(ls, min(s, le))
	e = max(s, min(e, le, s+2*lineContext))
	lo, hi := max(ls, s-lineContext), min(le, e+lineContext)
	for lo > ls && lo < s && !utf8.RuneStart(src[lo]) {
		lo++
	}
	for hi < le && hi > e && !utf8.RuneStart(src[hi]) {
		hi--
	}
	x := window(string(src[lo:hi]), s-lo, e-lo, budget)
	// Mark a cut that window could not see, as it marks its own.
	if lo > ls && !strings.HasPrefix(x.text, cutPrefix) {
		x.text = cutPrefix + x.text
		x.col += len(cutPrefix)
	}
	if hi < le && !strings.HasSuffix(x.text, cutSuffix) {
		x.text += cutSuffix
	}
	return x
}
