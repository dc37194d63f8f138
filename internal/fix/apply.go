package fix

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/rules"
)

// Apply returns src with the edits applied. Edits must be sorted and must not overlap (Select guarantees
// both). New text is written with the file's own line ending, so a CRLF file stays CRLF.
func Apply(src []byte, edits []rules.TextEdit) ([]byte, error) {
	crlf := usesCRLF(src)
	var out bytes.Buffer
	out.Grow(len(src))
	at := 0
	for _, e := range edits {
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) is out of order, overlapping or outside the file", e.Start, e.End)
		}
		out.Write(src[at:e.Start])
		text := e.NewText
		if crlf {
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
		out.WriteString(text)
		at = e.End
	}
	out.Write(src[at:])
	return out.Bytes(), nil
}

// usesCRLF reports whether most of the file's line breaks are CRLF.
func usesCRLF(src []byte) bool {
	lf := bytes.Count(src, []byte("\n"))
	return lf > 0 && bytes.Count(src, []byte("\r\n"))*2 > lf
}
