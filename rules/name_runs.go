package rules

import (
	_ "embed"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// How the duplication rules recognise names: a capitalized word that is not a function word, in runs
// such as "Chinese President Xi Jinping" or "John F. Kennedy", and known as a name when the story
// capitalizes it somewhere other than at a sentence start.

// nameTitles are the words of a run that come before the name itself ("Foreign Minister Wang Yi"), so a
// counterpart is suggested as "Wang Yi".
var nameTitles = wordSet(`president minister secretary chancellor premier king queen prince princess emperor
	senator sen governor gov mayor judge justice general gen admiral adm colonel col captain capt lieutenant
	lt sergeant sgt mr mrs ms dr prof rev pope cardinal bishop ambassador envoy chairman chairwoman chair
	leader director commissioner representative rep spokesman spokeswoman chief coach state vice deputy
	speaker sheikh crown`)

// runAbbreviations are the short words whose attached full stop stays inside a name run ("Gov. Smith",
// "Martin Luther King Jr."), besides single initials ("John F. Kennedy").
var runAbbreviations = wordSet(`mr mrs ms dr gov sen rep gen lt col maj capt sgt adm st jr sr rev hon prof pres
	supt atty mt ft`)

// tokenRange is the half-open range [start, end) of Document.Tokens.
type tokenRange struct{ start, end int }

func (r tokenRange) empty() bool { return r.start >= r.end }

// isNameWord reports whether token i is a capitalized word other than a function word.
func isNameWord(d *document.Document, i int) bool {
	t := d.Tokens[i]
	if t.Kind != document.Word {
		return false
	}
	w := d.Slice(t.Span)
	return startsUpper(w) && !isFunctionWord(w)
}

// isRunStop reports whether token i is a full stop inside a name run: attached to an initial or an
// abbreviated title, with a name word after it.
func isRunStop(d *document.Document, b document.Block, i int) bool {
	if i <= b.TokenStart || i+1 >= b.TokenEnd || d.Slice(d.Tokens[i].Span) != "." {
		return false
	}
	prev := d.Tokens[i-1]
	if prev.End != d.Tokens[i].Start || !isNameWord(d, i-1) || !isNameWord(d, i+1) {
		return false
	}
	w := d.Slice(prev.Span)
	var buf [8]byte
	return len(w) == 1 || (len(w) < len(buf) && runAbbreviations[string(appendLower(buf[:0], w))])
}

// nameRunBefore returns the run of name words that ends just before token end.
func nameRunBefore(d *document.Document, b document.Block, end int) tokenRange {
	start := end
	for start > b.TokenStart && (isNameWord(d, start-1) || isRunStop(d, b, start-1)) {
		start--
	}
	for start < end && !isNameWord(d, start) {
		start++
	}
	return tokenRange{start, end}
}

// nameRunAfter returns the run of name words that starts at token start.
func nameRunAfter(d *document.Document, b document.Block, start int) tokenRange {
	end := start
	for end < b.TokenEnd && (isNameWord(d, end) || isRunStop(d, b, end)) {
		end++
	}
	for end > start && !isNameWord(d, end-1) {
		end--
	}
	return tokenRange{start, end}
}

// runWords returns the words of a run, without the full stops of its initials.
func runWords(d *document.Document, r tokenRange) []string {
	var out []string
	for i := r.start; i < r.end; i++ {
		if d.Tokens[i].Kind == document.Word {
			out = append(out, d.Slice(d.Tokens[i].Span))
		}
	}
	return out
}

// personName drops the titles and what stands before them from a run's words: "Chinese President Xi
// Jinping" is "Xi Jinping".
func personName(words []string) []string {
	for i := len(words) - 2; i >= 0; i-- {
		if isTitle(words[i]) {
			return words[i+1:]
		}
	}
	return words
}

// isTitle reports whether w, in any case, is one of the nameTitles.
func isTitle(w string) bool {
	var buf [16]byte
	return len(w) < len(buf) && nameTitles[string(appendLower(buf[:0], w))]
}

// knownNames collects the words a document capitalizes where no sentence starts, outside headings: the
// words it uses as names. The second copy of a doubled word is no evidence: a run-in head merged into its
// paragraph gives "Analysis Analysis means ...".
//
// Three rules ask; the walk runs once per document and they share the map, which they must not modify.
func knownNames(d *document.Document) map[string]bool {
	return memoized(d, memoKnownNames, scanKnownNames)
}

// scanKnownNames is knownNames without the memo.
func scanKnownNames(d *document.Document) map[string]bool {
	names := map[string]bool{}
	for _, b := range d.Blocks {
		if b.Kind == document.Heading {
			continue
		}
		// One walk over tokens and sentences together: a sentence's first word is the first word token
		// at or after its start.
		si, opened := 0, false
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			t := d.Tokens[i]
			for si < len(b.Sentences) && b.Sentences[si].End <= t.Start {
				si, opened = si+1, false
			}
			if t.Kind == document.Punct {
				continue
			}
			first := !opened
			opened = true
			w := d.Slice(t.Span)
			if !first && isNameWord(d, i) && d.Slice(d.Tokens[i-1].Span) != w {
				names[w] = true
			}
		}
	}
	return names
}

//go:embed data/doubled_names.tsv
var doubledNamesTSV string

// doubledNames are names that really are one word twice ("Walla Walla"), from data/doubled_names.tsv.
var doubledNames = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(doubledNamesTSV, "\n") {
		if name, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			m[name] = true
		}
	}
	return m
}()

// isDoubledName reports whether tokens i-1 and i are the same name written twice ("Biden Biden"): equal
// name words with only white space between, known as a name or not at a sentence start. The
// duplicated-name rule reports such a pair; repeated-word leaves it alone.
func isDoubledName(d *document.Document, b document.Block, i int, names map[string]bool) bool {
	if i <= b.TokenStart {
		return false
	}
	// Equal text first: it rules out almost every pair at once.
	prev, cur := d.Tokens[i-1], d.Tokens[i]
	w := d.Slice(cur.Span)
	if d.Slice(prev.Span) != w || !isNameWord(d, i-1) || !isNameWord(d, i) || strings.TrimSpace(d.Text[prev.End:cur.Start]) != "" {
		return false
	}
	return names[w] || (b.Kind != document.Heading && !startsSentence(d, b, i-1))
}
