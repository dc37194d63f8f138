package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/document"
)

// brownPress is the result of running rules over Brown corpus files.
type brownPress struct {
	files, words int
	loud         map[string]int // warnings and errors per rule id
	errors       map[string]int // errors per rule id
	elapsed      map[string]time.Duration
}

// lintBrownPress runs rules over the Brown corpus press files (ca*, cb*, cc*: edited news copy, so nearly
// every finding is a false positive) in the folder named by COPYDESK_BROWN, or over the files that
// COPYDESK_BROWN_GLOBS names there, and logs every finding. It skips the test without COPYDESK_BROWN.
// The project's budget for all families together is 0.5 warnings and errors per 1,000 words.
func lintBrownPress(t *testing.T, rules ...Rule) brownPress {
	t.Helper()
	dir := os.Getenv("COPYDESK_BROWN")
	if dir == "" {
		t.Skip("set COPYDESK_BROWN to the Brown corpus folder to measure precision on professionally edited copy")
	}
	globs := "ca* cb* cc*"
	if g := os.Getenv("COPYDESK_BROWN_GLOBS"); g != "" {
		globs = g
	}
	var files []string
	for _, pat := range strings.Fields(globs) {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no Brown files %q in %s", globs, dir)
	}
	res := brownPress{files: len(files), loud: map[string]int{}, errors: map[string]int{}, elapsed: map[string]time.Duration{}}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res.words += len(strings.Fields(string(src)))
		doc := document.ParseText(f, src)
		for _, r := range rules {
			var diags []Diagnostic
			start := time.Now()
			r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
			res.elapsed[r.Meta().ID] += time.Since(start)
			for _, d := range diags {
				if d.Severity >= Warning {
					res.loud[d.Rule]++
				}
				if d.Severity == Error {
					res.errors[d.Rule]++
				}
				t.Logf("%s:%d %s %s %q: %s", filepath.Base(f), doc.Position(d.Start).Line, d.Rule, d.Severity, src[d.Start:d.End], d.Message)
			}
		}
	}
	for _, r := range rules {
		id := r.Meta().ID
		t.Logf("%-18s %d warnings and errors; %v per 1,000 words", id, res.loud[id], res.elapsed[id]*1000/time.Duration(res.words))
	}
	t.Logf("%d files, %d words", res.files, res.words)
	return res
}

// TestBrownPressBudget holds every rule to the project's precision budget on clean copy: over the Brown
// press files, at most 0.5 warnings and errors per 1,000 words for all rule families together, and no
// error from the tortured-phrase dictionary. Every finding is logged so that each can be looked at:
//
//	COPYDESK_BROWN=/path/to/brown go test ./rules -run TestBrownPressBudget -v
func TestBrownPressBudget(t *testing.T) {
	res := lintBrownPress(t, Builtin()...)
	budget := res.words / 2000
	t.Logf("%d warnings and errors in %d words (budget %d): %v", res.total(), res.words, budget, res.loud)
	if res.total() > budget {
		t.Errorf("%d warnings and errors on edited news copy, over the budget of %d", res.total(), budget)
	}
	if n := res.errors["tortured-phrase"]; n > 0 {
		t.Errorf("%d tortured-phrase errors on edited news copy; the dictionary must not fire at error there", n)
	}
}

// total is the number of warnings and errors of all the rules.
func (b brownPress) total() int {
	n := 0
	for _, c := range b.loud {
		n += c
	}
	return n
}
