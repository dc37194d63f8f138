package rules

import (
	_ "embed"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/document"
)

// promoPatternsTSV is the list of known promo and page-chrome phrases; its header explains the columns.
//
//go:embed data/promo_patterns.tsv
var promoPatternsTSV string

// promoPattern is one row of data/promo_patterns.tsv.
type promoPattern struct {
	re *lazyRegexp
	// keywords are lower-case words one of which every match contains as a token: the regex runs only on
	// paragraphs that hold one.
	keywords []string
	maxWords int // 0: any paragraph length
	severity Severity
	kind     string
	example  string
	source   string
}

// promoPatternSet is the compiled list with an index from keyword to the patterns it may trigger, so the
// cost of a paragraph is one map lookup per token, however long the list grows.
type promoPatternSet struct {
	list      []promoPattern
	byKeyword map[string][]int
	keywords  wordFilter // of byKeyword's keys
}

var (
	promoPatternsOnce sync.Once
	promoPatternsSet  promoPatternSet
)

// promoPatterns returns the compiled pattern set. The data ships in the binary and a test parses it, so
// a malformed row is a programming error and panics.
func promoPatterns() *promoPatternSet {
	promoPatternsOnce.Do(func() {
		list, err := parsePromoPatterns(promoPatternsTSV)
		if err != nil {
			panic(err)
		}
		promoPatternsSet = promoPatternSet{list: list, byKeyword: map[string][]int{}}
		for i, pp := range list {
			for _, k := range pp.keywords {
				promoPatternsSet.byKeyword[k] = append(promoPatternsSet.byKeyword[k], i)
				promoPatternsSet.keywords.add(k)
			}
		}
	})
	return &promoPatternsSet
}

// candidates appends to out, in list order, the patterns whose keywords occur among the tokens of block
// b; lower is the document's Text lower-cased by asciiLower. mark is scratch space of the list's length,
// holding the last block index+1 each pattern was collected for.
func (ps *promoPatternSet) candidates(d *document.Document, lower string, bi int, mark []int, out []int) []int {
	b := d.Blocks[bi]
	for _, t := range d.Tokens[b.TokenStart:b.TokenEnd] {
		w := lower[t.Start:t.End]
		if !ps.keywords.mayBe(w) {
			continue
		}
		for _, i := range ps.byKeyword[w] {
			if mark[i] != bi+1 {
				mark[i] = bi + 1
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

func parsePromoPatterns(tsv string) ([]promoPattern, error) {
	var out []promoPattern
	err := eachTSVRow("promo_patterns.tsv", tsv, 8, func(f []string) error {
		expr := f[0]
		switch f[1] {
		case "regex":
		case "literal":
			expr = "(?i)" + regexp.QuoteMeta(expr)
		default:
			return fmt.Errorf("unknown match %q", f[1])
		}
		// Checked here, compiled on first use: most patterns never reach their regex in a given story, and
		// compiling the whole list would cost every fresh process milliseconds.
		if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
			return err
		}
		re := &lazyRegexp{expr: expr}
		maxWords, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("max_words: %w", err)
		}
		sev, err := ParseSeverity(f[4])
		if err != nil {
			return err
		}
		if f[2] == "" || f[2] != asciiLower(f[2]) {
			return fmt.Errorf("keyword %q is empty or not lower case", f[2])
		}
		out = append(out, promoPattern{
			re: re, keywords: strings.Split(f[2], "|"), maxWords: maxWords, severity: sev, kind: f[5], example: f[6], source: f[7],
		})
		return nil
	})
	return out, err
}

// match finds the pattern in a paragraph of the given word count.
func (pp *promoPattern) match(text string, words int) (start, end int, ok bool) {
	if pp.maxWords > 0 && words > pp.maxWords {
		return 0, 0, false
	}
	loc := pp.re.get().FindStringIndex(text)
	if loc == nil {
		return 0, 0, false
	}
	return loc[0], loc[1], true
}

// asciiLower lower-cases ASCII letters only, so byte offsets into the result are offsets into s.
func asciiLower(s string) string {
	var b strings.Builder
	from := 0 // s[from:i] is written as it is when the next capital comes
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// lazyRegexp is a regular expression compiled the first time it is used.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

func (l *lazyRegexp) String() string { return l.expr }
