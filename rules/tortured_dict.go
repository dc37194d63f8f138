package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

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

// torturedDict is the phrase index over the dictionary rows. Start-up only indexes the phrase column:
// the rest of a row (expected phrase, severity, context, source) is parsed the first time the phrase turns
// up in a story, so a fresh process does not pay for parsing thousands of rows, and their long source
// attributions, that the story never uses.
type torturedDict struct {
	rows   []string                   // the TSV row of each entry, by phrase id (slices of the embedded text)
	where  []rowPos                   // file and line of each row, for errors
	parsed []atomic.Pointer[tortured] // each row once parsed
	index  *phrase.Matcher            // phrase id -> row index
}

type rowPos struct {
	file string
	line int
}

func (p rowPos) String() string { return fmt.Sprintf("%s:%d", p.file, p.line) }

var (
	torturedOnce sync.Once
	torturedData torturedDict
)

// torturedDictionary returns the indexed lists. They ship in the binary and a test parses every row, so a
// malformed row is a programming error and panics.
func torturedDictionary() *torturedDict {
	torturedOnce.Do(func() {
		d, err := parseTortured(torturedFiles())
		if err != nil {
			panic(err)
		}
		torturedData = d
	})
	return &torturedData
}

// torturedFiles maps the embedded dictionary files to their contents.
func torturedFiles() map[string]string {
	return map[string]string{
		"tortured_phrases.tsv": torturedPhrasesTSV,
		"news_swaps.tsv":       newsSwapsTSV,
	}
}

// parseTortured indexes the phrase column of the lists; entry parses the rest of a row when needed, and
// check parses every row.
func parseTortured(files map[string]string) (torturedDict, error) {
	rows := strings.Count(files["news_swaps.tsv"], "\n") + strings.Count(files["tortured_phrases.tsv"], "\n")
	d := torturedDict{index: phrase.NewSize(rows), rows: make([]string, 0, rows), where: make([]rowPos, 0, rows)}
	arena := make([]string, 0, 3*rows) // the words of every phrase, in one allocation
	for _, name := range []string{"news_swaps.tsv", "tortured_phrases.tsv"} {
		header := true
		text := files[name]
		for n := 1; text != ""; n++ {
			line, rest, _ := strings.Cut(text, "\n")
			text = rest
			if line == "" || line[0] == '#' {
				continue
			}
			if header {
				header = false
				continue
			}
			tortured, _, _ := strings.Cut(line, "\t")
			headText, _, _ := strings.Cut(tortured, "...")
			n0 := len(arena)
			arena = appendPhraseWords(arena, headText)
			head := arena[n0:len(arena):len(arena)]
			if len(head) == 0 {
				return d, fmt.Errorf("%s:%d: %q has no words", name, n, tortured)
			}
			if _, err := d.index.Add(head); err != nil {
				return d, fmt.Errorf("%s:%d: %w", name, n, err)
			}
			d.rows = append(d.rows, line)
			d.where = append(d.where, rowPos{name, n})
		}
	}
	d.parsed = make([]atomic.Pointer[tortured], len(d.rows))
	return d, nil
}

// entry returns the parsed row of phrase id, parsing it on first use.
func (d *torturedDict) entry(id int) *tortured {
	if e := d.parsed[id].Load(); e != nil {
		return e
	}
	e, err := parseTorturedRow(d.rows[id])
	if err != nil {
		panic(fmt.Errorf("%s: %w", d.where[id], err))
	}
	d.parsed[id].Store(&e)
	return &e
}

// check parses every row, reporting the first malformed one.
func (d *torturedDict) check() error {
	for id, row := range d.rows {
		if _, err := parseTorturedRow(row); err != nil {
			return fmt.Errorf("%s: %w", d.where[id], err)
		}
	}
	return nil
}

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
func phraseWords(s string) []string { return appendPhraseWords(nil, s) }

// appendPhraseWords appends the words of s to dst, as phraseWords splits them.
func appendPhraseWords(dst []string, s string) []string {
	for i := 0; i < len(s); {
		start := i
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !phraseByte(c) {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' && r != '‑' {
				break
			}
			i += size
		}
		if w := s[start:i]; w != "" {
			if trimmed, ok := strings.CutSuffix(w, "."); ok && !strings.Contains(trimmed, ".") {
				w = trimmed
			}
			if w != "" {
				dst = append(dst, w)
			}
		}
		if i < len(s) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return dst
}

// phraseByte reports whether an ASCII byte belongs to a listed phrase's word.
func phraseByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '-' || c == '.'
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
