package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestDumpPeople(t *testing.T) {
	src, _ := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	d := document.ParseText("x", src)
	for _, m := range findPeople(d) {
		var b strings.Builder
		fmt.Fprintf(&b, "%q name=%q names=%v", d.Slice(m.Span), d.Slice(m.Name), m.names)
		if m.Title != nil {
			fmt.Fprintf(&b, " title=%q core=%q country=%q mod=%q head=%s q=%v", d.Slice(m.Title.Span), d.Slice(m.Title.Core), d.Slice(m.Title.Country), d.Slice(m.Title.Modifier), m.Title.Head, m.Title.Qualifiers)
		}
		if m.Desc.Len() > 0 {
			fmt.Fprintf(&b, " desc=%q def=%v", d.Slice(m.Desc), m.Definite)
		}
		t.Log(b.String())
	}
}
