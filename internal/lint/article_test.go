package lint

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestComposeArticle(t *testing.T) {
	body := "Body <b>text</b> here.\n\nSecond paragraph."
	for _, f := range []document.Format{document.Text, document.Markdown, document.HTML} {
		a := ComposeArticleLayout("Talks\r\nresume", body, f)
		if got := string(a.Src[a.TitleStart:a.TitleEnd]); got != "Talks  resume" {
			t.Errorf("%s: title %q", f, got)
		}
		if got := string(a.Src[a.BodyStart:]); got != body {
			t.Errorf("%s: body %q", f, got)
		}
		doc := document.Parse("a", f, a.Src)
		h, ok := doc.HeadlineBlock()
		if !ok {
			t.Fatalf("%s: no headline in %q", f, a.Src)
		}
		if hs, he := doc.SourceSpan(h.Span); hs != a.TitleStart || he != a.TitleEnd {
			t.Errorf("%s: headline at %d-%d, title at %d-%d", f, hs, he, a.TitleStart, a.TitleEnd)
		}
	}
	if a := ComposeArticleLayout("", body, document.Markdown); string(a.Src) != body || a.BodyStart != 0 {
		t.Errorf("without a title: %q, %d", a.Src, a.BodyStart)
	}
}
