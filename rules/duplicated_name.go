package rules

import (
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

type duplicatedName struct{}

func newDuplicatedName() Rule { return duplicatedName{} }

func (duplicatedName) Meta() Meta {
	return Meta{
		ID: "duplicated-name", Category: "duplication", Severity: Error,
		Summary: "the same name on both sides of \"and\" (\"between Biden and Biden\")",
		Doc: "A rewrite or a paste that copies one name over another leaves the same person on both sides " +
			"of a coordination: \"between Biden and Biden\", \"Blinken and Blinken met\", \"Smith, Smith and " +
			"Jones\". A name is a capitalized word that is not a function word; in a heading it counts only " +
			"if the story capitalizes it elsewhere mid-sentence. The repeated name " +
			"must equal the end of the name before the coordinator (\"President Joe Biden and Biden\"), so " +
			"\"New York and New York State\", \"John Smith and John Smith Jr.\" and \"Mr. and Mrs. Smith\" " +
			"pass; \"Johnson & Johnson\" and \"Smith vs. Smith\" are not coordinations, and a name used as a " +
			"modifier (\"Trump and Trump allies\") is left alone.\n\n" +
			"When the story shows who the other person is, the fix suggests that name: the token after a " +
			"stray full stop that opens a verbless fragment (\"between Biden and Biden. Xi, their first as " +
			"leaders\" becomes \"between Biden and Xi, their first as leaders\"), or the person the story " +
			"pairs with the name elsewhere (\"President Joe Biden and Chinese President Xi Jinping\"). The " +
			"fix is unsafe: an editor must confirm the name.\n\n" +
			"A name written twice in a row (\"Biden Biden\") is reported here as a warning rather than by " +
			"repeated-word, unless it is a real doubled name (data/doubled_names.tsv: \"Walla Walla\", " +
			"\"Sirhan Sirhan\"), part of a longer name (\"Kappa Kappa Gamma\") or written doubled more than " +
			"once in the story.",
		Bad:  "He hopes for a meeting between Biden and Biden. Xi, their first as leaders.",
		Good: "He hopes for a meeting between Biden and Xi, their first as leaders.",
	}
}

func (duplicatedName) Check(p *Pass) {
	d := p.Doc
	names := knownNames(d)
	var doubles map[string]int // loaded at the first doubled name
	for _, b := range d.Blocks {
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			if isDoubledName(d, b, i, names) {
				if doubles == nil {
					doubles = countDoubles(d)
				}
				reportDoubledName(p, b, i, doubles)
				continue
			}
			if dup, ok := findCoordinatedDuplicate(d, b, i, names); ok {
				reportCoordinatedDuplicate(p, b, dup, names)
			}
		}
	}
}

// coordinatedDuplicate is a name repeated across a coordinator: left is the end of the name before it
// that the repeat matches, right the repeat.
type coordinatedDuplicate struct {
	left, right tokenRange
	joiner      string
}

// findCoordinatedDuplicate looks for the same name on both sides of the coordinator or list comma at
// token i.
func findCoordinatedDuplicate(d *document.Document, b document.Block, i int, names map[string]bool) (coordinatedDuplicate, bool) {
	joiner := d.Slice(d.Tokens[i].Span)
	if !isCoordinator(joiner) && joiner != "," {
		return coordinatedDuplicate{}, false
	}
	left := nameRunBefore(d, b, i)
	if left.empty() || i+1 >= b.TokenEnd {
		return coordinatedDuplicate{}, false
	}
	right := nameRunAfter(d, b, i+1)
	// A lone capital is a variable, a grade or an initial ("D and D"), not a name.
	if right.empty() || d.Tokens[right.start].Len() == 1 && right.end-right.start == 1 {
		return coordinatedDuplicate{}, false
	}
	start, ok := matchingSuffix(d, left, right)
	if !ok || isMeantRepeat(d, b, joiner, left, right) {
		return coordinatedDuplicate{}, false
	}
	// In a title-case heading every word is capitalized: the story must use the words as names elsewhere.
	// In body copy the repeat, capitalized mid-sentence, is a name by itself.
	if b.Kind == document.Heading {
		for _, w := range runWords(d, right) {
			if !names[w] {
				return coordinatedDuplicate{}, false
			}
		}
	}
	return coordinatedDuplicate{left: tokenRange{start, left.end}, right: right, joiner: joiner}, true
}

// isMeantRepeat reports whether a name written on both sides of joiner is written so on purpose.
func isMeantRepeat(d *document.Document, b document.Block, joiner string, left, right tokenRange) bool {
	switch {
	case isModifier(d, b, right.end): // "Trump and Trump allies"
	case isCitation(d, b, right.end): // "Smith and Smith (1922)"
	case joinsClauses(d, b, left.start, right.end): // "over Phil and Phil had to look up"
	case left.start > b.TokenStart && contrastWords[d.Slice(d.Tokens[left.start-1].Span)]: // "no Christianity and Christianity"
	case joiner == "," && !listContinues(d, b, right.end): // "New York, New York"
	default:
		return false
	}
	return true
}

func isCoordinator(w string) bool { return w == "and" || w == "or" || w == "nor" }

// contrastWords before the first name make the repeat a contrast ("between no Christianity and
// Christianity").
var contrastWords = wordSet(`no not non without`)

// clauseOpeners may stand before the subject of a clause.
var clauseOpeners = wordSet(`that when while as because after before if since though although but and said
	says where whether unless until once so`)

// pairOpeners announce a coordination of exactly two ("between Kuleba and Kuleba were"), which never
// joins two clauses.
var pairOpeners = wordSet(`between both either neither`)

// joinsClauses reports whether the coordinator between the name run starting at token first and the one
// ending before token next joins two clauses: the first name is an object ("Mike had two inches over Phil
// and Phil had to look up") and a verb follows the second. Two subjects of one verb ("Blinken and Blinken
// met") stand at a sentence start, after a comma or after a clause opener.
func joinsClauses(d *document.Document, b document.Block, first, next int) bool {
	if next >= b.TokenEnd || first == b.TokenStart || d.Tokens[first-1].Kind != document.Word {
		return false
	}
	verb := d.Slice(d.Tokens[next].Span)
	if !finiteVerbs[verb] && !strings.HasSuffix(verb, "ed") {
		return false
	}
	before := d.Slice(d.Tokens[first-1].Span)
	return !clauseOpeners[before] && !pairOpeners[before]
}

// isCitation reports whether the name before token i is an author in a reference: "Smith and Smith
// (1922)" are two authors.
func isCitation(d *document.Document, b document.Block, i int) bool {
	if i < b.TokenEnd && d.Tokens[i].Kind == document.Number {
		return true
	}
	return i+1 < b.TokenEnd && d.Slice(d.Tokens[i].Span) == "(" && d.Tokens[i+1].Kind == document.Number
}

// matchingSuffix reports whether the words of right are the last words of left, and returns the token
// where that suffix starts.
func matchingSuffix(d *document.Document, left, right tokenRange) (int, bool) {
	j := left.end
	for i := right.end - 1; i >= right.start; i-- {
		if d.Tokens[i].Kind != document.Word {
			continue
		}
		j--
		for j >= left.start && d.Tokens[j].Kind != document.Word {
			j--
		}
		if j < left.start || d.Slice(d.Tokens[j].Span) != d.Slice(d.Tokens[i].Span) {
			return 0, false
		}
	}
	return j, true
}

// isModifier reports whether the name ending before token i modifies the lower-case word that follows
// ("Trump and Trump allies"), rather than closing the phrase ("Blinken and Blinken met").
func isModifier(d *document.Document, b document.Block, i int) bool {
	if i >= b.TokenEnd || d.Tokens[i].Kind != document.Word {
		return false
	}
	w := d.Slice(d.Tokens[i].Span)
	return isLowerWord(w) && !isFunctionWord(w) && !finiteVerbs[w] && !strings.HasSuffix(w, "ed") &&
		!strings.HasSuffix(w, "ly") && !timeAdverbs[w]
}

// timeAdverbs may follow a name that closes its phrase ("a meeting between Biden and Xi soon").
var timeAdverbs = wordSet(`soon later today tonight yesterday tomorrow again together instead too first next`)

// listContinues reports whether a list of names goes on from token i to a closing "and" or "or"
// ("Smith, Smith and Jones"), so that a comma between two names is a list comma and not an apposition.
func listContinues(d *document.Document, b document.Block, i int) bool {
	for i < b.TokenEnd {
		switch d.Slice(d.Tokens[i].Span) {
		case "and", "or":
			return true
		case ",":
			i++
		default:
			run := nameRunAfter(d, b, i)
			if run.empty() {
				return false
			}
			i = run.end
		}
	}
	return false
}

func reportCoordinatedDuplicate(p *Pass, b document.Block, dup coordinatedDuplicate, names map[string]bool) {
	d := p.Doc
	name := tokensText(d, dup.right)
	span := document.Span{Start: d.Tokens[dup.left.start].Start, End: d.Tokens[dup.right.end-1].End}
	where := "on both sides of \"" + dup.joiner + "\""
	if dup.joiner == "," {
		where = "twice in a list"
	}
	f := Finding{Span: span}
	if c, ok := strayStopCounterpart(d, b, dup.right, names); ok {
		other := tokensText(d, c)
		replaced := document.Span{Start: d.Tokens[dup.right.start].Start, End: d.Tokens[c.end-1].End}
		f.Message = "\"" + name + "\" is written " + where + " and a stray full stop follows: the second name is probably \"" + other + "\""
		f.Fixes = rewordFix(p, replaced, other, "replace \""+d.Slice(replaced)+"\" with \""+other+"\"")
	} else if c, ok := pairedCounterpart(d, runWords(d, dup.right), dup); ok {
		f.Message = "\"" + name + "\" is written " + where + ": the second name is probably \"" + c.name + "\", whom the story pairs with " + name
		f.Fixes = rewordFix(p, tokenSpan(d, dup.right), c.name, "replace the second \""+name+"\" with \""+c.name+"\"")
		f.Related = []Related{p.RelatedAt(c.evidence, name+" and "+c.name+" are paired here")}
	} else {
		f.Message = "\"" + name + "\" is written " + where + ": one of them is probably another name"
	}
	p.Report(f)
}

// strayStopCounterpart returns the name after a full stop that directly follows the repeated name, when
// what it opens is a verbless fragment ("Biden and Biden. Xi, their first as leaders") or the story
// pairs it with the name elsewhere: the stop then split the sentence where the right name was lost.
func strayStopCounterpart(d *document.Document, b document.Block, right tokenRange, names map[string]bool) (tokenRange, bool) {
	stop := right.end
	if stop+1 >= b.TokenEnd || d.Slice(d.Tokens[stop].Span) != "." || d.Tokens[stop].Start != d.Tokens[stop-1].End {
		return tokenRange{}, false
	}
	next := nameRunAfter(d, b, stop+1)
	if next.empty() || tokensText(d, next) == tokensText(d, right) {
		return tokenRange{}, false
	}
	if isVerblessFragment(d, b, stop+1, names) {
		return next, true
	}
	c, ok := pairedCounterpart(d, runWords(d, right), coordinatedDuplicate{right: right})
	return next, ok && c.name == tokensText(d, next)
}

// reportDoubledName reports the name doubled at tokens i-1, i unless it is a real doubled name: listed,
// part of a longer name, a quoted title, or doubled more than once in the story (doubles counts them).
func reportDoubledName(p *Pass, b document.Block, i int, doubles map[string]int) {
	d := p.Doc
	w := d.Slice(d.Tokens[i].Span)
	if doubledNames[w+" "+w] || doubles[w] > 1 || continuesName(d, b, i) || isQuotedTitle(d, b, i) {
		return
	}
	span := document.Span{Start: d.Tokens[i-1].Start, End: d.Tokens[i].End}
	del := document.Span{Start: d.Tokens[i-1].End, End: d.Tokens[i].End}
	p.Report(Finding{
		Span: span, Severity: Warning,
		Message: "\"" + w + "\" is written twice in a row; delete one unless the name really is doubled",
		Fixes:   rewordFix(p, del, "", "delete the second \""+w+"\""),
	})
}

// continuesName reports whether the doubled word at i-1, i is part of a longer name ("Kappa Kappa
// Gamma", "Rin Tin Tin"); a title before it does not count ("President Biden Biden").
func continuesName(d *document.Document, b document.Block, i int) bool {
	if i+1 < b.TokenEnd && isNameWord(d, i+1) {
		return true
	}
	return i-2 >= b.TokenStart && isNameWord(d, i-2) && !isTitle(d.Slice(d.Tokens[i-2].Span))
}

// isQuotedTitle reports whether the doubled word at i-1, i opens a quotation, as a title does ("a sonata
// called \"Bella Bella\"").
func isQuotedTitle(d *document.Document, b document.Block, i int) bool {
	if i-2 < b.TokenStart {
		return false
	}
	switch d.Slice(d.Tokens[i-2].Span) {
	case "\"", "“", "‘", "'":
		return true
	}
	return false
}

// countDoubles counts, for each word, how often the story writes it twice in a row.
func countDoubles(d *document.Document) map[string]int {
	doubles := map[string]int{}
	for j := 1; j < len(d.Tokens); j++ {
		if w := d.Slice(d.Tokens[j].Span); d.Tokens[j].Kind == document.Word && d.Slice(d.Tokens[j-1].Span) == w {
			doubles[w]++
		}
	}
	return doubles
}

// rewordFix is an unsafe fix that replaces span with text; there is none when the span crosses markup
// ("*Biden*. Xi"), since rewriting it would break the formatting.
func rewordFix(p *Pass, span document.Span, text, message string) []Fix {
	if !p.Doc.IsVerbatim(span) {
		return nil
	}
	return []Fix{p.ReplaceFix(span, text, message, false)}
}

// tokensText returns the prose of a token range ("John F. Kennedy").
func tokensText(d *document.Document, r tokenRange) string { return d.Slice(tokenSpan(d, r)) }

func tokenSpan(d *document.Document, r tokenRange) document.Span {
	return document.Span{Start: d.Tokens[r.start].Start, End: d.Tokens[r.end-1].End}
}
