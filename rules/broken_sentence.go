package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

type brokenSentence struct{}

func newBrokenSentence() Rule { return brokenSentence{} }

func (brokenSentence) Meta() Meta {
	return Meta{
		ID: "broken-sentence", Category: "duplication", Severity: Warning,
		Summary: "a stray full stop splits a sentence (\"between Biden and Biden. Xi, their first as leaders\")",
		Doc: "Pasting, spinning and careless cuts leave full stops in the middle of sentences. Two signs are " +
			"checked, only between two sentences of the same paragraph:\n\n" +
			"- the sentence before the stop ends on a word that cannot end one: a coordinator or an article " +
			"(\"talks between Biden and. Xi said\");\n" +
			"- the sentence after the stop is a fragment: it opens with a name that the story also uses " +
			"mid-sentence, then a comma, and has no finite verb (\"Xi, their first as leaders, possibly on " +
			"the sidelines of a G20 summit.\"). It needs six words after the comma, or three when the stop " +
			"also follows a name (\"Biden. Xi,\"): short verbless sentences are a matter of style.\n\n" +
			"The verb test is a heuristic: a lower-case word counts as a finite verb when it is an auxiliary " +
			"or one of about 280 frequent verb forms (\"is\", \"said\", \"met\", \"rode\") not after an " +
			"article, a contraction (\"isn't\", \"they're\"), any content word after a subject pronoun " +
			"(\"we wonder\"), or a word ending in -ed, or in -s right after a name or an -ly adverb, that " +
			"does not follow a determiner or preposition (\"their leaders\" is a noun phrase, \"Smith, " +
			"now heads\" has a verb). It leans towards seeing a verb, so the rule stays quiet when unsure. " +
			"Headings, list items and table cells are skipped, as are fragments with a semicolon, colon, " +
			"question or exclamation mark, lists (\"Mantle, Maris and Cerv\", \"Robbins, and Ludwig\"), photo " +
			"captions (\"Smith, left, ...\"), stops after an abbreviated name (\"James McN. Hester\") and " +
			"after a sentence of one or two words (datelines, run-in heads), and stops after a closing quote " +
			"or bracket.\n\n" +
			"After a dangling word the fix, unsafe, joins the two sentences. A fragment gets no fix: it needs " +
			"an editor, and where a name was also duplicated before the stop (\"Biden and Biden. Xi,\") the " +
			"duplicated-name fix mends both.",
		Bad:  "Officials expect Xi in Bali. Biden hopes to meet him there. Xi, their first meeting as leaders, possibly in November.",
		Good: "Officials expect Xi in Bali. Biden hopes to meet Xi there, their first meeting as leaders, possibly in November.",
	}
}

// sentenceCutWords cannot end a sentence: a stop after one of them cut the sentence short.
var sentenceCutWords = wordSet(`and or nor the a an`)

// captionWords after a name and a comma mark a photo caption ("Smith, left, and Jones"), which has no verb
// by convention.
var captionWords = wordSet(`left right center centre top bottom above below foreground background pictured`)

// minWordsBeforeBreak is the shortest sentence before a stop that the rule trusts: anything shorter may
// be a dateline or a run-in head.
const minWordsBeforeBreak = 3

func (brokenSentence) Check(p *Pass) {
	d := p.Doc
	var names map[string]bool // loaded at the first sentence break worth a look
	for _, b := range d.Blocks {
		if b.Kind == document.Heading || b.Kind == document.ListItem || b.Kind == document.TableCell {
			continue
		}
		for si := 1; si < len(b.Sentences); si++ {
			i := firstTokenOf(d, b, b.Sentences[si].Start)
			prevStart := firstTokenOf(d, b, b.Sentences[si-1].Start)
			if i < prevStart+2 || i >= b.TokenEnd || !endsOnBareStop(d, i-1) || wordCount(d, prevStart, i) < minWordsBeforeBreak {
				continue
			}
			if isShortenedName(d.Slice(d.Tokens[i-2].Span)) {
				continue
			}
			if names == nil {
				names = knownNames(d)
			}
			switch {
			case sentenceCutWords[d.Slice(d.Tokens[i-2].Span)]:
				reportDanglingEnd(p, i)
			case isVerblessFragment(d, b, i, names):
				reportFragment(p, b, i, names)
			}
		}
	}
}

// isShortenedName reports whether w is an abbreviated name, whose full stop ends no sentence: a word with
// lower-case letters but no lower-case vowel ("James McN. Hester", "Wm. Smith").
func isShortenedName(w string) bool {
	return strings.ContainsFunc(w, unicode.IsLower) && !strings.ContainsAny(w, "aeiouy")
}

// firstTokenOf returns the first token of block b at or after the Text offset off.
func firstTokenOf(d *document.Document, b document.Block, off int) int {
	return b.TokenStart + sort.Search(b.TokenEnd-b.TokenStart, func(k int) bool { return d.Tokens[b.TokenStart+k].Start >= off })
}

// endsOnBareStop reports whether token i is a full stop right after a word, with no closing quote or
// bracket: a quotation or a parenthesis may end on anything.
func endsOnBareStop(d *document.Document, i int) bool {
	return d.Slice(d.Tokens[i].Span) == "." && d.Tokens[i-1].Kind == document.Word && d.Tokens[i-1].End == d.Tokens[i].Start
}

func wordCount(d *document.Document, from, to int) int {
	n := 0
	for _, t := range d.Tokens[from:to] {
		if t.Kind == document.Word {
			n++
		}
	}
	return n
}

// sentenceEnd returns the token after the last one of the sentence of block b that holds token i.
func sentenceEnd(d *document.Document, b document.Block, i int) int {
	off := d.Tokens[i].Start
	k := sort.Search(len(b.Sentences), func(k int) bool { return b.Sentences[k].End > off })
	if k == len(b.Sentences) {
		return b.TokenEnd
	}
	return firstTokenOf(d, b, b.Sentences[k].End)
}

// Fragments shorter than this many words after the comma are taken for style ("Mme Vienot, considerably
// younger and very different."), unless the sentence before the stop ends on a name: "Biden. Xi, their
// first as leaders." splits one coordination.
const (
	minFragmentWords     = 6
	minFragmentAfterName = 3
)

// isVerblessFragment reports whether the sentence starting at token i reads as the tail of the sentence
// before it: a name the story uses elsewhere and a comma, enough words after them, no finite verb, and
// none of the marks of a list or a caption.
func isVerblessFragment(d *document.Document, b document.Block, i int, names map[string]bool) bool {
	name := nameRunAfter(d, b, i)
	end := sentenceEnd(d, b, i)
	comma := name.end
	if name.empty() || !names[d.Slice(d.Tokens[i].Span)] || comma+1 >= end || d.Slice(d.Tokens[comma].Span) != "," {
		return false
	}
	minWords := minFragmentWords
	if i >= 2 && isNameWord(d, i-2) {
		minWords = minFragmentAfterName
	}
	if wordCount(d, comma, end) < minWords {
		return false
	}
	// "Smith, left, and Jones", "Mantle, Maris and Cerv share", "Smith, and Jones": a caption or a list.
	if w := d.Slice(d.Tokens[comma+1].Span); captionWords[w] || isCoordinator(w) || isNameWord(d, comma+1) {
		return false
	}
	for _, t := range d.Tokens[comma:end] {
		if s := d.Slice(t.Span); s == ";" || s == ":" || s == "?" || s == "!" {
			return false
		}
	}
	return !hasFiniteVerb(d, comma, end)
}

func reportFragment(p *Pass, b document.Block, i int, names map[string]bool) {
	d := p.Doc
	end := sentenceEnd(d, b, i)
	comma := nameRunAfter(d, b, i).end
	// The span runs from the word before the stop to the end of the fragment's first phrase.
	last := comma + 1
	for last+1 < end && d.Tokens[last+1].Kind != document.Punct {
		last++
	}
	span := document.Span{Start: d.Tokens[i-2].Start, End: d.Tokens[last].End}
	before, after := d.Slice(d.Tokens[i-2].Span), d.Slice(document.Span{Start: d.Tokens[i].Start, End: d.Tokens[last].End})
	msg := "stray full stop after \"" + before + "\": \"" + after + " …\" has no verb and reads as the rest " +
		"of the sentence before it"
	if closesDuplicatedName(d, b, i-2, names) {
		msg += "; see duplicated-name for the fix"
	}
	p.Report(Finding{Span: span, Message: msg})
}

// closesDuplicatedName reports whether token last ends the repeat of a duplicated name ("Biden and
// Biden").
func closesDuplicatedName(d *document.Document, b document.Block, last int, names map[string]bool) bool {
	run := nameRunBefore(d, b, last+1)
	if run.empty() || run.start == b.TokenStart {
		return false
	}
	dup, ok := findCoordinatedDuplicate(d, b, run.start-1, names)
	return ok && dup.right.end == last+1
}

func reportDanglingEnd(p *Pass, i int) {
	d := p.Doc
	last, next := d.Slice(d.Tokens[i-2].Span), d.Slice(d.Tokens[i].Span)
	if isFunctionWord(next) && next != "I" {
		r, n := utf8.DecodeRuneInString(next)
		next = string(unicode.ToLower(r)) + next[n:]
	}
	p.Report(Finding{
		Span:    document.Span{Start: d.Tokens[i-2].Start, End: d.Tokens[i].End},
		Message: "the sentence ends on \"" + last + "\": a stray full stop seems to split it",
		Fixes:   []Fix{joinFix(p, i, next)},
	})
}

// joinFix deletes the full stop before token i and writes the token as next, joining the two sentences.
func joinFix(p *Pass, i int, next string) Fix {
	d := p.Doc
	span := document.Span{Start: d.Tokens[i-2].End, End: d.Tokens[i].End}
	return p.ReplaceFix(span, " "+next, "join the sentences: \""+d.Slice(d.Tokens[i-2].Span)+" "+next+"\"", false)
}
