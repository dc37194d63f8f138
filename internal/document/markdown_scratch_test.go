package document

import (
	"fmt"
	"testing"
)

func dump(d *Document) {
	fmt.Printf("TEXT %q headline=%d\n", d.Text, d.Headline)
	for _, bl := range d.Blocks {
		fmt.Printf("  block %v L%d %q\n", bl.Kind, bl.Level, d.Slice(bl.Span))
	}
	for _, t := range d.Tokens {
		a, b := d.SourceSpan(t.Span)
		if string(d.Source[a:b]) != d.Slice(t.Span) {
			fmt.Printf("  tok %q <- %q\n", d.Slice(t.Span), d.Source[a:b])
		}
	}
	for _, dir := range d.Directives {
		fmt.Printf("  dir %+v %q\n", dir, d.Source[dir.Start:dir.End])
	}
}

func TestScratch(t *testing.T) {
	dump(ParseMarkdown("x.md", []byte("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n# Café “news” 🎉 now\r\n\r\nSoft *line*\r\nbreak &amp; &eacute; &#8220;q\\*x\\_ [link text](http://example.com) `code` <http://auto.link> https://bare.example.com  \r\nhard\\\r\nhard2\r\n\r\n> quoted\r\n> more\r\n\r\n- item one\r\n- item <!-- copydesk-disable-next-line passive,cliche -->two\r\n\r\n```\r\ncode block\r\n```\r\n\r\n| a | b \\| c |\r\n|---|---|\r\n| x &amp; | y |\r\n\r\n<div>\r\n<p>html &amp; para</p>\r\n<script>var x</script>\r\n</div>\r\n\r\n> <p>in\r\n> quote</p>\r\n\r\n<!-- copydesk-disable x -->\r\n\r\nhi <code>skip</code> there<br>next ![alt](img.png)\r\n")))
	dump(ParseHTML("x.html", []byte("<!DOCTYPE html><html><head><title>Title &amp; site | Reuters</title><style>p{}</style><meta name=x content=\"y\"></head><body><h1 class=x>Head&eacute;line</h1><p>Para&amp;graph &copy 2024 &notit; &#8220;q&#x201D; <a href=\"http://x\">link</a> <code>code</code> x<br>y</p><pre>pre</pre><ul><li>one<li>two</ul><table><tr><td>c1<td>c2</table><blockquote><p>bq</p></blockquote><!-- copydesk-enable a b --><svg><title>no</title></svg><p>unclosed <b world")))
	dump(ParseHTML("x.html", []byte("text</p> more <p>x <!-- unclosed comment")))
	dump(ParseHTML("x.html", []byte("<p>a <code>unclosed</p><p>b</p>")))
}
