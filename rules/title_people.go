package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// personMention is one place where a story names a person with a title before the name ("Chinese
// Foreign Minister Wang Yi") or with a descriptor set off by a comma ("Daniel Russel, a top US diplomat
// for East Asia," or "The top US diplomat for East Asia, Daniel Kritenbrink,"). The extractor is a
// pattern matcher, not a parser: it finds the forms news copy uses for first references.
type personMention struct {
	Span document.Span // the whole mention, title or descriptor included
	Name document.Span
	// names are the words of the name, lower-cased, without a possessive or "Jr.", for matching another
	// mention of the same person.
	names []string
	Title *personTitle // nil when the name has no title before it
	// Desc is a descriptor without its article ("top US diplomat for East Asia"); empty when none.
	Desc     document.Span
	Definite bool // the descriptor came with "the"
	// Scoped is set when a time phrase follows the descriptor ("the top U.S. diplomat for East Asia under
	// former President Barack Obama"): it names a past holder of the post.
	Scoped bool
}

// personTitle is the title before a name, split into its parts.
type personTitle struct {
	Span     document.Span // from the modifier or country to the end of the title
	Modifier document.Span // "former", "acting"; empty when none
	Country  document.Span // "US", "Chinese"; empty when none
	// Core is the title proper: qualifiers, head and an "of" phrase ("Foreign Minister", "Secretary of State").
	Core       document.Span
	Head       string   // canonical head word ("senator" for "Sen.")
	Qualifiers []string // lower-cased words between the country and the head ("foreign")
}

// samePerson reports whether two mentions name the same person: the words of the shorter name are all in
// the longer ("Wang" and "Wang Yi"; "Biden" and "Joe Biden").
func (m personMention) samePerson(o personMention) bool {
	short, long := m.names, o.names
	if len(short) > len(long) {
		short, long = long, short
	}
	for _, w := range short {
		found := false
		for _, x := range long {
			found = found || w == x
		}
		if !found {
			return false
		}
	}
	return len(short) > 0
}

// nameStops are capitalized words that start a sentence or a date rather than a name.
var nameStops = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"in": true, "on": true, "at": true, "but": true, "and": true, "or": true, "if": true, "when": true, "this": true,
	"that": true, "his": true, "her": true, "their": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"said": true, "says": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "of": true, "for": true, "to": true,
}

// relationalWords make a descriptor relative to someone else ("the engagement of their daughter"), so it
// says nothing about a post two people could share.
var relationalWords = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true}

// descriptorStops end a descriptor: a relative clause, a verb of attribution or a time phrase follows.
var descriptorStops = map[string]bool{
	"who": true, "which": true, "that": true, "whose": true, "said": true, "says": true, "told": true,
	"under": true, "since": true, "when": true, "where": true, "while": true, "and": true, "was": true,
	"is": true, "has": true, "had": true, "will": true, "would": true, "until": true, "from": true,
	"during": true, "between": true,
}

// timeScopes are the descriptor stops that open a time phrase.
var timeScopes = map[string]bool{"under": true, "until": true, "since": true, "from": true, "during": true, "between": true}

// nameSuffixes follow a name without being part of what another mention of the person repeats.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true}

const (
	maxNameWords       = 4
	maxQualifiers      = 3
	maxDescriptorWords = 10
)

// findPeople returns the people a story names with a title or a descriptor, in text order. Four rules
// ask; the scan runs once per document and they share its result, which they must not modify.
func findPeople(d *document.Document) []personMention {
	return memoized(d, memoPeople, scanPeople)
}

// scanPeople is findPeople without the memo.
func scanPeople(d *document.Document) []personMention {
	var out []personMention
	for _, b := range d.Blocks {
		s := peopleScanner{d: d, t: titleWords(), toks: d.Tokens[b.TokenStart:b.TokenEnd]}
		out = s.scan(out)
	}
	return out
}

// peopleScanner reads one block's tokens.
type peopleScanner struct {
	d    *document.Document
	t    *titleTerms
	toks []document.Token
	// floor is the token after the last mention found: a title read backwards (qualifiers, a country)
	// stops there, so two mentions never overlap ("President Chinese President Xi").
	floor int
}

func (s *peopleScanner) word(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != document.Word {
		return ""
	}
	return s.d.Slice(s.toks[i].Span)
}

func (s *peopleScanner) punct(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != document.Punct {
		return ""
	}
	return s.d.Slice(s.toks[i].Span)
}

func (s *peopleScanner) span(from, to int) document.Span {
	return document.Span{Start: s.toks[from].Start, End: s.toks[to].End}
}

func (s *peopleScanner) scan(out []personMention) []personMention {
	for i := 0; i < len(s.toks); i++ {
		// Most tokens are not a title, which titled would find out after building an empty mention.
		if h, _ := s.head(i); h != "" {
			if m, next, ok := s.titled(i); ok {
				out = append(out, m)
				s.floor = next
				i = next - 1
				continue
			}
		}
		if s.punct(i) == "," {
			if m, ok := s.nameThenDescriptor(i); ok {
				out = append(out, m)
			}
			continue
		}
		if strings.EqualFold(s.word(i), "the") {
			if m, next, ok := s.descriptorThenName(i); ok {
				out = append(out, m)
				s.floor = next
				i = next - 1
			}
		}
	}
	return out
}

// head returns the canonical title at token i and the index after it; "Sen." is a word and a full stop.
func (s *peopleScanner) head(i int) (string, int) {
	w := s.word(i)
	if w == "" {
		return "", i
	}
	if s.punct(i+1) == "." && s.toks[i+1].Start == s.toks[i].End {
		// The word and its full stop, as one string without building it ("Sen.").
		if h := s.t.titleHead(s.d.Text[s.toks[i].Start:s.toks[i+1].End]); h != "" {
			return h, i + 2
		}
	}
	return s.t.titleHead(w), i + 1
}

// name reads a name of up to maxNameWords capitalized words, with initials, starting at i. It returns
// the index after the name, or i when there is none.
func (s *peopleScanner) name(i int) int {
	j, words := i, 0
	for words < maxNameWords {
		w := s.word(j)
		if w == "" || !startsUpper(w) || hasLower(nameStops, w) || s.t.titleHead(w) != "" {
			break
		}
		j++
		words++
		if utf8.RuneCountInString(w) == 1 && s.punct(j) == "." {
			j++ // an initial's full stop
		}
	}
	return j
}

// nameWords returns the words of the name in tokens [from, to), for samePerson.
func (s *peopleScanner) nameWords(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		w := strings.ToLower(s.word(i))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w != "" && !nameSuffixes[w] {
			out = append(out, w)
		}
	}
	return out
}

// titled reads "[modifier] [country] [qualifiers] head [of X] Name" with the head at i.
func (s *peopleScanner) titled(i int) (personMention, int, bool) {
	head, after := s.head(i)
	if head == "" {
		return personMention{}, 0, false
	}
	coreEnd := after
	nameStart := after
	if s.word(after) == "of" {
		// "Secretary of State Antony Blinken", "Minister of Foreign Affairs Wang Yi": names are usually
		// two words, so the object of "of" takes what a two-word name leaves.
		object := s.word(after + 1)
		if object == "" {
			return personMention{}, 0, false
		}
		objectLen := 1
		if startsUpper(object) {
			objectLen = max(1, s.name(after+1)-(after+1)-2)
		}
		coreEnd = after + 1 + objectLen
		nameStart = coreEnd
	}
	nameEnd := s.name(nameStart)
	if nameEnd == nameStart {
		return personMention{}, 0, false
	}
	capital := startsUpper(s.word(i))
	start := i
	var quals []string
	for p := i - 1; p >= s.floor && len(quals) < maxQualifiers && s.isQualifier(p, capital); p-- {
		quals = append([]string{strings.ToLower(s.word(p))}, quals...)
		start = p
	}
	t := &personTitle{Head: head, Qualifiers: quals, Core: s.span(start, coreEnd-1)}
	if c := s.countryBefore(start); c < start && c >= s.floor {
		t.Country = s.span(c, start-1)
		start = c
	}
	if start > s.floor && s.t.has("modifier", s.word(start-1)) {
		start--
		t.Modifier = s.toks[start].Span
	}
	t.Span = s.span(start, coreEnd-1)
	m := personMention{
		Span: s.span(start, nameEnd-1), Name: s.span(nameStart, nameEnd-1),
		names: s.nameWords(nameStart, nameEnd), Title: t,
	}
	return m, nameEnd, true
}

// isQualifier reports whether the word at p belongs to the title that follows it: for a capitalized title
// any capitalized word that is not a country, modifier or sentence opener ("Foreign", "Superior Court");
// for a lower-case one only listed qualifiers ("international minister").
func (s *peopleScanner) isQualifier(p int, capital bool) bool {
	w := s.word(p)
	if w == "" || s.t.has("country", w) || s.t.has("modifier", w) || hasLower(nameStops, w) {
		return false
	}
	if capital {
		return startsUpper(w)
	}
	return !startsUpper(w) && s.t.has("qualifier", w)
}

// countryBefore returns the first token of a country name or adjective ending just before i ("US",
// "United States"), or i when there is none.
func (s *peopleScanner) countryBefore(i int) int {
	for n := 2; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		words := make([]string, 0, n)
		for p := i - n; p < i; p++ {
			words = append(words, s.word(p))
		}
		phrase := strings.Join(words, " ")
		if startsUpper(phrase) && s.t.has("country", phrase) {
			return i - n
		}
	}
	return i
}

// nameThenDescriptor reads "Name, a|an|the descriptor" around the comma at i.
func (s *peopleScanner) nameThenDescriptor(comma int) (personMention, bool) {
	start := comma
	for start > 0 && comma-start < maxNameWords && s.nameWord(start-1) {
		start--
	}
	if comma-start < 2 || s.nameWord(start-1) {
		return personMention{}, false
	}
	article := strings.ToLower(s.word(comma + 1))
	if article != "a" && article != "an" && article != "the" {
		return personMention{}, false
	}
	descEnd, ok := s.descriptor(comma + 2)
	if !ok {
		return personMention{}, false
	}
	return personMention{
		Span: s.span(start, descEnd-1), Name: s.span(start, comma-1), names: s.nameWords(start, comma),
		Desc: s.span(comma+2, descEnd-1), Definite: article == "the", Scoped: hasLower(timeScopes, s.word(descEnd)),
	}, true
}

// nameWord reports whether token i can be part of a name written without a title.
func (s *peopleScanner) nameWord(i int) bool {
	w := s.word(i)
	return w != "" && startsUpper(w) && !hasLower(nameStops, w) && s.t.titleHead(w) == "" && !s.t.has("country", w)
}

// descriptor reads descriptor words from i up to a comma, a full stop or a descriptor stop; it needs a
// lower-case word (the noun that describes the person) and returns the index after the last word.
func (s *peopleScanner) descriptor(i int) (int, bool) {
	j, lower := i, false
	for ; j < len(s.toks) && j-i < maxDescriptorWords; j++ {
		w := s.word(j)
		if w == "" || hasLower(descriptorStops, w) {
			break
		}
		if hasLower(relationalWords, w) {
			return j, false
		}
		lower = lower || !startsUpper(w)
	}
	return j, j > i && lower && (j == len(s.toks) || s.word(j) == "" || hasLower(descriptorStops, s.word(j)))
}

// descriptorThenName reads "the descriptor, Name" starting at "the" at i.
func (s *peopleScanner) descriptorThenName(the int) (personMention, int, bool) {
	// The descriptor must run, all words, to a comma within maxDescriptorWords: look for the comma before
	// reading the words ("the" opens many phrases, few of them this one).
	comma := the + 1
	for comma < len(s.toks) && comma-(the+1) <= maxDescriptorWords && s.toks[comma].Kind == document.Word {
		comma++
	}
	if comma == the+1 || comma-(the+1) > maxDescriptorWords || s.punct(comma) != "," {
		return personMention{}, 0, false
	}
	descEnd, ok := s.descriptor(the + 1)
	if !ok || s.punct(descEnd) != "," {
		return personMention{}, 0, false
	}
	nameStart := descEnd + 1
	nameEnd := nameStart
	for nameEnd < len(s.toks) && nameEnd-nameStart < maxNameWords && s.nameWord(nameEnd) {
		nameEnd++
	}
	if nameEnd-nameStart < 2 || s.nameWord(nameEnd) {
		return personMention{}, 0, false
	}
	return personMention{
		Span: s.span(the, nameEnd-1), Name: s.span(nameStart, nameEnd-1), names: s.nameWords(nameStart, nameEnd),
		Desc: s.span(the+1, descEnd-1), Definite: true,
	}, nameEnd, true
}
