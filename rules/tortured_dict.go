package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/copydesk/copydesk/internal/phrase"
)

// The phrase lists; README.md in data/ gives their sources and licence, and each row names its own.
var (
	//go:embed data/tortured_phrases.tsv
	torturedPhrasesTSV string
	//go:embed data/news_swaps.tsv
	newsSwapsTSV string
)

// gapWords is how many words "..." in a phrase stands for, at most ("escape harsh US-led sanctions").
const gapWords = 3

// tortured is one dictionary entry.
type tortured struct {
	phrase   string // as listed, for messages
	expected string
	// head is matched through the phrase index; tail, when set, must follow within gapWords words.
	head, tail []string
	// replacement is what the fix writes over the head, "" when the expected phrase is a description
	// ("fog/mist/cloud computing", "see ...") rather than copy.
	replacement string
	severity    Severity
	context     []contextClause
	why         string
}

// contextClause holds when one of its alternatives occurs in the story, or, negated, when none does.
type contextClause struct {
	not  bool
	alts [][]string // each alternative as words; a final word ending in "*" matches any ending
}

type torturedDict struct {
	entries []tortured
	index   *phrase.Matcher // phrase id -> entries index
}

var (
	torturedOnce sync.Once
	torturedData torturedDict
)

// torturedDictionary returns the parsed lists. They ship in the binary and a test parses them, so a
// malformed row is a programming error and panics.
func torturedDictionary() *torturedDict {
	torturedOnce.Do(func() {
		d, err := parseTortured(map[string]string{
			"tortured_phrases.tsv": torturedPhrasesTSV,
			"news_swaps.tsv":       newsSwapsTSV,
		})
		if err != nil {
			panic(err)
		}
		torturedData = d
	})
	return &torturedData
}

func parseTortured(files map[string]string) (torturedDict, error) {
	d := torturedDict{index: phrase.New()}
	for _, name := range []string{"news_swaps.tsv", "tortured_phrases.tsv"} {
		header := true
		for n, line := range strings.Split(files[name], "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if header {
				header = false
				continue
			}
			e, err := parseTorturedRow(line)
			if err != nil {
				return d, fmt.Errorf("%s:%d: %w", name, n+1, err)
			}
			if _, err := d.index.Add(e.head); err != nil {
				return d, fmt.Errorf("%s:%d: %w", name, n+1, err)
			}
			d.entries = append(d.entries, e)
		}
	}
	return d, nil
}

// parseTorturedRow reads the columns tortured, expected, severity, context, source, notes.
func parseTorturedRow(line string) (tortured, error) {
	f := strings.Split(line, "\t")
	if len(f) != 6 {
		return tortured{}, fmt.Errorf("want 6 tab-separated fields, got %d", len(f))
	}
	sev, err := ParseSeverity(f[2])
	if err != nil {
		return tortured{}, err
	}
	if f[4] == "" {
		return tortured{}, fmt.Errorf("%q has no source", f[0])
	}
	e := tortured{phrase: f[0], expected: f[1], severity: sev, why: whyTortured(f[4], f[5])}
	headText, tailText, gapped := strings.Cut(f[0], "...")
	e.head = phraseWords(headText)
	if gapped {
		e.tail = phraseWords(tailText)
		if len(e.tail) == 0 {
			return tortured{}, fmt.Errorf("%q: nothing after \"...\"", f[0])
		}
		expHead, _, ok := strings.Cut(f[1], "...")
		if !ok {
			return tortured{}, fmt.Errorf("%q: the expected phrase needs the same \"...\"", f[0])
		}
		e.replacement = strings.TrimSpace(expHead)
	} else {
		e.replacement = replacementText(f[1])
	}
	if len(e.head) == 0 {
		return tortured{}, fmt.Errorf("%q has no words", f[0])
	}
	if f[3] != "" {
		for _, c := range strings.Split(f[3], " & ") {
			clause := contextClause{}
			c, clause.not = strings.CutPrefix(c, "!")
			for _, alt := range strings.Split(c, " | ") {
				clause.alts = append(clause.alts, strings.Fields(alt))
			}
			e.context = append(e.context, clause)
		}
	}
	return e, nil
}

// phraseWords splits a listed phrase into words as the document tokenizer does, dropping the
// punctuation around them ("hazard ratio (RR)" is hazard, ratio, RR) and a full stop after a word unless
// it is an initialism ("U.N.").
func phraseWords(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("'’-‑.", r)
	})
	out := words[:0]
	for _, w := range words {
		if trimmed, ok := strings.CutSuffix(w, "."); ok && !strings.Contains(trimmed, ".") {
			w = trimmed
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// replacementText returns the expected phrase as copy for a fix: a trailing "(abbreviation)" is dropped,
// and a phrase that explains rather than replaces gives "".
func replacementText(expected string) string {
	if i := strings.LastIndex(expected, " ("); i > 0 && strings.HasSuffix(expected, ")") {
		expected = expected[:i]
	}
	if strings.ContainsAny(expected, "()[]/?;") || strings.Contains(expected, "...") ||
		strings.Contains(expected, "see ") || strings.Contains(expected, " OR ") || strings.Contains(expected, "->") {
		return ""
	}
	return strings.TrimSpace(expected)
}

// whyTortured is the reason given in a message: the list's own note for news swaps, the list's name for
// the paper-mill phrases.
func whyTortured(source, notes string) string {
	if strings.HasPrefix(source, "copydesk news-desk list") {
		return notes
	}
	return "a known tortured phrase from the Problematic Paper Screener list"
}

// holds reports whether the entry's context is met by the story's words.
func (e *tortured) holds(words []string, cache map[string]bool) bool {
	for _, c := range e.context {
		found := false
		for _, alt := range c.alts {
			if occurs(words, alt, cache) {
				found = true
				break
			}
		}
		if found == c.not {
			return false
		}
	}
	return true
}

// occurs reports whether term appears as consecutive words, remembering the answer for the story.
func occurs(words, term []string, cache map[string]bool) bool {
	key := strings.Join(term, " ")
	if v, ok := cache[key]; ok {
		return v
	}
	found := false
	for i := 0; i+len(term) <= len(words) && !found; i++ {
		found = wordsAt(words, i, term)
	}
	cache[key] = found
	return found
}

// wordsAt reports whether words[i:] starts with term; a term word ending in "*" matches by prefix.
func wordsAt(words []string, i int, term []string) bool {
	if i+len(term) > len(words) {
		return false
	}
	for k, t := range term {
		w := words[i+k]
		if prefix, ok := strings.CutSuffix(t, "*"); ok {
			if len(w) < len(prefix) || !phrase.EqualWord(w[:len(prefix)], prefix) {
				return false
			}
		} else if !phrase.EqualWord(w, t) {
			return false
		}
	}
	return true
}
