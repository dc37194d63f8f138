package document

import (
	"os"
	"strings"
	"testing"
)

func TestParseTextCRLFAndBOM(t *testing.T) {
	src := "\xEF\xBB\xBFTalks resume in Jakarta\r\n\r\nThe ministers 🎉 met\r\non Saturday — “briefly”.\r\n\r\nSecond para.\r\n"
	d := ParseText("x.txt", []byte(src))
	want := "Talks resume in Jakarta\n\nThe ministers 🎉 met on Saturday — “briefly”.\n\nSecond para.\n\n"
	if d.Text != want {
		t.Errorf("Text:\n got %q\nwant %q", d.Text, want)
	}
	checkBlocks(t, d, []blockWant{
		{Heading, 1, "Talks resume in Jakarta"},
		{Paragraph, 0, "The ministers 🎉 met on Saturday — “briefly”."},
		{Paragraph, 0, "Second para."},
	})
	if d.Headline != 0 {
		t.Errorf("headline = %d", d.Headline)
	}
	if a, _ := d.SourceSpan(d.Tokens[0].Span); a != 3 {
		t.Errorf("first token starts at %d, want 3 (after the BOM)", a)
	}
	checkTokenSources(t, d)
	checkSpansSane(t, d)
	checkPositions(t, d, []wordPos{
		{"met", 0, 3, 17, 18, 20},
		{"on", 0, 4, 1, 1, 1},
		{"briefly", 0, 4, 16, 16, 20}, // "on Saturday — “" is 15 runes, 19 bytes
		{"Second", 0, 6, 1, 1, 1},
	})
}

func TestParseTextSeedStory(t *testing.T) {
	src, err := os.ReadFile("../../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := ParseText("spun-reuters-blinken-wang.txt", src)
	b, ok := d.HeadlineBlock()
	if !ok || d.Headline != 0 {
		t.Fatalf("headline = %d", d.Headline)
	}
	if got := d.Slice(b.Span); got != "US and Chinese foreign ministers hold first face-to-face talks since October" {
		t.Errorf("headline = %q", got)
	}
	if len(d.Blocks) < 10 {
		t.Errorf("only %d blocks", len(d.Blocks))
	}
	checkTokenSources(t, d)
	checkSpansSane(t, d)
	for _, tok := range d.Tokens {
		if !d.IsVerbatim(tok.Span) {
			t.Fatalf("plain-text token %q is not verbatim", d.Slice(tok.Span))
		}
	}
}

func TestParseDispatch(t *testing.T) {
	src := []byte("# Title &amp; <b>more</b>\n\nBody.")
	tests := []struct {
		f        Format
		wantText string
	}{
		{Text, "# Title &amp; <b>more</b>\n\nBody.\n\n"},
		{Markdown, "Title & more\n\nBody.\n\n"},
		{HTML, "# Title & more Body.\n\n"},
	}
	for _, tt := range tests {
		d := Parse("x", tt.f, src)
		if d.Format != tt.f || d.Text != tt.wantText {
			t.Errorf("%v: format %v, Text %q, want %q", tt.f, d.Format, d.Text, tt.wantText)
		}
		if !strings.HasPrefix(string(d.Source), "# Title") || d.Path != "x" {
			t.Errorf("%v: source or path not kept", tt.f)
		}
	}
}
