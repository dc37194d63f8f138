package lint

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// Article is a headline and body composed into one source document, and where each lies in it. Front ends
// that receive the two as separate fields (the HTTP server, `copydesk lint --ndjson`) lint Src and map
// offsets back with TitleStart, TitleEnd and BodyStart.
type Article struct {
	Src []byte
	// The title is Src[TitleStart:TitleEnd] (empty when there is none); the body is Src[BodyStart:].
	TitleStart, TitleEnd int
	BodyStart            int
}

// ComposeArticleLayout builds the document the rules see: the title as the story's headline, then the
// body. Plain text gets the title as its first paragraph followed by a blank line, Markdown as a level-1
// heading ("# "), HTML as the <title>. Line breaks in the title are linted as spaces (same length, so
// offsets do not move) so that it stays one headline and cannot swallow the body. Without a title the
// source is the body itself.
func ComposeArticleLayout(title, body string, f document.Format) Article {
	if title == "" {
		return Article{Src: []byte(body)}
	}
	title = strings.NewReplacer("\r", " ", "\n", " ").Replace(title)
	var prefix, sep string
	switch f {
	case document.Markdown:
		prefix, sep = "# ", "\n\n"
	case document.HTML:
		prefix, sep = "<title>", "</title>\n"
	default:
		prefix, sep = "", "\n\n"
	}
	src := make([]byte, 0, len(prefix)+len(title)+len(sep)+len(body))
	src = append(append(append(append(src, prefix...), title...), sep...), body...)
	return Article{
		Src:        src,
		TitleStart: len(prefix), TitleEnd: len(prefix) + len(title),
		BodyStart: len(prefix) + len(title) + len(sep),
	}
}

// The fields of an article.
const (
	FieldTitle = "title"
	FieldBody  = "body"
)

// Field says which field a source offset lies in and where in that field; offsets in the markup around
// the title are clamped to the title.
func (a Article) Field(off int) (field string, at int) {
	if off >= a.BodyStart {
		return FieldBody, off - a.BodyStart
	}
	return FieldTitle, max(0, min(off, a.TitleEnd)-a.TitleStart)
}
