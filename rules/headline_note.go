package rules

import (
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// noteHeadlineClaim finds what an editor's note says the headline now shows: "to edit the headline to
// show X", "(Corrects headline to read X)", or a quoted "(Corrects headline to 'X')". Group 1 is the verb,
// when there is one; group 2 is X up to a clause that names the old wording or the place.
var noteHeadlineClaim = regexp.MustCompile(`(?i)\bheadline,?\s+to\s+(?:(show|read|say|include|add|state|mention)\s+)?(.+?)(?:\s+(?:from|instead of|rather than|not|in paragraph)\b.*)?[\s.]*\)?$`)

// claimFillers are words of a claim that need not appear in the headline.
var claimFillers = map[string]bool{
	"a": true, "an": true, "the": true, "that": true, "of": true, "in": true, "on": true, "to": true,
	"and": true, "for": true, "with": true, "is": true, "are": true, "was": true, "were": true, "it": true,
	"instead": true, "headline": true,
}

type noteHeadline struct{}

func newNoteHeadline() Rule { return noteHeadline{} }

func (noteHeadline) Meta() Meta {
	return Meta{
		ID: "note-headline-mismatch", Category: "titles", Severity: Error,
		Summary: "an editor's note says the headline shows words the headline does not have",
		Doc: "The Reuters Handbook requires every refile and correction to say what was changed and where " +
			"(style_notes.md). A note such as \"(This story has been refiled to edit the headline to show " +
			"in-person talks)\" is a promise to the reader; when the headline above it says something else, " +
			"either the note or the headline was rewritten on its own, as spinning tools do. The rule " +
			"compares the words the note claims with the headline and reports the ones the headline lacks.",
		Bad:  "Ministers hold first face-to-face talks\n\n...\n\n(This story has been refiled to edit the headline to show personal conversations first)",
		Good: "Ministers hold first face-to-face talks\n\n...\n\n(This story has been refiled to edit the headline to show face-to-face talks first)",
	}
}

func (noteHeadline) Check(p *Pass) {
	d := p.Doc
	hb, ok := d.HeadlineBlock()
	if !ok {
		return
	}
	inHeadline := map[string]bool{}
	for _, t := range d.Tokens[hb.TokenStart:hb.TokenEnd] {
		if t.Kind == document.Word {
			inHeadline[claimWordKey(d.Slice(t.Span))] = true
		}
	}
	for _, n := range editorsNoteBlocks(d) {
		b := d.Blocks[n]
		text := d.Slice(b.Span)
		m := noteHeadlineClaim.FindStringSubmatchIndex(text)
		if m == nil || (m[2] < 0 && strings.IndexAny(text[m[4]:], "\"“‘'") != 0) {
			continue
		}
		claim := document.Span{Start: b.Span.Start + m[4], End: b.Span.Start + m[5]}
		missing, ok := missingClaimWords(d, b, claim, inHeadline)
		if !ok {
			continue
		}
		p.Report(Finding{
			Span: missing,
			Message: "the editor's note says the headline shows \"" + d.Slice(missing) + "\", but the headline says \"" +
				d.Slice(hb.Span) + "\"",
			Related: []Related{p.RelatedAt(hb.Span, "the headline")},
		})
	}
}

// missingClaimWords returns the span from the first to the last word of the claim that the headline lacks.
func missingClaimWords(d *document.Document, b document.Block, claim document.Span, inHeadline map[string]bool) (document.Span, bool) {
	var out document.Span
	for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
		if t.Kind != document.Word || t.Start < claim.Start || t.End > claim.End {
			continue
		}
		key := claimWordKey(d.Slice(t.Span))
		if claimFillers[key] || inHeadline[key] {
			continue
		}
		if out.Len() == 0 {
			out.Start = t.Start
		}
		out.End = t.End
	}
	return out, out.Len() > 0
}

// claimWordKey compares words loosely: case, a possessive and a plural "s" do not count.
func claimWordKey(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) > 3 {
		w = strings.TrimSuffix(w, "s")
	}
	return w
}
