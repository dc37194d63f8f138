package document

import (
	"reflect"
	"strings"
	"testing"
)

// crlf turns a "\n"-separated sample into a CRLF one.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

type blockWant struct {
	kind  BlockKind
	level int
	text  string
}

func checkBlocks(t *testing.T, d *Document, want []blockWant) {
	t.Helper()
	var got []blockWant
	for _, bl := range d.Blocks {
		got = append(got, blockWant{bl.Kind, bl.Level, d.Slice(bl.Span)})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %+v\nwant %+v", got, want)
	}
}

func checkDirectives(t *testing.T, d *Document, want []Directive) {
	t.Helper()
	if len(d.Directives) != len(want) {
		t.Fatalf("got %d directives %+v, want %d", len(d.Directives), d.Directives, len(want))
	}
	for i, w := range want {
		g := d.Directives[i]
		if g.Kind != w.Kind || !reflect.DeepEqual(g.Rules, w.Rules) {
			t.Errorf("directive %d: got %v %q, want %v %q", i, g.Kind, g.Rules, w.Kind, w.Rules)
		}
		if s := string(d.Source[g.Start:g.End]); !strings.HasPrefix(s, "<!--") || !strings.HasSuffix(s, "-->") {
			t.Errorf("directive %d maps to %q, not the whole comment", i, s)
		}
	}
}

func checkAbsent(t *testing.T, d *Document, absent []string) {
	t.Helper()
	for _, s := range absent {
		if strings.Contains(d.Text, s) {
			t.Errorf("Text contains %q, which a reader does not see as prose", s)
		}
	}
}

const markdownStory = `---
title: Front matter title
tags: [secret]
---
# Café “talks” resume

The ministers 🎉 met in Jakarta —
and *agreed* to talk &amp; listen, &eacute;tat &#8220;soon&#8221;.

See [the report](https://example.com/report "Link title") and <https://auto.example.com> today.
Run ` + "`go vet`" + ` first\!

` + "```go" + `
fmt.Println("hidden")
` + "```" + `

    indented code block

> Quoted **words** here.

- First item
- Second <!-- copydesk-disable-next-line passive -->item

| Name | Role |
|------|------|
| Wang | minister |

<!-- copydesk-disable cliche,jargon -->
<p>Raw &amp; ready <code>html</code> para</p>
<!-- copydesk-enable -->

![alt text](https://example.com/pic.png)
`

func TestParseMarkdownStory(t *testing.T) {
	wantBlocks := []blockWant{
		{Heading, 1, "Café “talks” resume"},
		{Paragraph, 0, "The ministers 🎉 met in Jakarta — and agreed to talk & listen, état “soon”."},
		{Paragraph, 0, "See the report and today. Run first!"},
		{BlockQuote, 0, "Quoted words here."},
		{ListItem, 0, "First item"},
		{ListItem, 0, "Second item"},
		{TableCell, 0, "Name"},
		{TableCell, 0, "Role"},
		{TableCell, 0, "Wang"},
		{TableCell, 0, "minister"},
		{Paragraph, 0, "Raw & ready para"},
	}
	for name, src := range map[string]string{"lf": markdownStory, "crlf": crlf(markdownStory), "bom": "\xEF\xBB\xBF" + markdownStory} {
		t.Run(name, func(t *testing.T) {
			d := ParseMarkdown("story.md", []byte(src))
			var texts []string
			for _, b := range wantBlocks {
				texts = append(texts, b.text)
			}
			if want := strings.Join(texts, blockSeparator) + blockSeparator; d.Text != want {
				t.Errorf("Text:\n got %q\nwant %q", d.Text, want)
			}
			checkBlocks(t, d, wantBlocks)
			if d.Headline != 0 {
				t.Errorf("headline = %d, want 0", d.Headline)
			}
			checkDirectives(t, d, []Directive{
				{Kind: DisableNextLine, Rules: []string{"passive"}},
				{Kind: Disable, Rules: []string{"cliche", "jargon"}},
				{Kind: Enable},
			})
			checkAbsent(t, d, []string{"Front matter", "secret", "hidden", "Println", "indented", "go vet",
				"https", "example.com", "Link title", "alt text", "html", "<", "*", "`", "\r"})
			checkTokenSources(t, d)
			checkSpansSane(t, d)
			checkPositions(t, d, []wordPos{
				{"resume", 0, 5, 16, 16, 21}, // the BOM is on line 1 only
				{"met", 0, 7, 17, 18, 20},
				{"état", 0, 8, 36, 36, 36}, // the token starts at "&eacute;"
				{"agreed", 0, 8, 6, 6, 6},
				{"report", 0, 10, 10, 10, 10},
				{"!", 0, 11, 19, 19, 19}, // the escaped "\!"
				{"Wang", 0, 26, 3, 3, 3},
			})
		})
	}
}

func TestParseMarkdownInline(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"soft break", "one\ntwo\n  three", "one two three"},
		{"hard break backslash", "one\\\ntwo", "one two"},
		{"hard break spaces", "one  \r\ntwo", "one two"},
		{"strong and strike", "**bold** and ~~gone~~", "bold and gone"},
		{"link text kept, url dropped", "[text *em*](http://u.example/x) after", "text em after"},
		{"reference link", "[text][r]\n\n[r]: http://u.example", "text"},
		{"autolink dropped", "mail <me@example.com> now", "mail now"},
		{"bare url dropped", "visit https://www.example.com today", "visit today"},
		{"code span dropped", "use `x := 1` here", "use here"},
		{"inline html tags are markup", "a <span class=\"x\">b</span> c", "a b c"},
		{"inline html code dropped", "a <code>b</code> c", "a c"},
		{"br is a space", "a<br>b", "a b"},
		{"entities", "&copy; &#169; &#xA9; &AMP; &nope; &amp", "© © © & &nope; &amp"},
		{"escapes", "\\# \\[x\\] \\\\ \\a", "# [x] \\ \\a"},
		{"no front matter unless first", "text\n\n---\na: b\n---", "text\n\na: b"},
		{"unclosed front matter is a rule", "---\nSome text", "Some text"},
		{"setext heading", "Title\n=====\n\nBody", "Title\n\nBody"},
		{"nested list", "- a\n  - b\n\n    c", "a\n\nb\n\nc"},
		{"html block in quote", "> <p>in\n> quote &amp; more</p>", "in quote & more"},
		{"task list", "- [x] done", "done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseMarkdown("x.md", []byte(tt.src))
			if got := strings.TrimSuffix(d.Text, blockSeparator); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
			checkTokenSources(t, d)
			checkSpansSane(t, d)
		})
	}
}

func TestMarkdownWordAcrossMarkup(t *testing.T) {
	// A word split by emphasis markers is one token whose source span takes in the markers; it is not
	// verbatim, so no fix may rewrite it blindly.
	d := ParseMarkdown("x.md", []byte("un*believ*able"))
	if d.Text != "unbelievable"+blockSeparator || len(d.Tokens) != 1 {
		t.Fatalf("Text = %q, tokens %v", d.Text, d.Tokens)
	}
	if a, b := d.SourceSpan(d.Tokens[0].Span); a != 0 || b != 14 || d.IsVerbatim(d.Tokens[0].Span) {
		t.Errorf("span [%d,%d) verbatim=%v, want [0,14) not verbatim", a, b, d.IsVerbatim(d.Tokens[0].Span))
	}
}

func TestParseMarkdownBlockKinds(t *testing.T) {
	d := ParseMarkdown("x.md", []byte("## Sub\n\n> quoted\n>\n> - listed in quote\n\n1. item\n\n   > quote in item\n"))
	checkBlocks(t, d, []blockWant{
		{Heading, 2, "Sub"},
		{BlockQuote, 0, "quoted"},
		{ListItem, 0, "listed in quote"},
		{ListItem, 0, "item"},
		{BlockQuote, 0, "quote in item"},
	})
}

func TestMarkdownHeadline(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
	}{
		{"level 1 wins over earlier level 2", "## Kicker\n\n# Headline\n\nBody", 1},
		{"first heading when no level 1", "Intro\n\n### Sub\n\n## Other", 1},
		{"setext level 1", "Para\n\nTitle\n===", 1},
		{"html heading in markdown", "<h1>Html head</h1>\n\nBody", 0},
		{"no heading", "Just text.\n\nMore.", -1},
		{"empty heading is no block", "#\n\nBody", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := ParseMarkdown("x.md", []byte(tt.src)); d.Headline != tt.want {
				t.Errorf("headline = %d, want %d (blocks %+v)", d.Headline, tt.want, d.Blocks)
			}
		})
	}
}

func TestMarkdownDirectives(t *testing.T) {
	src := "<!-- copydesk-disable -->\n\nText <!-- copydesk-enable a, b -->more <!-- plain comment -->\n\n" +
		"> <!-- copydesk-disable-next-line c\n> -->\n> quoted\n"
	d := ParseMarkdown("x.md", []byte(src))
	checkDirectives(t, d, []Directive{
		{Kind: Disable},
		{Kind: Enable, Rules: []string{"a", "b"}},
		{Kind: DisableNextLine, Rules: []string{"c"}},
	})
	if got := d.Directives[0]; got.Start != 0 || got.End != len("<!-- copydesk-disable -->") {
		t.Errorf("first directive at [%d,%d)", got.Start, got.End)
	}
	if got, want := d.Text, "Text more\n\nquoted\n\n"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestParseMarkdownConcurrent(t *testing.T) {
	// The goldmark parser is shared; parses running at once must not disturb each other.
	done := make(chan string)
	for range 8 {
		go func() { done <- ParseMarkdown("x.md", []byte(markdownStory)).Text }()
	}
	want := ParseMarkdown("x.md", []byte(markdownStory)).Text
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent parse gave %q", got)
		}
	}
}
