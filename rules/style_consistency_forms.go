package rules

import (
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// variantUse is one place where the story writes something that has several accepted forms.
type variantUse struct {
	group   int // index into styleVariantGroups
	form    int // index into the group's forms
	span    document.Span
	matched string
	capital bool // a capital is expected here (sentence start)
}

// variantGroup is a set of forms a story should not mix: "U.S." and "US", "toward" and "towards".
type variantGroup struct {
	// what names the things counted when the forms are descriptions ("percentages", written "in
	// figures" or "in words") rather than spellings; empty for spellings.
	what     string
	forms    []string
	severity Severity
	// caseSensitive word forms are abbreviations: "US" is not "us".
	caseSensitive bool
	// rewrite returns the text that writes use in form to; ok is false when there is none.
	rewrite func(use variantUse, forms []string, to int) (text string, ok bool)
}

// Reuters writes U.S. and U.N. in text and allows US in headlines (style_notes.md, Reuters Handbook "A";
// AP headline style): headlines are left out of the count.
var styleVariantGroups = []variantGroup{
	usGroup: {forms: []string{"U.S.", "US"}, severity: Warning, caseSensitive: true, rewrite: rewriteAbbreviation},
	{forms: []string{"U.N.", "UN"}, severity: Warning, caseSensitive: true, rewrite: rewriteAbbreviation},
	{forms: []string{"toward", "towards"}, severity: Info, rewrite: rewriteWord},
	{forms: []string{"afterward", "afterwards"}, severity: Info, rewrite: rewriteWord},
	{forms: []string{"OK", "okay"}, severity: Info, rewrite: rewriteWord},
	percentSigns:   {forms: []string{"%", "percent", "per cent"}, severity: Warning, rewrite: rewritePercentSign},
	percentNumbers: {what: "percentages", forms: []string{"in figures", "in words"}, severity: Info, rewrite: rewritePercentNumber},
}

// Indexes of the groups the code names: the one the "us" option sets, and the two that findPercentages
// fills. The groups before percentSigns are word groups.
const (
	usGroup        = 0
	percentSigns   = 5
	percentNumbers = 6
)

// variantWord locates a word form: its group and form index.
type variantWord struct{ group, form int }

// variantWords indexes the word groups' forms by their lower-case spelling, for one lookup per word.
var variantWords = func() map[string][]variantWord {
	m := map[string][]variantWord{}
	for gi, g := range styleVariantGroups[:percentSigns] {
		for fi, f := range g.forms {
			k := strings.ToLower(f)
			m[k] = append(m[k], variantWord{gi, fi})
		}
	}
	return m
}()

// variantFilter is a wordFilter of variantWords' keys.
var variantFilter = func() (f wordFilter) {
	for k := range variantWords {
		f.add(k)
	}
	return f
}()

// findWordVariants reports each word of block bi that is a form of a word group, whole or as part of a
// compound ("US-led"), without a possessive ending.
func findWordVariants(d *document.Document, bi int, emit func(variantUse)) {
	b := d.Blocks[bi]
	var key []byte
	for ti := b.TokenStart; ti < b.TokenEnd; ti++ {
		t := d.Tokens[ti]
		if t.Kind != document.Word {
			continue
		}
		word := trimPossessive(d.Slice(t.Span))
		if variantFilter.skipWord(word) {
			continue // neither the word nor a part of it is a form
		}
		lookup := func(start, end int) bool {
			w := word[start:end]
			if !variantFilter.mayHave(w) {
				return false
			}
			key = appendLower(key[:0], w)
			for _, v := range variantWords[string(key)] {
				g := styleVariantGroups[v.group]
				if g.caseSensitive && (w != g.forms[v.form] || inCapitalsRun(d, b, ti)) {
					continue
				}
				emit(variantUse{group: v.group, form: v.form, matched: w, capital: startsSentence(d, b, ti),
					span: document.Span{Start: t.Start + start, End: t.Start + end}})
				return true
			}
			return false
		}
		if !lookup(0, len(word)) {
			forEachHyphenPart(word, func(start, end int) { lookup(start, end) })
		}
	}
}

// rewriteAbbreviation writes the other form as it is: abbreviations keep their case.
func rewriteAbbreviation(_ variantUse, forms []string, to int) (string, bool) { return forms[to], true }

// rewriteWord writes the other form in the case of the copy ("Towards" → "Toward").
func rewriteWord(u variantUse, forms []string, to int) (string, bool) {
	return casedLike(u.matched, forms[u.form], forms[to], u.capital), true
}

// inCapitalsRun reports whether a neighbouring word of token ti is also in capitals, as in "CONTACT US".
func inCapitalsRun(d *document.Document, b document.Block, ti int) bool {
	for _, j := range [2]int{ti - 1, ti + 1} {
		if j >= b.TokenStart && j < b.TokenEnd && d.Tokens[j].Kind == document.Word {
			if w := d.Slice(d.Tokens[j].Span); isAllCaps(w) && !strings.Contains(w, ".") {
				return true
			}
		}
	}
	return false
}

// findPercentages reports, for each percentage in block bi, its percent form ("%", "percent", "per
// cent"; the span runs from the end of the number to the end of the sign, so a fix can add or drop the
// space) and whether its number is in figures or words. A spelled-out number that starts a sentence is
// required there, so no number is counted at a sentence start.
func findPercentages(d *document.Document, bi int, emit func(variantUse)) {
	b := d.Blocks[bi]
	for ti := b.TokenStart; ti < b.TokenEnd; ti++ {
		form, last, ok := percentAfter(d, b, ti)
		if !ok {
			continue
		}
		num := d.Tokens[ti]
		words := num.Kind == document.Word
		if _, isWord := numberWordValue(d.Slice(num.Span)); num.Kind != document.Number && !(words && isWord) {
			continue
		}
		sign := document.Span{Start: num.End, End: d.Tokens[last].End}
		emit(variantUse{group: percentSigns, form: form, span: sign, matched: d.Slice(sign)})
		if !startsSentence(d, b, ti) {
			emit(variantUse{group: percentNumbers, form: boolIndex(words), span: num.Span, matched: d.Slice(num.Span)})
		}
	}
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// percentAfter reads a percent sign or word right after token ti: the form (0 "%", 1 "percent", 2 "per
// cent") and the index of its last token; ok is false when none follows.
func percentAfter(d *document.Document, b document.Block, ti int) (form, last int, ok bool) {
	// No letter of "percent", "per" or "cent" has a case-fold partner outside ASCII, so a word of another
	// length cannot equal them and EqualFold need not run for it.
	word := func(j int, w string) bool {
		return j < b.TokenEnd && d.Tokens[j].Kind == document.Word && d.Tokens[j].Len() == len(w) &&
			strings.EqualFold(d.Slice(d.Tokens[j].Span), w)
	}
	switch {
	case ti+1 < b.TokenEnd && d.Slice(d.Tokens[ti+1].Span) == "%":
		return 0, ti + 1, true
	case word(ti+1, "percent"):
		return 1, ti + 1, true
	case word(ti+1, "per") && word(ti+2, "cent"):
		return 2, ti + 2, true
	}
	return 0, 0, false
}

func rewritePercentSign(_ variantUse, forms []string, to int) (string, bool) {
	if to == 0 {
		return "%", true
	}
	return " " + forms[to], true
}

func rewritePercentNumber(u variantUse, _ []string, to int) (string, bool) {
	if to == 0 {
		n, ok := numberWordValue(u.matched)
		return strconv.Itoa(n), ok
	}
	n, ok := digitValue(u.matched)
	if !ok {
		return "", false
	}
	return numberWords(n)
}
