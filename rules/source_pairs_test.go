package rules

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// sourceRuleIDs are the rules of the source family.
var sourceRuleIDs = []string{"quote-integrity", "source-rewrite", "source-fact", "source-attribution"}

// pairFinding is one row of a pair's expected.tsv: a rule, a line and the flagged text. A text ending in
// "…" matches any flagged text it begins (a whole-sentence finding).
type pairFinding struct {
	rule string
	line int
	text string
	// known marks a known miss (the rule column starts with "?"): counted in recall, not asserted.
	known bool
}

func (f pairFinding) matches(g pairFinding) bool {
	if f.rule != g.rule || f.line != g.line {
		return false
	}
	if prefix, ok := strings.CutSuffix(f.text, "…"); ok && !strings.HasSuffix(prefix, " ") && strings.HasPrefix(g.text, prefix) && len(g.text) > len(prefix)+3 {
		return true
	}
	return f.text == g.text
}

func readExpected(t *testing.T, path string) []pairFinding {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pairFinding
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("%s: bad row %q", path, line)
		}
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			t.Fatalf("%s: bad line number in %q", path, line)
		}
		rule, known := strings.CutPrefix(cols[0], "?")
		out = append(out, pairFinding{rule, n, cols[2], known})
	}
	return out
}

// loadPair parses a pair's draft and its sources (source.txt, and any source-*.txt beside it).
func loadPair(t *testing.T, dir string) (*document.Document, []*document.Document) {
	t.Helper()
	read := func(path string) *document.Document {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return document.ParseText(filepath.Base(path), src)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "source*.txt"))
	if len(paths) == 0 {
		t.Fatalf("%s: no source.txt", dir)
	}
	var sources []*document.Document
	for _, p := range paths {
		sources = append(sources, read(p))
	}
	return read(filepath.Join(dir, "draft.txt")), sources
}

// TestSourcePairs runs the source rules on every pair in testdata/against and asserts that each expected
// difference is found and nothing else is reported; it logs precision and recall over all pairs.
func TestSourcePairs(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/against/*")
	if len(dirs) == 0 {
		t.Fatal("no pairs in testdata/against")
	}
	e, err := NewEngine(nil, sourceRuleIDs)
	if err != nil {
		t.Fatal(err)
	}
	tp, fp, fn := 0, 0, 0
	for _, dir := range dirs {
		draft, sources := loadPair(t, dir)
		want := readExpected(t, filepath.Join(dir, "expected.tsv"))
		found := make([]bool, len(want))
		var rows []string
		for _, d := range e.Run(draft, sources...) {
			g := pairFinding{rule: d.Rule, line: draft.Position(d.Start).Line, text: string(draft.Source[d.Start:d.End])}
			rows = append(rows, fmt.Sprintf("%s\t%d\t%s\t%s", g.rule, g.line, g.text, d.Message))
			hit := false
			for i, w := range want {
				if !found[i] && w.matches(g) {
					found[i], hit = true, true
					break
				}
			}
			if hit {
				tp++
			} else {
				fp++
				t.Errorf("%s: unexpected %s at line %d on %q: %s", dir, d.Rule, g.line, g.text, d.Message)
			}
		}
		for i, w := range want {
			switch {
			case found[i] && w.known:
				t.Errorf("%s: %s at line %d on %q is found now: drop its \"?\"", dir, w.rule, w.line, w.text)
			case !found[i]:
				fn++
				if !w.known {
					t.Errorf("%s: missed %s at line %d on %q", dir, w.rule, w.line, w.text)
				}
			}
		}
		if t.Failed() || testing.Verbose() {
			t.Logf("%s reports:\n%s", dir, strings.Join(rows, "\n"))
		}
	}
	t.Logf("source rules over %d pairs: %d found, %d false, %d missed: precision %.3f, recall %.3f",
		len(dirs), tp, fp, fn, float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn)))
}

// BenchmarkSourceRules runs the four source rules over the seed story (about 800 words) against its
// wire source.
func BenchmarkSourceRules(b *testing.B) {
	src, err := os.ReadFile("../testdata/against/blinken-wang/source.txt")
	if err != nil {
		b.Fatal(err)
	}
	draftSrc, err := os.ReadFile("../testdata/against/blinken-wang/draft.txt")
	if err != nil {
		b.Fatal(err)
	}
	e, err := NewEngine(nil, sourceRuleIDs)
	if err != nil {
		b.Fatal(err)
	}
	source := document.ParseText("source.txt", src)
	draft := document.ParseText("draft.txt", draftSrc)
	b.ReportAllocs()
	for b.Loop() {
		lastAnalysis.a = nil // a fresh draft each time, as when a story is saved
		e.Run(draft, source)
	}
}
