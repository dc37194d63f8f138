package document

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// ParseHTML reads an HTML page: the prose is the text a browser shows in the body, plus the <title>.
// Scripts, styles, code, attribute values and the rest of <head> are left out.
func ParseHTML(path string, src []byte) *Document {
	b := newBuilder(src)
	w := newHTMLWalker(b, Paragraph)
	start := skipBOM(src)
	w.walk(src[start:], start)
	w.endBlock()
	return b.document(path, HTML, w.headline())
}

// skippedTags hold no prose: their content is code, data or page machinery.
var skippedTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "textarea": true, "select": true, "noembed": true, "noframes": true,
	"pre": true, "code": true, "kbd": true, "samp": true, "xmp": true, "plaintext": true, "listing": true,
}

// inlineSkippedTags are skipped inline elements that a block boundary closes, so that an unclosed
// <code> does not swallow the rest of the page.
var inlineSkippedTags = map[string]bool{"code": true, "kbd": true, "samp": true}

// headTags may appear in <head>; any other start tag opens the body, as in a browser.
var headTags = map[string]bool{
	"title": true, "meta": true, "link": true, "style": true, "script": true, "base": true,
	"noscript": true, "template": true,
}

// blockTags start or end a block of prose.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "caption": true,
	"center": true, "dd": true, "details": true, "dialog": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true,
	"html": true, "legend": true, "li": true, "main": true, "menu": true, "nav": true, "ol": true,
	"option": true, "p": true, "pre": true, "section": true, "summary": true, "table": true,
	"tbody": true, "td": true, "tfoot": true, "th": true, "thead": true, "title": true, "tr": true,
	"ul": true, "head": true, "textarea": true, "select": true, "iframe": true,
}

// containerKinds are the elements that give the blocks inside them their kind.
var containerKinds = map[string]BlockKind{
	"li": ListItem, "dt": ListItem, "dd": ListItem, "blockquote": BlockQuote,
	"td": TableCell, "th": TableCell, "caption": TableCell,
}

// structureTags are tracked with the containers so that a nested list or table scopes its items.
var structureTags = map[string]bool{"ul": true, "ol": true, "menu": true, "dl": true, "table": true, "tr": true}

// impliedEnds lists, for a start tag, the open elements it closes, as a browser does ("<li>a<li>b").
var impliedEnds = map[string]map[string]bool{
	"li": {"li": true}, "dt": {"dt": true, "dd": true}, "dd": {"dt": true, "dd": true},
	"td": {"td": true, "th": true}, "th": {"td": true, "th": true}, "tr": {"td": true, "th": true, "tr": true},
}

// htmlWalker feeds the tokens of an HTML source (a page, or an HTML block of a Markdown file) to a
// builder.
type htmlWalker struct {
	b       *builder
	defKind BlockKind // kind of a block outside any container
	skip    []string  // open elements whose content is not prose
	conts   []string  // open containers (li, blockquote, td, ...) and the lists and tables around them
	inHead  bool
	inTitle bool
	heading int // level of the open <hN>, 0 outside one

	title, firstH1, firstHeading int
}

func newHTMLWalker(b *builder, defKind BlockKind) *htmlWalker {
	return &htmlWalker{b: b, defKind: defKind, title: -1, firstH1: -1, firstHeading: -1}
}

// walk tokenizes buf, whose byte i is source byte base+i. The tokenizer has no offset API, so the
// offset is the running sum of the raw token lengths; Text() is never called because it decodes in place.
func (w *htmlWalker) walk(buf []byte, base int) {
	z := html.NewTokenizer(bytes.NewReader(buf))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		n := len(z.Raw())
		raw, start := buf[off:off+n], base+off
		off += n
		switch tt {
		case html.TextToken:
			w.text(raw, start)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			w.open(string(name), tt == html.SelfClosingTagToken, start, start+n)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.close(string(name))
		case html.CommentToken:
			w.comment(raw, start)
		}
	}
}

func (w *htmlWalker) prose() bool { return len(w.skip) == 0 && (!w.inHead || w.inTitle) }

// closeInlineSkips pops skipped inline elements at a block boundary; it reports whether the walker is
// out of every skipped element.
func (w *htmlWalker) closeInlineSkips() bool {
	for len(w.skip) > 0 && inlineSkippedTags[w.skip[len(w.skip)-1]] {
		w.skip = w.skip[:len(w.skip)-1]
	}
	return len(w.skip) == 0
}

func (w *htmlWalker) open(name string, selfClosing bool, start, end int) {
	// Inside skipped content only nesting matters, unless a block tag ends an inline skip.
	if len(w.skip) > 0 && !(blockTags[name] && w.closeInlineSkips()) {
		if skippedTags[name] && !selfClosing {
			w.skip = append(w.skip, name)
		}
		return
	}
	if w.inHead && !headTags[name] {
		w.inHead = false
	}
	if blockTags[name] {
		w.endBlock()
	}
	switch {
	case name == "head":
		w.inHead = true
	case name == "title" && !selfClosing:
		w.inTitle = true
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		w.heading = int(name[1] - '0')
	case name == "br":
		w.b.space(start, end)
	}
	if _, ok := containerKinds[name]; (ok || structureTags[name]) && !selfClosing {
		for len(w.conts) > 0 && impliedEnds[name][w.conts[len(w.conts)-1]] {
			w.conts = w.conts[:len(w.conts)-1]
		}
		w.conts = append(w.conts, name)
	}
	if skippedTags[name] && !selfClosing {
		w.skip = append(w.skip, name)
	}
}

func (w *htmlWalker) close(name string) {
	if len(w.skip) > 0 {
		if i := lastIndex(w.skip, name); i >= 0 {
			w.skip = w.skip[:i]
			return
		}
		if !blockTags[name] || !w.closeInlineSkips() {
			return
		}
	}
	if !blockTags[name] {
		return
	}
	w.endBlock()
	switch {
	case name == "head":
		w.inHead = false
	case name == "title":
		w.inTitle = false
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		w.heading = 0
	}
	// Closing a list or table also closes the items and cells left open inside it.
	if i := lastIndex(w.conts, name); i >= 0 {
		w.conts = w.conts[:i]
	}
}

func lastIndex(stack []string, name string) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			return i
		}
	}
	return -1
}

// containerKind is the kind the innermost container gives a block, if any container is open.
func (w *htmlWalker) containerKind() (BlockKind, bool) {
	for i := len(w.conts) - 1; i >= 0; i-- {
		if k, ok := containerKinds[w.conts[i]]; ok {
			return k, true
		}
	}
	return 0, false
}

// endBlock closes the open block with the kind its context gives it, and notes headline candidates.
func (w *htmlWalker) endBlock() {
	kind, level := w.defKind, 0
	switch {
	case w.inTitle:
		kind, level = Heading, 1
	case w.heading > 0:
		kind, level = Heading, w.heading
	default:
		if k, ok := w.containerKind(); ok {
			kind = k
		}
	}
	n := len(w.b.blocks)
	w.b.endBlock(kind, level)
	if len(w.b.blocks) == n {
		return
	}
	switch {
	case w.inTitle:
		if w.title < 0 {
			w.title = n
		}
	case w.heading > 0:
		if w.firstHeading < 0 {
			w.firstHeading = n
		}
		if w.heading == 1 && w.firstH1 < 0 {
			w.firstH1 = n
		}
	}
}

// headline picks the first <h1>, else the <title>, else the first heading. The <h1> wins over the
// <title> because a news page's title usually carries the site name or an SEO variant, while the <h1>
// is the headline as printed.
func (w *htmlWalker) headline() int {
	switch {
	case w.firstH1 >= 0:
		return w.firstH1
	case w.title >= 0:
		return w.title
	}
	return w.firstHeading
}

func (w *htmlWalker) text(raw []byte, start int) {
	if !w.prose() {
		// Text in <head> outside <title> opens the body in a browser; white space does not.
		if len(w.skip) > 0 || w.inTitle || len(bytes.TrimSpace(raw)) == 0 {
			return
		}
		w.inHead = false
	}
	htmlText(w.b, raw, start)
}

// htmlText adds the text token raw, found at source offset base, decoding character references so that
// each decoded string maps to exactly the source bytes it came from.
func htmlText(b *builder, raw []byte, base int) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		switch {
		case isSpaceByte(c):
			j := i + 1
			for j < len(raw) && isSpaceByte(raw[j]) {
				j++
			}
			b.space(base+i, base+j)
			i = j
		case c == 0:
			i++ // browsers drop NUL bytes in text
		case c == '&':
			j := entityEnd(raw, i)
			ref := string(raw[i:j])
			if s := html.UnescapeString(ref); s != ref {
				b.replaced(s, base+i, base+j)
				i = j
				continue
			}
			b.visible(base+i, base+i+1)
			i++
		default:
			j := i + 1
			for j < len(raw) && !isSpaceByte(raw[j]) && raw[j] != '&' && raw[j] != 0 {
				j++
			}
			b.visible(base+i, base+j)
			i = j
		}
	}
}

// entityEnd returns the end of the longest run at s[i] ('&') that a character reference can consume:
// "&", an optional "#" and "x", alphanumerics, and an optional ";". Decoding that run alone gives what a
// browser shows for it, since a reference never reads past it; text the reference does not consume
// stays in the run verbatim.
func entityEnd(s []byte, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
	}
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	return j
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func (w *htmlWalker) comment(raw []byte, start int) {
	if body, ok := commentBody(raw); ok {
		if d, ok := parseDirective(body, start, start+len(raw)); ok {
			w.b.directives = append(w.b.directives, d)
		}
	}
}

// commentBody returns the text between "<!--" and "-->" (or the end of an unclosed comment).
func commentBody(raw []byte) (string, bool) {
	s := string(raw)
	if !strings.HasPrefix(s, "<!--") {
		return "", false
	}
	s = s[4:]
	for _, end := range []string{"-->", "--!>"} {
		if strings.HasSuffix(s, end) {
			return strings.TrimSuffix(s, end), true
		}
	}
	return s, true
}
