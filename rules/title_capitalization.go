package rules

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// descriptiveLeads before a title make it a description rather than a formal title ("the club's
// president John Smith", "a senator"), which AP and Reuters leave lowercase.
var descriptiveLeads = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"my": true, "your": true, "whose": true, "this": true, "that": true, "as": true,
}

// descriptiveLead reports whether the word before a lowercase title makes it a description: an article
// or possessive, or an organisation's name ("Continental president Robert Six"); a country does not
// ("US secretary of state Antony Blinken" is still the formal title).
func descriptiveLead(w string) bool {
	return hasLower(descriptiveLeads, w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") ||
		(startsUpper(w) && !titleWords().has("country", w))
}

// titleSmallWords stay lowercase inside a capitalized title ("Secretary of State").
var titleSmallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true}

type titleCapitalization struct{}

func newTitleCapitalization() Rule { return titleCapitalization{} }

func (titleCapitalization) Meta() Meta {
	return Meta{
		ID: "title-capitalization", Category: "titles", Severity: Warning,
		Summary: "a formal title before a name in lowercase, or \"Former\" capitalized before one",
		Doc: "AP and Reuters capitalize a formal title directly before a name (\"Secretary of State Antony " +
			"Blinken\", \"German Chancellor Angela Merkel\") and keep modifiers such as former, acting and " +
			"interim lowercase (\"former President Jimmy Carter\"). Occupational descriptions (\"astronaut " +
			"Neil Armstrong\") and titles after an article or a possessive (\"the club's president John " +
			"Smith\") stay lowercase and are not reported. Only titles on the rule's short list of formal " +
			"offices are checked. The fix changes the capitals.",
		Bad:  "He met secretary of state Antony Blinken and Former President Barack Obama.",
		Good: "He met Secretary of State Antony Blinken and former President Barack Obama.",
	}
}

func (titleCapitalization) Check(p *Pass) {
	d := p.Doc
	t := titleWords()
	for _, m := range findPeople(d) {
		if m.Title == nil {
			continue
		}
		core := d.Slice(m.Title.Core)
		if !startsUpper(core) && t.has("formal", core) && !descriptiveLead(wordBefore(d, m.Title.Span.Start)) {
			right := capitalizeTitle(core)
			p.Reportf(m.Title.Core, []Fix{p.ReplaceFix(m.Title.Core, right, "write \""+right+"\"", false)},
				"a formal title directly before a name is capitalized: %q, not %q", right, core)
		}
		if mod := m.Title.Modifier; mod.Len() > 0 && startsUpper(d.Slice(mod)) && !startsSentence(d, d.Blocks[d.BlockOf(mod.Start)], tokenBefore(d, mod.End)) {
			w := d.Slice(mod)
			right := strings.ToLower(w)
			p.Report(Finding{Span: mod, Severity: Info,
				Message: "\"" + right + "\" before a title stays lowercase: \"" + right + " " + d.Slice(m.Title.Core) + "\"",
				Fixes:   []Fix{p.ReplaceFix(mod, right, "write \""+right+"\"", false)}})
		}
	}
}

// capitalizeTitle capitalizes each word of a title except small words ("secretary of state" ->
// "Secretary of State").
func capitalizeTitle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && titleSmallWords[w] {
			continue
		}
		words[i] = capitalize(w)
	}
	return strings.Join(words, " ")
}

// tokenBefore returns the index of the last token that ends at or before off, or -1.
func tokenBefore(d *document.Document, off int) int {
	return sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > off }) - 1
}

// wordBefore returns the word token just before off in the same block, or "" when a punctuation mark or
// the block's start comes first.
func wordBefore(d *document.Document, off int) string {
	i := tokenBefore(d, off)
	if i < 0 || d.Tokens[i].Kind != document.Word || d.BlockOf(d.Tokens[i].Start) != d.BlockOf(off) {
		return ""
	}
	return d.Slice(d.Tokens[i].Span)
}
