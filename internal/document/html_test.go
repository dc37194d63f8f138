package document

import (
	"strings"
	"testing"
)

const htmlStory = `<!DOCTYPE html>
<html><head>
<meta name="description" content="Meta text">
<title>Talks resume | Example News</title>
<style>p { color: red }</style>
<script>var hidden = "script <p>text</p>";</script>
</head>
<body>
<h1 class="hed">Café “talks” resume</h1>
<p>The ministers 🎉 met in Jakarta &mdash;
and <em>agreed</em> to talk &amp; listen, &eacute;tat &#8220;soon&#x201D;.</p>
<p>See <a href="https://example.com/report" title="Attr text">the report</a>. Run <code>go vet</code> first.</p>
<pre>fmt.Println("hidden")</pre>
<blockquote><p>Quoted <strong>words</strong> here.</p></blockquote>
<ul><li>First item<li>Second <!-- copydesk-disable-next-line passive -->item</ul>
<table><tr><th>Name<th>Role<tr><td>Wang<td>minister</table>
<noscript>Enable JavaScript</noscript><template><p>Template</p></template>
<svg><title>Icon title</title><text>Svg text</text></svg>
<h2>Background</h2>
<!-- copydesk-disable cliche,jargon -->
<p>Fish &amp chips &copy 2024<br>next line</p>
<!-- copydesk-enable -->
</body></html>
`

func TestParseHTMLStory(t *testing.T) {
	wantBlocks := []blockWant{
		{Heading, 1, "Talks resume | Example News"},
		{Heading, 1, "Café “talks” resume"},
		{Paragraph, 0, "The ministers 🎉 met in Jakarta — and agreed to talk & listen, état “soon”."},
		{Paragraph, 0, "See the report. Run first."},
		{BlockQuote, 0, "Quoted words here."},
		{ListItem, 0, "First item"},
		{ListItem, 0, "Second item"},
		{TableCell, 0, "Name"},
		{TableCell, 0, "Role"},
		{TableCell, 0, "Wang"},
		{TableCell, 0, "minister"},
		{Heading, 2, "Background"},
		{Paragraph, 0, "Fish & chips © 2024 next line"},
	}
	for name, src := range map[string]string{"lf": htmlStory, "crlf": crlf(htmlStory), "bom": "\xEF\xBB\xBF" + htmlStory} {
		t.Run(name, func(t *testing.T) {
			d := ParseHTML("story.html", []byte(src))
			var texts []string
			for _, b := range wantBlocks {
				texts = append(texts, b.text)
			}
			if want := strings.Join(texts, blockSeparator) + blockSeparator; d.Text != want {
				t.Errorf("Text:\n got %q\nwant %q", d.Text, want)
			}
			checkBlocks(t, d, wantBlocks)
			if d.Headline != 1 {
				t.Errorf("headline = %d, want 1 (the <h1>, not the <title>)", d.Headline)
			}
			checkDirectives(t, d, []Directive{
				{Kind: DisableNextLine, Rules: []string{"passive"}},
				{Kind: Disable, Rules: []string{"cliche", "jargon"}},
				{Kind: Enable},
			})
			checkAbsent(t, d, []string{"Meta text", "color", "hidden", "script", "Println", "go vet", "https",
				"Attr text", "hed", "JavaScript", "Template", "Icon", "Svg", "<", "\r", "\uFEFF"})
			checkTokenSources(t, d)
			checkSpansSane(t, d)
			checkPositions(t, d, []wordPos{
				{"resume", 1, 9, 30, 30, 35},
				{"met", 0, 10, 20, 21, 23},  // after the emoji: one rune, two UTF-16 units, four bytes
				{"—", 0, 10, 35, 36, 38},    // "&mdash;"
				{"état", 0, 11, 43, 43, 43}, // the token starts at "&eacute;"
				{"“", 1, 11, 55, 55, 55},    // "&#8220;"
				{"”", 1, 11, 66, 66, 66},    // "&#x201D;"
				{"report", 0, 12, 67, 67, 67},
				{"©", 0, 21, 20, 20, 20}, // "&copy" without a semicolon
			})
		})
	}
}

func TestParseHTMLText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"inline tags join words", "<p>un<b>believ</b>able</p>", "unbelievable"},
		{"white space collapses", "<p>  a \r\n\t b  </p>", "a b"},
		{"br is a space", "<p>a<br>b<br/>c</p>", "a b c"},
		{"attributes are not prose", `<p title="Title attr"><img alt="Alt" src="x.png">text</p>`, "text"},
		{"legacy entities without semicolon", "<p>&amp &lt;b&gt; &copy2024 &notit; &ampx</p>", "& <b> ©2024 ¬it; &x"},
		{"numeric references", "<p>&#38; &#x26; &#128; &#0; &#xD800;</p>", "& & € \uFFFD \uFFFD"},
		{"unknown entities stay", "<p>&nope; & &; &#; AT&T</p>", "&nope; & &; &#; AT&T"},
		{"nbsp is a space", "<p>a&nbsp;b</p>", "a b"},
		{"title entities decode", "<title>A &amp; B</title>", "A & B"},
		{"text in head opens the body", "<head>Stray text<title>T</title></head>", "Stray text\n\nT"},
		{"code inside pre", "<pre><code>x := 1</code></pre><p>after</p>", "after"},
		{"kbd and samp", "<p>press <kbd>Ctrl</kbd> for <samp>out</samp> now</p>", "press for now"},
		{"nested skipped", "<svg><svg></svg><text>no</text></svg><p>yes</p>", "yes"},
		{"iframe and object", "<iframe>frame</iframe><object>obj</object><p>yes</p>", "yes"},
		{"dl items", "<dl><dt>Term<dd>Definition</dl>", "Term\n\nDefinition"},
		{"figure caption", "<figure><img src=x><figcaption>Caption</figcaption></figure>", "Caption"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseHTML("x.html", []byte(tt.src))
			if got := strings.TrimSuffix(d.Text, blockSeparator); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
			checkSpansSane(t, d)
		})
	}
}

func TestParseHTMLEntityMapping(t *testing.T) {
	src := "<p>Fish &amp chips &notit; caf&eacute;</p>"
	d := ParseHTML("x.html", []byte(src))
	want := map[string]string{"&": "&amp", "¬": "&notit;", "café": "caf&eacute;", "Fish": "Fish", "chips": "chips"}
	for _, tok := range d.Tokens {
		text := d.Slice(tok.Span)
		a, b := d.SourceSpan(tok.Span)
		if w, ok := want[text]; ok && src[a:b] != w {
			t.Errorf("%q maps to %q, want %q", text, src[a:b], w)
		}
	}
	// "&notit;" decodes to "¬it;" as a whole: each of its tokens maps to the whole reference.
	if !strings.Contains(d.Text, "¬it;") {
		t.Errorf("Text = %q", d.Text)
	}
}

func TestParseHTMLBroken(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"stray end tag", "<p>one</p></p>two", "one\n\ntwo"},
		{"unterminated tag at end", "<p>kept text <b class=", "kept text"},
		{"unterminated attribute runs to next tag", "<p>a <b title='x>b</b> c</p>", "a"},
		{"unclosed comment hides the rest", "<p>before</p><!-- open <p>hidden</p>", "before"},
		{"unclosed paragraph", "<p>one<p>two", "one\n\ntwo"},
		{"unclosed code ends with its block", "<p>a <code>b</p><p>c</p>", "a\n\nc"},
		{"unclosed title", "<title>Only title", "Only title"},
		{"unclosed script", "<p>a</p><script>var x", "a"},
		{"mis-nested inline", "<p><b><i>x</b>y</i></p>", "xy"},
		{"bogus comments", "a<?xml x?>b<!doctype x>c</ p>d", "abcd"},
		{"lone angle brackets", "a < b > c", "a < b > c"},
		{"nul bytes", "<p>a\x00b</p>", "ab"},
		{"invalid utf-8", "<p>a\xffb</p>", "a\xffb"},
		{"no markup", "just text &amp; more", "just text & more"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseHTML("x.html", []byte(tt.src))
			if got := strings.TrimSuffix(d.Text, blockSeparator); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
			checkSpansSane(t, d)
		})
	}
}

func TestHTMLHeadline(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
		wantText  string
	}{
		{"h1 preferred over title", "<title>Site title</title><p>x</p><h1>Story</h1>", 2, "Story"},
		{"title when no h1", "<title>Site title</title><h2>Sub</h2>", 0, "Site title"},
		{"first heading otherwise", "<p>x</p><h3>Small</h3><h2>Sub</h2>", 1, "Small"},
		{"first of several h1", "<h2>Kicker</h2><h1>One</h1><h1>Two</h1>", 1, "One"},
		{"empty h1 is skipped", "<h1> </h1><h1>Real</h1>", 0, "Real"},
		{"svg title is not the title", "<svg><title>Icon</title></svg><p>x</p>", -1, ""},
		{"none", "<p>Body only.</p>", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseHTML("x.html", []byte(tt.src))
			if d.Headline != tt.want {
				t.Fatalf("headline = %d, want %d (Text %q)", d.Headline, tt.want, d.Text)
			}
			if b, ok := d.HeadlineBlock(); ok && (d.Slice(b.Span) != tt.wantText || b.Kind != Heading) {
				t.Errorf("headline block %+v %q, want %q", b, d.Slice(b.Span), tt.wantText)
			}
		})
	}
}

func TestHTMLDirectiveRange(t *testing.T) {
	src := "<p>a</p>\n<!--copydesk-disable-next-line spelling-->\n<p>b <!-- copydesk-enable --></p><!-- other -->"
	d := ParseHTML("x.html", []byte(src))
	checkDirectives(t, d, []Directive{
		{Kind: DisableNextLine, Rules: []string{"spelling"}},
		{Kind: Enable},
	})
	if got := d.Directives[0]; src[got.Start:got.End] != "<!--copydesk-disable-next-line spelling-->" || d.Position(got.Start).Line != 2 {
		t.Errorf("directive at [%d,%d) %q", got.Start, got.End, src[got.Start:got.End])
	}
}

func TestHTMLBlockKinds(t *testing.T) {
	d := ParseHTML("x.html", []byte("<ul><li>outer<ul><li>inner</ul>tail</li></ul><p>para</p>"+
		"<table><tr><td>a<td>b<tr><td>c</table><blockquote>quote<ul><li>item</ul>more</blockquote>after"))
	checkBlocks(t, d, []blockWant{
		{ListItem, 0, "outer"}, {ListItem, 0, "inner"}, {ListItem, 0, "tail"}, {Paragraph, 0, "para"},
		{TableCell, 0, "a"}, {TableCell, 0, "b"}, {TableCell, 0, "c"},
		{BlockQuote, 0, "quote"}, {ListItem, 0, "item"}, {BlockQuote, 0, "more"}, {Paragraph, 0, "after"},
	})
}
