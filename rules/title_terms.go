package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// titlesTSV holds the word lists of the titles family; its header explains the kinds.
//
//go:embed data/titles.tsv
var titlesTSV string

// titleTerms are the parsed lists. Words are looked up lower-cased, with hyphens read as spaces, so
// "face-to-face" and "face to face" are one entry.
type titleTerms struct {
	// group maps kind, then a word or phrase, to the index of its row among that kind's rows.
	group map[string]map[string]int
	// words filters the single words of each kind's keys, and titles is group["title"]: the people
	// scanner asks about every token of a story.
	words       map[string]*wordFilter
	titles      map[string]int
	titleFilter *wordFilter
	// canonical is the first variant of each title row, by row index ("senator" for "sen.").
	canonical []string
	// longest is the most words any phrase of a kind has, so matching tries few lengths.
	longest map[string]int
}

var (
	titleTermsOnce sync.Once
	titleTermsData *titleTerms
)

// titleWords returns the embedded lists; a test parses them, so a malformed row is a programming error.
func titleWords() *titleTerms {
	titleTermsOnce.Do(func() {
		t, err := parseTitleTerms(titlesTSV)
		if err != nil {
			panic(err)
		}
		titleTermsData = t
	})
	return titleTermsData
}

var titleKinds = map[string]bool{
	"title": true, "formal": true, "modifier": true, "country": true, "qualifier": true, "term": true, "noun": true,
}

func parseTitleTerms(tsv string) (*titleTerms, error) {
	t := &titleTerms{group: map[string]map[string]int{}, longest: map[string]int{}, words: map[string]*wordFilter{}}
	rows := map[string]int{}
	err := eachTSVRow("titles.tsv", tsv, 3, func(f []string) error {
		if !titleKinds[f[0]] {
			return fmt.Errorf("unknown kind %q", f[0])
		}
		kind := f[0]
		if t.group[kind] == nil {
			t.group[kind] = map[string]int{}
		}
		row := rows[kind]
		rows[kind]++
		variants := strings.Split(f[1], "|")
		if kind == "title" {
			t.canonical = append(t.canonical, termKey(variants[0]))
		}
		for _, v := range variants {
			k := termKey(v)
			if k == "" {
				return fmt.Errorf("empty variant")
			}
			t.group[kind][k] = row
			t.longest[kind] = max(t.longest[kind], len(strings.Fields(k)))
			if t.words[kind] == nil {
				t.words[kind] = &wordFilter{}
			}
			t.words[kind].add(k)
		}
		return nil
	})
	t.titles, t.titleFilter = t.group["title"], t.words["title"]
	return t, err
}

// hyphenReplacer reads hyphens as spaces, for termKey.
var hyphenReplacer = strings.NewReplacer("-", " ", "‑", " ")

// termKey normalises a word or phrase for lookup: lower case, hyphens and white space as single spaces.
func termKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(hyphenReplacer.Replace(s))), " ")
}

// has reports whether a word or phrase is listed under kind.
func (t *titleTerms) has(kind, s string) bool { return t.groupOf(kind, s) >= 0 }

// groupOf returns the row of kind that lists s, or -1. A single word, the common case since the people
// scanner asks about every token, is lower-cased into a stack buffer rather than normalised.
func (t *titleTerms) groupOf(kind, s string) int {
	group, words := t.titles, t.titleFilter
	if kind != "title" {
		group, words = t.group[kind], t.words[kind]
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '-' || c == 0xE2 && strings.HasPrefix(s[i:], "‑") {
			if g, ok := group[termKey(s)]; ok {
				return g
			}
			return -1
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	if words == nil || ascii && !words.mayHaveASCII(s) {
		return -1
	}
	var buf [32]byte
	if g, ok := group[string(appendLower(buf[:0], s))]; ok {
		return g
	}
	return -1
}

// hasLower reports whether the lower-case form of w is in set, without allocating.
func hasLower(set map[string]bool, w string) bool {
	var buf [32]byte
	return set[string(appendLower(buf[:0], w))]
}

// titleHead returns the canonical form of a title word ("senator" for "Sen."), or "".
func (t *titleTerms) titleHead(word string) string {
	if g := t.groupOf("title", word); g >= 0 {
		return t.canonical[g]
	}
	return ""
}
