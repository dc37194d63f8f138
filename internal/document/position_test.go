package document

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// decodeSource is an independent decoder for checking token spans: it turns the source bytes of a span
// back into the text a reader sees.
func decodeSource(f Format, s string) string {
	switch f {
	case HTML:
		return html.UnescapeString(s)
	case Markdown:
		var sb strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
				i++
			}
			sb.WriteByte(s[i])
		}
		return html.UnescapeString(sb.String())
	}
	return s
}

// checkTokenSources asserts that every token's source span decodes to the token's text, and that
// verbatim tokens are exact copies of their source bytes.
func checkTokenSources(t *testing.T, d *Document) {
	t.Helper()
	for _, tok := range d.Tokens {
		a, b := d.SourceSpan(tok.Span)
		src, text := string(d.Source[a:b]), d.Slice(tok.Span)
		if got := decodeSource(d.Format, src); got != text {
			t.Errorf("token %q maps to source %q [%d,%d), which decodes to %q", text, src, a, b, got)
		}
		if d.IsVerbatim(tok.Span) && src != text {
			t.Errorf("verbatim token %q maps to %q", text, src)
		}
	}
}

// checkSpansSane asserts the invariants every document must keep, whatever its source.
func checkSpansSane(t *testing.T, d *Document) {
	t.Helper()
	n := len(d.Source)
	onBoundary := func(i int) bool { return i == n || utf8.RuneStart(d.Source[i]) }
	valid := utf8.Valid(d.Source)
	for _, tok := range d.Tokens {
		a, b := d.SourceSpan(tok.Span)
		if a < 0 || b > n || a > b {
			t.Fatalf("token %q: bad source span [%d,%d) in %d bytes", d.Slice(tok.Span), a, b, n)
		}
		if valid && (!onBoundary(a) || !onBoundary(b)) {
			t.Fatalf("token %q: source span [%d,%d) splits a character", d.Slice(tok.Span), a, b)
		}
	}
	for i, s := range d.segs {
		if s.src < 0 || s.src > s.srcEnd || s.srcEnd > n {
			t.Fatalf("segment %d %+v outside source of %d bytes", i, s, n)
		}
		if i > 0 && s.text < d.segs[i-1].text {
			t.Fatalf("segment %d goes back in Text", i)
		}
		if s.verbatim {
			end := len(d.Text)
			if i+1 < len(d.segs) {
				end = d.segs[i+1].text
			}
			if d.Text[s.text:end] != string(d.Source[s.src:s.srcEnd]) {
				t.Fatalf("verbatim segment %d: text %q, source %q", i, d.Text[s.text:end], d.Source[s.src:s.srcEnd])
			}
		}
	}
	for _, bl := range d.Blocks {
		if bl.Span.Start < 0 || bl.Span.End > len(d.Text) || bl.Span.Start >= bl.Span.End {
			t.Fatalf("bad block span %+v", bl.Span)
		}
	}
	if d.Headline >= len(d.Blocks) || d.Headline < -1 {
		t.Fatalf("headline %d out of %d blocks", d.Headline, len(d.Blocks))
	}
	for _, dir := range d.Directives {
		if dir.Start < 0 || dir.End > n || dir.Start > dir.End {
			t.Fatalf("directive %+v outside source", dir)
		}
	}
}

// wordPos is an expected source position of the nth (0-based) token with the given text.
type wordPos struct {
	word                   string
	nth                    int
	line, col, col16, colB int
}

func checkPositions(t *testing.T, d *Document, want []wordPos) {
	t.Helper()
	for _, w := range want {
		seen := 0
		found := false
		for _, tok := range d.Tokens {
			if d.Slice(tok.Span) != w.word {
				continue
			}
			if seen++; seen <= w.nth {
				continue
			}
			found = true
			a, _ := d.SourceSpan(tok.Span)
			p := d.Position(a)
			if p.Line != w.line || p.Column != w.col || p.ColumnUTF16 != w.col16 || p.ColumnByte != w.colB {
				t.Errorf("%q: got line %d col %d utf16 %d byte %d, want %d %d %d %d",
					w.word, p.Line, p.Column, p.ColumnUTF16, p.ColumnByte, w.line, w.col, w.col16, w.colB)
			}
			break
		}
		if !found {
			t.Errorf("token %q #%d not found in %q", w.word, w.nth, d.Text)
		}
	}
}

func TestPositionAfterEmojiCRLF(t *testing.T) {
	// "🎉" is one character, two UTF-16 units and four bytes; lines end in CRLF.
	tests := []struct {
		name string
		f    Format
		src  string
	}{
		{"text", Text, "Headline\r\n\r\nWe 🎉 met é\r\nthen — left\r\n"},
		{"markdown", Markdown, "# Headline\r\n\r\nWe 🎉 met é\r\nthen — left\r\n"},
		{"html", HTML, "<h1>Headline</h1>\r\n<p>\r\nWe 🎉 met é\r\nthen — left</p>\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("x", tt.f, []byte(tt.src))
			line := 3 // "We" is on line 3 in each source
			checkPositions(t, d, []wordPos{
				{"met", 0, line, 6, 7, 9},
				{"é", 0, line, 10, 11, 13},
				{"left", 0, line + 1, 8, 8, 10}, // after "then — ", the dash is 3 bytes
			})
			checkTokenSources(t, d)
		})
	}
}

func TestPositionOfEntity(t *testing.T) {
	// An entity's token starts at its '&', so a finding points at the reference in the source.
	for _, f := range []Format{Markdown, HTML} {
		d := Parse("x", f, []byte("x\r\n\r\nA 🎉 &eacute;tat &amp; B\r\n"))
		checkPositions(t, d, []wordPos{
			{"état", 0, 3, 5, 6, 8},
			{"&", 0, 3, 17, 18, 20},
			{"B", 0, 3, 23, 24, 26},
		})
		checkTokenSources(t, d)
	}
}

// trickyInputs exercise the parsers' edges; every one must keep the span invariants.
var trickyInputs = []string{
	"", "\n", "\r\n\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBFa", "&", "&;", "&#;", "&#x;", "&#0;", "&#xD800;", "&#99999999;",
	"&amp", "&ampfoo", "&notit;", "&notin;", "&ampamp;", "a\\", "\\", "\\*", "a\\\nb", "a  \nb", "*a*b*",
	"**", "<", "</", "<!--", "<!-- x", "<!-- copydesk-disable", "-->", "<!---->", "<!-->", "<p", "<p>a<b c",
	"</p>", "<script>", "<title>", "<title>a &amp b", "<pre>x", "<code>x</p>y", "<svg><title>t</title>",
	"<head>x<title>t</title>y", "---", "---\n", "---\na: b\n---", "---\r\na\r\n---\r\nb", "```", "```\nx",
	"`a", "[a](", "[a](b", "![a](b)", "<http://x>", "| a |\n|-|\n| b |", "> a\n> <p>b\n> c</p>",
	"- <!-- copydesk-enable -->x", "é\u0301", "🎉", "🎉&#127881;", "a\x00b", "<p>a\x00b</p>", "\xff\xfe",
	"<p>\xffé</p>", "é&eacute", "&#x1F389;", "\t\tcode", "<div>\n\n*x*\n\n</div>", "a<br>b", "a<br/>b",
	"<![CDATA[x]]>", "<?xml?>x", "<!doctype html>x", "<a href='x", "a\rb\rc", "\r", "&\r\n&",
}

var fragments = []string{
	"a", "é", "🎉", " ", "\n", "\r\n", "\n\n", "\t", "*", "_", "`", "```", "\\", "&", "&amp;", "&eacute", "&#8220;",
	"&#x1F389;", ";", "#", "# ", "> ", "- ", "1. ", "|", "---", "<", ">", "</", "<p>", "</p>", "<b>", "<code>",
	"</code>", "<!--", "-->", " copydesk-disable ", "<br>", "[", "]", "(", ")", "http://x.y", "<title>", "<h1>",
	"</h1>", "<script>", "</script>", "\"", "'", "=", "“", "—", "\x00",
}

func TestSpansProperty(t *testing.T) {
	inputs := append([]string(nil), trickyInputs...)
	r := rand.New(rand.NewSource(1))
	for range 3000 {
		var sb strings.Builder
		for range r.Intn(24) {
			sb.WriteString(fragments[r.Intn(len(fragments))])
		}
		inputs = append(inputs, sb.String())
	}
	for _, in := range inputs {
		for _, f := range []Format{Text, Markdown, HTML} {
			t.Run(fmt.Sprintf("%v/%q", f, in), func(t *testing.T) {
				checkSpansSane(t, Parse("x", f, []byte(in)))
			})
		}
	}
}

// TestLinesMatchDocumentPosition: Lines, used for title and body fields, counts exactly as Document does.
func TestLinesMatchDocumentPosition(t *testing.T) {
	src := []byte("\xEF\xBB\xBFHead 🎉\r\n\r\nCafé “talks” — done\nlast")
	d, l := ParseText("s.txt", src), NewLines(src)
	for off := 0; off <= len(src); off++ {
		if got, want := l.Position(off), d.Position(off); got != want {
			t.Fatalf("offset %d: Lines %+v, Document %+v", off, got, want)
		}
	}
}
