package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// titleCaseSmallWords stay lowercase inside a title-case headline: articles, conjunctions and
// prepositions of three letters or fewer (AP headline style).
var titleCaseSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true, "for": true,
	"yet": true, "so": true, "as": true, "at": true, "by": true, "in": true, "of": true, "off": true,
	"on": true, "per": true, "to": true, "up": true, "via": true, "vs": true,
}

type headlineCase struct {
	title bool // house style is title case rather than sentence case
}

func newHeadlineCase() Rule { return &headlineCase{} }

func (*headlineCase) Meta() Meta {
	return Meta{
		ID: "headline-case", Category: "titles", Severity: Warning,
		Summary: "headline capitals that do not follow the house style (sentence case by default, or title case)",
		Doc: "Reuters and AP write headlines in sentence case: a capital on the first word and on proper " +
			"nouns only. The rule learns the story's proper nouns from its body (words capitalized in the " +
			"middle of a sentence) and reports headline words capitalized although the body writes them in " +
			"lowercase, and a lowercase first word. With style: title it reports instead lowercase words " +
			"that title case capitalizes (all but articles, conjunctions and prepositions of three letters " +
			"or fewer) and short words it lowercases. The fix, to be read, changes the capitals.",
		Bad:     "US and Chinese Ministers Hold First Talks\n\nThe ministers held their first talks on Saturday ...",
		Good:    "US and Chinese ministers hold first talks\n\nThe ministers held their first talks on Saturday ...",
		Options: map[string]string{"style": "sentence (default) or title"},
	}
}

func (h *headlineCase) Configure(opts Options) error {
	if err := opts.CheckKeys(h.Meta().Options); err != nil {
		return err
	}
	style, err := opts.String("style", "sentence")
	if err != nil {
		return err
	}
	if style != "sentence" && style != "title" {
		return fmt.Errorf("option \"style\": want sentence or title, got %q", style)
	}
	h.title = style == "title"
	return nil
}

// caseChange is one headline word and the capitals it should have.
type caseChange struct {
	span  document.Span
	right string
}

func (h *headlineCase) Check(p *Pass) {
	d := p.Doc
	hb, ok := d.HeadlineBlock()
	if !ok {
		return
	}
	var changes []caseChange
	if h.title {
		changes = titleCaseChanges(d, hb)
	} else {
		changes = sentenceCaseChanges(d, hb, bodyCapitals(d), isTitleCase(d, hb))
	}
	if len(changes) == 0 {
		return
	}
	var words []string
	edits := make([]TextEdit, 0, len(changes))
	for _, c := range changes {
		words = append(words, fmt.Sprintf("%q → %q", d.Slice(c.span), c.right))
		edits = append(edits, p.Replace(c.span, c.right))
	}
	style := "sentence case"
	if h.title {
		style = "title case"
	}
	p.Report(Finding{
		Span:    document.Span{Start: changes[0].span.Start, End: changes[len(changes)-1].span.End},
		Message: "the house writes headlines in " + style + ": " + strings.Join(words, ", "),
		Fixes:   []Fix{{Message: "change the capitals", Edits: edits}},
	})
}

// headlineWords calls fn for each word of the headline, saying whether it is the first word and whether
// it follows a colon, an opening quote or a sentence's end, where either case can be right.
func headlineWords(d *document.Document, hb document.Block, fn func(t document.Token, w string, first, free bool)) {
	first, free := true, false
	for _, t := range d.Tokens[hb.TokenStart:hb.TokenEnd] {
		w := d.Slice(t.Span)
		switch t.Kind {
		case document.Punct:
			free = free || strings.ContainsAny(w, ":;.!?“‘\"'")
			continue
		case document.Word:
			fn(t, w, first, free)
		}
		first, free = false, false
	}
}

// bodyCapitals returns, for the body's words, whether each is written with a capital in mid-sentence
// (true: a proper noun) or only in lowercase (false); words seen only at sentence starts are absent.
func bodyCapitals(d *document.Document) map[string]bool {
	out := map[string]bool{}
	for bi, b := range d.Blocks {
		if bi == d.Headline {
			continue
		}
		si, seenIn := 0, -1 // the sentence of the current token, and the last one a word was seen in
		for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
			for si < len(b.Sentences)-1 && t.Start >= b.Sentences[si].End {
				si++
			}
			if t.Kind != document.Word {
				continue
			}
			if seenIn == si {
				w := d.Slice(t.Span)
				key := strings.ToLower(w)
				out[key] = out[key] || startsUpper(w)
			}
			seenIn = si
		}
	}
	return out
}

// sentenceCaseChanges lists headline words capitalized although the body keeps them lowercase, and a
// lowercase first word. In a headline written in title case, words the body does not use ("Hold" beside
// "held") are lowercased too, once the body shows that some capitals are not proper nouns; names of
// countries and their peoples keep their capitals.
func sentenceCaseChanges(d *document.Document, hb document.Block, proper map[string]bool, titleCased bool) []caseChange {
	var out, unknown []caseChange
	t := titleWords()
	headlineWords(d, hb, func(tok document.Token, w string, first, free bool) {
		switch {
		case first && !startsUpper(w) && !hasInnerCapital(w) && unicode.IsLetter([]rune(w)[0]):
			out = append(out, caseChange{tok.Span, capitalize(w)})
		case !first && !free && startsUpper(w) && !isAllCaps(w) && !hasInnerCapital(w):
			lower := caseChange{tok.Span, lowerFirst(w)}
			capital, seen := proper[strings.ToLower(w)]
			switch {
			case seen && !capital:
				out = append(out, lower)
			case !seen && titleCased && !t.has("country", w):
				unknown = append(unknown, lower)
			}
		}
	})
	if len(out) == 0 {
		return nil
	}
	out = append(out, unknown...)
	sort.Slice(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// titleCaseChanges lists headline words whose capitals break title case.
func titleCaseChanges(d *document.Document, hb document.Block) []caseChange {
	var out []caseChange
	last := lastWordToken(d, hb)
	headlineWords(d, hb, func(t document.Token, w string, first, free bool) {
		small := titleCaseSmallWords[strings.ToLower(w)] && !first && !free && t.Start != last
		switch {
		case small && startsUpper(w) && !isAllCaps(w):
			out = append(out, caseChange{t.Span, strings.ToLower(w)})
		case !small && !startsUpper(w) && !hasInnerCapital(w) && unicode.IsLetter([]rune(w)[0]):
			out = append(out, caseChange{t.Span, capitalize(w)})
		}
	})
	return out
}

func lastWordToken(d *document.Document, b document.Block) int {
	for i := b.TokenEnd - 1; i >= b.TokenStart; i-- {
		if d.Tokens[i].Kind == document.Word {
			return d.Tokens[i].Start
		}
	}
	return -1
}

// lowerFirst lowercases the first letter of each hyphenated part of a word, leaving initialisms
// ("Face-To-Face" -> "face-to-face", "US-Led" -> "US-led").
func lowerFirst(w string) string {
	parts := strings.Split(w, "-")
	for i, part := range parts {
		if !isAllCaps(part) || utf8.RuneCountInString(part) < 2 {
			r, n := utf8.DecodeRuneInString(part)
			parts[i] = string(unicode.ToLower(r)) + part[n:]
		}
	}
	return strings.Join(parts, "-")
}

// hasInnerCapital spots brand and name spellings whose capitals are their own ("iPhone", "McDonald"); a
// capital that starts a hyphenated part ("Face-To-Face") is not one.
func hasInnerCapital(w string) bool {
	for _, part := range strings.Split(w, "-") {
		for i, r := range part {
			if i > 0 && unicode.IsUpper(r) && !isAllCaps(part) {
				return true
			}
		}
	}
	return false
}
