package document

import (
	"html"
	"os"
	"strings"
	"testing"
)

// benchSources returns the 1,100-word bench story as plain text, and the same story as Markdown (headline
// as a heading, a list, emphasis) and as HTML (a page with a title, paragraphs and chrome), so the three
// parsers are timed on the same prose.
func benchSources(b *testing.B) map[Format][]byte {
	b.Helper()
	src, err := os.ReadFile("../../testdata/bench/story-1000.txt")
	if err != nil {
		b.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(src)), "\n\n")
	var md, h strings.Builder
	md.WriteString("# " + paras[0] + "\n\n")
	h.WriteString("<!DOCTYPE html><html><head><title>" + html.EscapeString(paras[0]) + "</title>" +
		"<script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><article>\n")
	for i, p := range paras[1:] {
		switch i % 7 {
		case 3:
			md.WriteString("- " + p + "\n\n")
		case 5:
			md.WriteString("> " + p + "\n\n")
		default:
			md.WriteString(strings.Replace(p, " the ", " *the* ", 1) + "\n\n")
		}
		h.WriteString("<p>" + strings.Replace(html.EscapeString(p), " the ", " <em>the</em> ", 1) + "</p>\n")
	}
	h.WriteString("</article><footer>&copy; 2024</footer></body></html>\n")
	return map[Format][]byte{Text: src, Markdown: []byte(md.String()), HTML: []byte(h.String())}
}

// BenchmarkParse times each parser, tokens and sentences included, on the same story.
func BenchmarkParse(b *testing.B) {
	srcs := benchSources(b)
	for _, f := range []Format{Text, Markdown, HTML} {
		src := srcs[f]
		b.Run(f.String(), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for range b.N {
				Parse("story", f, src)
			}
		})
	}
}

// BenchmarkPosition times turning source offsets into line and column, as every reported finding does.
func BenchmarkPosition(b *testing.B) {
	src := benchSources(b)[Text]
	doc := Parse("story", Text, src)
	b.ReportAllocs()
	for i := range b.N {
		doc.Position(i * 7919 % len(src))
	}
}
