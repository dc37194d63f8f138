package document

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser is built once: goldmark parsers keep per-parse state in a context, so one serves
// concurrent calls.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
})

// ParseMarkdown reads a CommonMark (GFM) story. The prose is the text of paragraphs, headings, list items,
// block quotes and table cells, including link text; code, URLs, images, front matter and HTML markup
// are left out. HTML blocks go through the HTML walker, so their text still counts.
func ParseMarkdown(path string, src []byte) *Document {
	b := newBuilder(src)
	buf := maskMarkdown(src)
	w := &mdWalker{b: b, buf: buf}
	w.blocks(markdownParser().Parse(text.NewReader(buf)), Paragraph)
	b.endBlock(Paragraph, 0)
	return b.document(path, Markdown, markdownHeadline(b.blocks))
}

// maskMarkdown returns a copy of src with a byte order mark and YAML front matter blanked out, so
// goldmark never sees them while every offset stays that of src.
func maskMarkdown(src []byte) []byte {
	buf := bytes.Clone(src)
	start := skipBOM(buf)
	copy(buf, "   "[:start])
	end := frontMatterEnd(buf, start)
	for i := start; i < end; i++ {
		if buf[i] != '\n' {
			buf[i] = ' '
		}
	}
	return buf
}

// frontMatterEnd returns the end of a front matter block ("---" line, YAML, "---" or "..." line) that
// starts at offset start, or start when there is none.
func frontMatterEnd(buf []byte, start int) int {
	line, next := lineAt(buf, start)
	if line != "---" {
		return start
	}
	for i := next; i < len(buf); {
		line, next = lineAt(buf, i)
		if line == "---" || line == "..." {
			return next
		}
		i = next
	}
	return start
}

// lineAt returns the line at offset i without its line ending or trailing blanks, and where the next
// line starts.
func lineAt(buf []byte, i int) (string, int) {
	end := bytes.IndexByte(buf[i:], '\n')
	next := len(buf)
	if end < 0 {
		end = len(buf)
	} else {
		end += i
		next = end + 1
	}
	return strings.TrimRight(string(buf[i:end]), " \t\r"), next
}

// markdownHeadline is the first level-1 heading, else the first heading, else -1.
func markdownHeadline(blocks []Block) int {
	first := -1
	for i, bl := range blocks {
		if bl.Kind != Heading {
			continue
		}
		if bl.Level == 1 {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

type mdWalker struct {
	b    *builder
	buf  []byte // the masked source goldmark parsed
	code int    // depth of inline HTML code elements (<code>, <kbd>, ...) open in this block
}

// blocks walks the block children of n; kind is the kind their paragraphs take from the container.
func (w *mdWalker) blocks(n ast.Node, kind BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.inlines(c)
			w.end(kind, 0)
		case *ast.Heading:
			w.inlines(c)
			w.end(Heading, c.Level)
		case *east.TableCell:
			w.inlines(c)
			w.end(TableCell, 0)
		case *ast.ListItem:
			w.blocks(c, ListItem)
		case *ast.Blockquote:
			w.blocks(c, BlockQuote)
		case *ast.HTMLBlock:
			w.htmlBlock(c, kind)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		default:
			w.blocks(c, kind)
		}
	}
}

func (w *mdWalker) end(kind BlockKind, level int) {
	w.b.endBlock(kind, level)
	w.code = 0
}

func (w *mdWalker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if w.code == 0 {
				w.text(c.Segment.Start, c.Segment.Stop)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.lineBreak(c.Segment.Stop)
			}
		case *ast.RawHTML:
			w.rawHTML(c)
		case *ast.CodeSpan, *ast.AutoLink, *ast.Image, *ast.String, *east.TaskCheckBox:
		default: // emphasis, links, strikethrough: their text is prose
			w.inlines(c)
		}
	}
}

// text adds source [start, stop) of a Text node, decoding backslash escapes and entity references as
// goldmark's renderer does; each decoded character maps to its whole escape or reference.
func (w *mdWalker) text(start, stop int) {
	run := start
	flush := func(i int) {
		if i > run {
			w.b.visible(run, i)
		}
	}
	for i := start; i < stop; {
		c := w.buf[i]
		s, n := "", 0
		switch {
		case c == '\\' && i+1 < stop && util.IsPunct(w.buf[i+1]):
			s, n = string(w.buf[i+1]), 2
		case c == '&':
			s, n = markdownEntity(w.buf[i:stop])
		case c == 0:
			s, n = "\uFFFD", 1
		}
		if n == 0 {
			i++
			continue
		}
		flush(i)
		w.b.replaced(s, i, i+n)
		i += n
		run = i
	}
	flush(stop)
}

// markdownEntity decodes a CommonMark entity or numeric character reference at the start of s and
// returns its length, or 0 when s does not start with one.
func markdownEntity(s []byte) (string, int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	if s[1] == '#' {
		i, base, maxDigits := 2, 10, 7
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i, base, maxDigits = 3, 16, 6
		}
		j := i
		for j < len(s) && j-i < maxDigits && isDigitIn(s[j], base) {
			j++
		}
		if j == i || j >= len(s) || s[j] != ';' {
			return "", 0
		}
		v, err := strconv.ParseUint(string(s[i:j]), base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), j + 1
	}
	j := 1
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	if j == 1 || j >= len(s) || s[j] != ';' {
		return "", 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(s[1:j]))
	if !ok {
		return "", 0
	}
	return string(e.Characters), j + 1
}

func isDigitIn(c byte, base int) bool {
	if base == 16 {
		return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	}
	return '0' <= c && c <= '9'
}

// lineBreak adds the line break after a Text node that ends at stop: the rest of the line (trailing
// blanks, a hard-break backslash, the line ending) and the next line's indentation become one space.
func (w *mdWalker) lineBreak(stop int) {
	nl := bytes.IndexByte(w.buf[stop:], '\n')
	if nl < 0 {
		return
	}
	end := stop + nl + 1
	for end < len(w.buf) && (w.buf[end] == ' ' || w.buf[end] == '\t') {
		end++
	}
	w.b.space(stop, end)
}

// rawHTML handles inline HTML: comments may be directives, <br> is a space, and the text inside inline
// code elements is not prose.
func (w *mdWalker) rawHTML(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	start, end := n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(w.buf)...)
	}
	if body, ok := commentBody(raw); ok {
		if d, ok := parseDirective(body, start, end); ok {
			w.b.directives = append(w.b.directives, d)
		}
		return
	}
	name, closing, selfClosing := tagName(raw)
	switch {
	case name == "br":
		w.b.space(start, end)
	case !skippedTags[name] || selfClosing:
	case closing:
		w.code = max(0, w.code-1)
	default:
		w.code++
	}
}

// tagName reads the lower-cased element name of a raw tag such as "<a href=x>", "</em>" or "<br/>".
func tagName(raw []byte) (name string, closing, selfClosing bool) {
	s := strings.TrimPrefix(string(raw), "<")
	if strings.HasPrefix(s, "/") {
		s, closing = s[1:], true
	}
	i := 0
	for i < len(s) && (isAlnum(s[i]) || s[i] == '-') {
		i++
	}
	return strings.ToLower(s[:i]), closing, strings.HasSuffix(string(raw), "/>")
}

// htmlBlock hands an HTML block to the HTML walker. In a block quote or list item the lines are not
// contiguous in the source, so the walker reads a window of the source in which the bytes between the
// block's lines (quote markers, indentation) are blanked; offsets stay those of the source.
func (w *mdWalker) htmlBlock(n *ast.HTMLBlock, kind BlockKind) {
	lines := n.Lines()
	segs := make([]text.Segment, 0, lines.Len()+1)
	for i := 0; i < lines.Len(); i++ {
		segs = append(segs, lines.At(i))
	}
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	if len(segs) == 0 {
		return
	}
	start, end := segs[0].Start, segs[0].Stop
	for _, s := range segs {
		start, end = min(start, s.Start), max(end, s.Stop)
	}
	win := bytes.Repeat([]byte{' '}, end-start)
	for _, s := range segs {
		copy(win[s.Start-start:], w.buf[s.Start:s.Stop])
	}
	w.b.endBlock(kind, 0)
	hw := newHTMLWalker(w.b, kind)
	hw.walk(win, start)
	hw.endBlock()
}
