package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// TestSARIFCharOffsets checks the code point offsets of SARIF regions, now read from line starts and
// columns, against counting from the start of the source: with a byte order mark, multi-byte and
// malformed UTF-8, CRLF line ends and lines long enough for the line index's marks.
func TestSARIFCharOffsets(t *testing.T) {
	long := strings.Repeat("naïve café 😀 ", 200) // longer than the line index's mark stride
	for _, src := range []string{
		"",
		"plain\ntext\n",
		"\uFEFFwith a mark\nand é\r\nand 😀\n",
		"\uFEFF",
		"\uFEFFé",
		"bad \xff\xfe bytes\n\xe2\x82 cut\n" + long,
		long + "\n" + long + "\r\n\n\n" + long,
		"\uFEFF" + long,
	} {
		doc := document.ParseText("x.txt", []byte(src))
		c := newCharCounter(doc)
		bom := 0
		if strings.HasPrefix(src, "\uFEFF") {
			bom = 3
		}
		for off := -1; off <= len(src)+1; off++ {
			want := 0
			if o := max(0, min(off, len(src))); o > bom {
				want = utf8.RuneCount([]byte(src[bom:o]))
			}
			if got := c.region(off, off).CharOffset; got != want {
				t.Fatalf("%q: offset %d: charOffset %d, want %d", src[:min(len(src), 40)], off, got, want)
			}
		}
	}
}
