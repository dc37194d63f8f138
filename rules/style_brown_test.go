package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/document"
)

// styleBrownBudget is the style family's share of the warnings allowed on the Brown press files (0.5 per
// 1,000 words for all families together).
const styleBrownBudget = 15

// TestStyleBrownPress runs the style rules over the Brown corpus press files (ca*, cb*, cc*) in the folder
// named by COPYDESK_BROWN, logs every warning and checks the family's budget. It skips without the variable.
func TestStyleBrownPress(t *testing.T) {
	dir := os.Getenv("COPYDESK_BROWN")
	if dir == "" {
		t.Skip("set COPYDESK_BROWN to the Brown corpus folder to measure precision on professionally edited copy")
	}
	var files []string
	for _, pat := range []string{"ca*", "cb*", "cc*"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no Brown press files in %s", dir)
	}
	rules := []Rule{newHouseStyle(), newStyleConsistency(), newCongressional(), newSignOffForm(), newEditorsNote()}
	counts := map[string]int{}
	elapsed := map[string]time.Duration{}
	loud, words := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words += len(strings.Fields(string(src)))
		doc := document.ParseText(f, src)
		for _, r := range rules {
			var diags []Diagnostic
			start := time.Now()
			r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
			elapsed[r.Meta().ID] += time.Since(start)
			for _, d := range diags {
				counts[r.Meta().ID+" "+d.Severity.String()]++
				if d.Severity >= Warning {
					loud++
					t.Logf("%s:%d %s %q: %s", filepath.Base(f), doc.Position(d.Start).Line, d.Rule, src[d.Start:d.End], d.Message)
				}
			}
		}
	}
	for _, r := range rules {
		id := r.Meta().ID
		t.Logf("%-18s warning %d, info %d; %v per 1,000 words", id, counts[id+" warning"]+counts[id+" error"],
			counts[id+" info"], elapsed[id]*1000/time.Duration(words))
	}
	if loud > styleBrownBudget {
		t.Errorf("%d warnings and errors on %d Brown press files, budget %d", loud, len(files), styleBrownBudget)
	}
}

// BenchmarkStyleRules runs each style rule over the seed story (about 700 words).
func BenchmarkStyleRules(b *testing.B) {
	src, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := document.ParseText("seed.txt", src)
	for _, r := range []Rule{newHouseStyle(), newStyleConsistency(), newCongressional(), newSignOffForm(), newEditorsNote()} {
		b.Run(r.Meta().ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var diags []Diagnostic
				r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
			}
		})
	}
}
