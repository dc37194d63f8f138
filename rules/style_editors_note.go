package rules

import (
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// An editor's note in brackets: "(This story has been refiled to fix a typo in paragraph 3)" or the
// Reuters short form "(Corrects paragraph 5 to show ...)". Group 1 is the verb, group 2 what follows it.
var (
	editorsNoteLong  = regexp.MustCompile(`^\(\s*(?:This|The) (?:story|article|report|item|version of (?:this|the) (?:story|article))\s+(?:has been|was|is being)\s+([\w-]+)(.*?)[\s.]*\)$`)
	editorsNoteShort = regexp.MustCompile(`^\(\s*(Refiles|Corrects|Updates|Repeats)\b(.*?)[\s.]*\)$`)
)

// The Reuters Handbook names two classes of change a note may announce besides a kill: CORRECTED and
// REFILE (style_notes.md, "Quotes and corrections"). noteVerbFixes maps misspellings of "refiled" to it;
// editorsNoteOtherVerbs are plain English verbs a wire note does not use. Spinner words such as
// "re-archived" belong to the translation rules and are not repeated here.
var (
	noteVerbFixes         = map[string]string{"re-filed": "refiled", "refilled": "refiled", "re-filled": "refiled"}
	editorsNoteOtherVerbs = map[string]bool{
		"edited": true, "revised": true, "modified": true, "changed": true,
		"fixed": true, "amended": true, "altered": true, "reissued": true,
	}
)

type editorsNote struct{}

func newEditorsNote() Rule { return editorsNote{} }

func (editorsNote) Meta() Meta {
	return Meta{
		ID: "editors-note", Category: "style", Severity: Warning,
		Summary: "an editor's note that does not say what was changed, or calls the change something " +
			"other than \"refiled\" or \"corrected\"",
		Doc: "The Reuters Handbook classes a change to a published story as a correction (CORRECTED) or a " +
			"refile for minor errors (REFILE), and every such item must say what was changed and where. The " +
			"rule reads bracketed notes such as \"(This story has been refiled to fix a typo in paragraph " +
			"3)\" and \"(Corrects paragraph 5 to show ...)\": a note that stops after the verb is a warning; " +
			"a note that says \"edited\", \"amended\" or the like is reported as information, with fixes to " +
			"\"refiled\" (a minor error) or \"corrected\" (a factual one) for an editor to choose.",
		Bad:  "(This story has been refiled)",
		Good: "(This story has been refiled to fix a typo in paragraph 3)",
	}
}

func (editorsNote) Check(p *Pass) {
	d := p.Doc
	for _, b := range d.Blocks {
		text := d.Slice(b.Span)
		if !strings.HasPrefix(text, "(") {
			continue
		}
		m := editorsNoteLong.FindStringSubmatchIndex(text)
		if m == nil {
			m = editorsNoteShort.FindStringSubmatchIndex(text)
		}
		if m == nil {
			continue
		}
		verb := document.Span{Start: b.Span.Start + m[2], End: b.Span.Start + m[3]}
		if strings.TrimSpace(text[m[4]:m[5]]) == "" {
			p.Reportf(b.Span, nil, "the editor's note does not say what was changed and where")
		}
		checkNoteVerb(p, verb)
	}
}

func checkNoteVerb(p *Pass, verb document.Span) {
	w := p.Doc.Slice(verb)
	lower := strings.ToLower(w)
	if right, ok := noteVerbFixes[lower]; ok {
		p.Reportf(verb, []Fix{p.ReplaceFix(verb, right, "write \""+right+"\"", true)},
			"an editor's note says %q, not %q", right, w)
		return
	}
	if editorsNoteOtherVerbs[lower] {
		p.Report(Finding{Span: verb, Severity: Info,
			Message: "an editor's note says \"refiled\" (a minor error) or \"corrected\" (a factual one), not \"" + w + "\"",
			Fixes: []Fix{
				p.ReplaceFix(verb, "refiled", "write \"refiled\" (a minor error)", false),
				p.ReplaceFix(verb, "corrected", "write \"corrected\" (a factual error)", false),
			}})
	}
}
