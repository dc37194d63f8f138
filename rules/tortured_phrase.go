package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/phrase"
)

type torturedPhrase struct{}

func newTorturedPhrase() Rule { return torturedPhrase{} }

func (torturedPhrase) Meta() Meta {
	return Meta{
		ID: "tortured-phrase", Category: "translation", Severity: Warning,
		Summary: "a known spinner or machine-translation swap of a fixed phrase (\"counterfeit consciousness\")",
		Doc: "Paraphrasing tools (\"spinners\") and careless machine translation swap the words of fixed " +
			"expressions for synonyms: \"counterfeit consciousness\" for \"artificial intelligence\", a " +
			"\"no borders\" partnership for a \"no limits\" one, a \"re-archived\" story for a refiled one. " +
			"The rule looks the story's words up in a built-in list of such swaps: the tortured phrases " +
			"collected by the Problematic Paper Screener (Cabanac, Labbé and Magazinov, CC BY 4.0) and a " +
			"news-desk list. Quotation marks inside a phrase do not hide it. Phrases that are also plain " +
			"English are only reported when their subject turns up elsewhere in the story, and at a lower " +
			"severity. The fix writes the expected phrase, but it is never applied unasked: the swap may " +
			"also have changed what a quote says, so check the source.",
		Bad:  "Beijing and Moscow announced a “no borders” partnership.",
		Good: "Beijing and Moscow announced a “no limits” partnership.",
	}
}

func (torturedPhrase) warm() { torturedDictionary() }

func (torturedPhrase) Check(p *Pass) { checkTortured(p, torturedDictionary()) }

// checkTortured reports the entries of d found in the story.
func checkTortured(p *Pass, d *torturedDict) {
	buf := storyWordsPool.Get().(*storyWords)
	sw := appendStoryWords(*buf, p.Doc)
	defer func() {
		clear(sw.words) // let the document go
		*buf = sw
		storyWordsPool.Put(buf)
	}()
	var cache map[string]bool // context terms looked up so far; most stories need none
	// The dictionary adds phrases in entry order, so a phrase id is an index into entries.
	d.index.Scan(sw.words, func(id, start, n int) int {
		e := d.entry(id)
		end := start + n
		if e.tail != nil {
			if end = tailEnd(sw.words, end, e.tail); end < 0 {
				return 0
			}
		}
		if cache == nil {
			cache = map[string]bool{}
		}
		if !e.holds(sw.words, cache) {
			return 0
		}
		reportTortured(p, e, sw, start, start+n, end)
		return end - start
	})
}

// tailEnd looks for tail one to gapWords words after from, within the same run of words, and returns the
// index just past it, or -1.
func tailEnd(words []string, from int, tail []string) int {
	for at := from + 1; at <= from+gapWords && at < len(words); at++ {
		if words[at-1] == "" {
			return -1
		}
		if wordsAt(words, at, tail) {
			return at + len(tail)
		}
	}
	return -1
}

// textEdit is a replacement in Document.Text, turned into a source edit only at the end.
type textEdit struct {
	span document.Span
	text string
}

// reportTortured reports words [start, end) of the story, whose first headEnd-start words are the
// entry's head: the words the fix rewrites.
func reportTortured(p *Pass, e *tortured, sw storyWords, start, headEnd, end int) {
	toks := p.Doc.Tokens
	span := includeOpeningQuote(p.Doc, document.Span{Start: toks[sw.tokens[start]].Start, End: toks[sw.tokens[end-1]].End})
	shown := p.Doc.Slice(span)
	var edits []textEdit
	if e.replacement != "" {
		edits = headEdits(p.Doc, sw, start, headEnd, e.replacement)
	}
	suggested := e.expected
	if len(edits) > 0 {
		suggested = applyTextEdits(p.Doc.Text, span, edits)
	}
	f := Finding{
		Span:     span,
		Severity: e.severity,
		Message:  fmt.Sprintf("%q looks like a machine-translation or spinner swap of %q: %s", shown, suggested, e.why),
	}
	if len(edits) > 0 {
		fix := Fix{Message: fmt.Sprintf("replace with %q", suggested)}
		for _, te := range edits {
			fix.Edits = append(fix.Edits, p.Replace(te.span, te.text))
		}
		f.Fixes = []Fix{fix}
	}
	p.Report(f)
}

// headEdits rewrites the head words [start, end) as replacement. When both have as many words, each
// changed word is replaced on its own, so quotation marks and markup between them stay put.
func headEdits(doc *document.Document, sw storyWords, start, end int, replacement string) []textEdit {
	toks := doc.Tokens
	rep := strings.Fields(replacement)
	if len(rep) != end-start {
		span := document.Span{Start: toks[sw.tokens[start]].Start, End: toks[sw.tokens[end-1]].End}
		return []textEdit{{span, matchInitialCase(doc.Slice(span), replacement)}}
	}
	var edits []textEdit
	for k, r := range rep {
		w := sw.words[start+k]
		if !phrase.EqualWord(w, r) {
			edits = append(edits, textEdit{toks[sw.tokens[start+k]].Span, matchInitialCase(w, r)})
		}
	}
	return edits
}

// matchInitialCase capitalises the replacement when the words it replaces start with a capital, as at
// the start of a sentence; a replacement that is capitalised already (a proper name) stays so.
func matchInitialCase(orig, rep string) string {
	o, _ := utf8.DecodeRuneInString(orig)
	r, size := utf8.DecodeRuneInString(rep)
	if unicode.IsUpper(o) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + rep[size:]
	}
	return rep
}

// applyTextEdits returns the text of span with edits, which lie inside it in order, applied.
func applyTextEdits(text string, span document.Span, edits []textEdit) string {
	var b strings.Builder
	at := span.Start
	for _, te := range edits {
		b.WriteString(text[at:te.span.Start])
		b.WriteString(te.text)
		at = te.span.End
	}
	b.WriteString(text[at:span.End])
	return b.String()
}

// includeOpeningQuote widens a span that holds a closing double quote but not its opening one to the
// opening quote just before it, so “no borders” partnership is shown whole.
func includeOpeningQuote(doc *document.Document, span document.Span) document.Span {
	text := doc.Slice(span)
	before := strings.TrimRightFunc(doc.Text[:span.Start], unicode.IsSpace)
	switch {
	case strings.Contains(text, "”") && !strings.Contains(text, "“") && strings.HasSuffix(before, "“"):
		span.Start = len(before) - len("“")
	case strings.Count(text, `"`)%2 == 1 && strings.HasSuffix(before, `"`):
		span.Start = len(before) - 1
	}
	return span
}
