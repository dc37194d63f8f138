package report

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// TestLineExcerptMatchesWindow checks that reading only the neighbourhood of a span gives the excerpt
// that measuring the whole line gives, for spans near either end and in the middle of a long line.
func TestLineExcerptMatchesWindow(t *testing.T) {
	words := []string{"the ", "“quoted” ", "Zürich ", "—", "a ", "longer-word ", "🎉 "}
	var b strings.Builder
	b.WriteString("Head\n\n")
	for i := 0; b.Len() < 6*lineContext; i++ {
		b.WriteString(words[i%len(words)])
	}
	b.WriteString("\nlast line\n")
	src := []byte(b.String())
	ls, le := 6, strings.IndexByte(b.String()[6:], '\n')+6
	for s := ls; s < le; s += 97 {
		for _, n := range []int{0, 1, 9, 300, 3 * lineContext} {
			for s < le && src[s]&0xC0 == 0x80 {
				s++
			}
			e := min(s+n, le)
			for e < le && src[e]&0xC0 == 0x80 {
				e++
			}
			got := lineExcerpt(src, ls, le, s, e, 90)
			want := window(string(src[ls:le]), s-ls, e-ls, 90)
			if n > 2*lineContext {
				// A span longer than the reading bound is shown from its start and cut either way.
				got.width, want.width = 0, 0
			}
			if got != want {
				t.Fatalf("span [%d,%d):\n got %+v\nwant %+v", s, e, got, want)
			}
		}
	}
}

// TestTextReportOfAHugeLineIsFast renders 200,000 findings on one 800 KB line, which took minutes when
// every excerpt copied and measured the whole line.
func TestTextReportOfAHugeLineIsFast(t *testing.T) {
	src := strings.Repeat("the ", 200000)
	doc := document.ParseText("huge.txt", []byte(src))
	diags := make([]rules.Diagnostic, 0, len(src)/4)
	for off := 0; off < len(src); off += 4 {
		diags = append(diags, rules.Diagnostic{Rule: "r", Severity: rules.Warning, Message: "m", Start: off, End: off + 3})
	}
	f, err := New("text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := f.Format(io.Discard, []Result{{Doc: doc, Diagnostics: diags}}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Fatalf("rendering took %v", took)
	}
}
