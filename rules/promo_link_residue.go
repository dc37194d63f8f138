package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// linkDecorations may follow the words of a link label ("Read more »", "Read more:").
var linkDecorations = map[string]bool{"»": true, "›": true, ">": true, "→": true, ":": true, "…": true, "...": true}

// recirculationMaxWords bounds a "Read more: <headline>" line; a longer paragraph is copy.
const recirculationMaxWords = 20

// linkResidue recognises the "read more" rows of the shared promo pattern list, "(^|\s)read more\s*$" and
// "^read more:\s*$": seed story 000_b79788a086d97685 (spun copy published at
// https://erdembank.com/us-and-chinese-foreign-ministers-hold-first-face-to-face-talks-since-october/)
// and news-scraper cleaners on GitHub (code-index file ids 20136759823, 16335084404, 58653354841), with
// the "Read more ...." line of https://news-intech.blogspot.com/2022/04/dipomacy-to-end-russia-ukraine-war-is.html.
// It needs token context (a finished sentence before the words), so it is code rather than a row of
// data/promo_patterns.tsv.
type linkResidue struct{}

func newLinkResidue() Rule { return linkResidue{} }

func (linkResidue) Meta() Meta {
	return Meta{
		ID: "link-residue", Category: "promo", Severity: Error,
		Summary: "\"read more\" link text left at the end of a paragraph or on a line of its own",
		Doc: "Reuters and many other sites end a paragraph with a \"read more\" link to a related story, and " +
			"head a list of links with \"Read more:\". Pasted as text, the link is gone and the words are " +
			"left, as in \"... getting into conflict. read more\". The rule flags \"read more\" after a " +
			"finished sentence, a paragraph that is only \"Read more\", and a short \"Read more: <headline>\" " +
			"line, as the stop lists of news scrapers do. Deleting the words \"read more\" is a safe fix: they follow a " +
			"full stop, so they belong to no sentence and carry no meaning. Deleting a \"Read more:\" line " +
			"also deletes the headline it names, so that fix is unsafe.",
		Bad:  "The talks aim to keep relations stable. read more",
		Good: "The talks aim to keep relations stable.",
	}
}

// residueKind says what shape of link residue a block holds.
type residueKind int

const (
	residueTail          residueKind = iota + 1 // "... a finished sentence. read more"
	residueLine                                 // a paragraph that is only "Read more"
	residueRecirculation                        // "Read more: <headline>"
)

// findLinkResidue finds "read more" link text in block b: the span to delete and its shape, or kind 0.
func findLinkResidue(d *document.Document, b document.Block) (document.Span, residueKind) {
	toks := d.Tokens[b.TokenStart:b.TokenEnd]
	if len(toks) >= 3 && isReadMore(d, toks[0], toks[1]) && d.Slice(toks[2].Span) == ":" {
		if blockWordCount(d, b) > recirculationMaxWords {
			return document.Span{}, 0
		}
		if len(toks) == 3 {
			return b.Span, residueLine
		}
		return b.Span, residueRecirculation
	}
	if n := trimLinkDecorations(d, toks, true); n == 2 && isReadMore(d, toks[0], toks[1]) {
		return b.Span, residueLine
	}
	n := trimLinkDecorations(d, toks, false)
	switch {
	case n < 3 || !isReadMore(d, toks[n-2], toks[n-1]):
		return document.Span{}, 0
	case endsSentence(d, toks[:n-2]):
		return document.Span{Start: toks[n-2].Start, End: b.Span.End}, residueTail
	}
	return document.Span{}, 0
}

func (linkResidue) Check(p *Pass) {
	d := p.Doc
	for bi, b := range d.Blocks {
		span, kind := findLinkResidue(d, b)
		text := d.Slice(span)
		switch kind {
		case residueTail:
			p.Reportf(span, []Fix{deletePhraseFix(p, bi, span, "delete \""+text+"\"", true)},
				"%q after the last sentence is link text left from the web page", text)
		case residueLine:
			p.Reportf(span, []Fix{deleteBlockFix(p, bi, "delete the line", true)},
				"%q on a line of its own is link text left from the web page", text)
		case residueRecirculation:
			p.Reportf(span, []Fix{deleteBlockFix(p, bi, "delete the line", false)},
				"%q is a related-story link left from the web page, not copy", text)
		}
	}
}

// trimLinkDecorations returns how many tokens are left once the decorations at the end are dropped; on a
// line of its own ("Read more ....") full stops go too.
func trimLinkDecorations(d *document.Document, toks []document.Token, stops bool) int {
	n := len(toks)
	for n > 0 && toks[n-1].Kind == document.Punct {
		if s := d.Slice(toks[n-1].Span); !linkDecorations[s] && !(stops && s == ".") {
			break
		}
		n--
	}
	return n
}

func isReadMore(d *document.Document, a, b document.Token) bool {
	return strings.EqualFold(d.Slice(a.Span), "read") && strings.EqualFold(d.Slice(b.Span), "more")
}

// endsSentence reports whether tokens end with a sentence-final mark, perhaps followed by closing quotes
// or brackets.
func endsSentence(d *document.Document, toks []document.Token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		s := d.Slice(toks[i].Span)
		switch s {
		case ".", "!", "?", "…", "...":
			return true
		case "”", "\"", "’", "'", ")", "]", "»":
			continue
		}
		return false
	}
	return false
}
