package rules

import (
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// Wire credit lines use gerunds: "Reporting by ...; Writing by ...; Editing by ..." (style_notes.md, check
// 7). Spinners and translators turn them into participles.
var (
	participleCredit = regexp.MustCompile(`(?i)^(additional )?(written|edited|reported) by\b`)
	gerundCredit     = regexp.MustCompile(`(?i)^(additional )?(reporting|writing|editing) by\b`)
	creditGerunds    = map[string]string{"written": "writing", "edited": "editing", "reported": "reporting"}
)

type signOffForm struct{}

func newSignOffForm() Rule { return signOffForm{} }

func (signOffForm) Meta() Meta {
	return Meta{
		ID: "sign-off", Category: "style", Severity: Warning,
		Summary: "a wire sign-off credit in the wrong form (\"Written by\" for \"Writing by\")",
		Doc: "Reuters ends a story with a credit line in gerunds: \"Reporting by ...; Writing by ...; " +
			"Editing by ...\". A rewrite or a translation turns a credit into \"Written by\" or \"Edited by\". " +
			"The rule checks the credit line only, and only when it is plainly one: it has several credits or " +
			"another credit already in the gerund form. The fix writes the gerund.",
		Bad:  "Additional reporting by Ryan Woo in Beijing; Written by Ed Davies; Editing by Robert Birsel",
		Good: "Additional reporting by Ryan Woo in Beijing; Writing by Ed Davies; Editing by Robert Birsel",
	}
}

func (signOffForm) Check(p *Pass) {
	d := p.Doc
	bi := findSignOff(d)
	if bi < 0 {
		return
	}
	credits := creditsOf(d, d.Blocks[bi])
	gerunds := 0
	for _, c := range credits {
		if gerundCredit.MatchString(d.Slice(c)) {
			gerunds++
		}
	}
	if len(credits) < 2 && gerunds == 0 {
		return
	}
	for _, c := range credits {
		m := participleCredit.FindStringSubmatchIndex(d.Slice(c))
		if m == nil {
			continue
		}
		span := document.Span{Start: c.Start + m[4], End: c.Start + m[1]}
		word := d.Text[c.Start+m[4] : c.Start+m[5]]
		gerund := creditGerunds[strings.ToLower(word)]
		if startsUpper(word) {
			gerund = capitalize(gerund)
		}
		right := gerund + " by"
		p.Reportf(span, []Fix{p.ReplaceFix(span, right, "write \""+right+"\"", true)},
			"wire sign-offs credit %q, not %q", right, d.Slice(span))
	}
}

// creditsOf splits a credit line at semicolons into the spans of its credits, without the white space
// and brackets around them.
func creditsOf(d *document.Document, b document.Block) []document.Span {
	var out []document.Span
	start := b.Span.Start
	text := d.Slice(b.Span)
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ';' {
			continue
		}
		s, e := start, b.Span.Start+i
		for s < e && strings.ContainsRune(" ([", rune(d.Text[s])) {
			s++
		}
		for e > s && strings.ContainsRune(" )].", rune(d.Text[e-1])) {
			e--
		}
		if s < e {
			out = append(out, document.Span{Start: s, End: e})
		}
		start = b.Span.Start + i + 1
	}
	return out
}
