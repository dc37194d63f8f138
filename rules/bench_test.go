package rules

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// benchStories are the realistic stories the per-rule and engine benchmarks run on: the seed (a spun
// Reuters story, about 600 words) and a 1,100-word story composed from the repository's test copy.
var benchStories = []struct{ name, path string }{
	{"seed", "../testdata/spun-reuters-blinken-wang.txt"},
	{"story1000", "../testdata/bench/story-1000.txt"},
}

func benchDoc(b *testing.B, path string) (*document.Document, []byte) {
	b.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return document.ParseText(path, src), src
}

// freshDocs returns n parses of src: rules share analyses through the document (Document.Memo), so a
// benchmark that checked one document again and again would time them only once.
func freshDocs(path string, src []byte, n int) []*document.Document {
	docs := make([]*document.Document, n)
	for i := range docs {
		docs[i] = document.ParseText(path, src)
	}
	return docs
}

// BenchmarkRule runs each built-in rule on its own over each story: run with
// -bench 'Rule/' to see which rule costs what. A rule that is the first to need a shared analysis (the
// people named, the promo matches) pays for it here; in the engine the rules after it get it free.
func BenchmarkRule(b *testing.B) {
	for _, s := range benchStories {
		doc, src := benchDoc(b, s.path)
		for _, r := range Builtin() {
			b.Run(s.name+"/"+r.Meta().ID, func(b *testing.B) {
				r.Check(&Pass{Doc: doc, meta: r.Meta(), out: new([]Diagnostic)}) // load dictionaries
				docs := freshDocs(s.path, src, b.N)
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					var diags []Diagnostic
					r.Check(&Pass{Doc: docs[i], meta: r.Meta(), out: &diags})
				}
			})
		}
	}
}

// BenchmarkEngine runs every default rule, suppression and sorting included, on a parsed story.
func BenchmarkEngine(b *testing.B) {
	e, err := NewEngine(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range benchStories {
		doc, src := benchDoc(b, s.path)
		e.Run(doc)
		b.Run(s.name, func(b *testing.B) {
			docs := freshDocs(s.path, src, b.N)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				e.Run(docs[i])
			}
		})
	}
}

// BenchmarkParseAndEngine is the per-story cost of `copydesk lint` without I/O and output: parse, then
// every default rule.
func BenchmarkParseAndEngine(b *testing.B) {
	e, err := NewEngine(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range benchStories {
		_, src := benchDoc(b, s.path)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for range b.N {
				e.Run(document.ParseText(s.path, src))
			}
		})
	}
}

// BenchmarkTorturedDictionaryLoad is the start-up cost of the tortured-phrase dictionary (embedded TSVs
// parsed into the matcher), paid once per process.
func BenchmarkTorturedDictionaryLoad(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := parseTortured(torturedFiles()); err != nil {
			b.Fatal(err)
		}
	}
}

// synthTortured returns n synthetic dictionary rows (the shipped columns) that look like the shipped
// ones: the first word of a shipped phrase, a word of another, then a made-up word, so that the grown
// dictionary starts phrases with the same words as the real one, in the same proportions, and so costs
// the scan as a real list ten times longer would, without adding findings.
func synthTortured(d *torturedDict, n int) string {
	var sb strings.Builder
	for i := range n {
		a := d.index.Words(i % len(d.rows))
		b := d.index.Words((i*7919 + 13) % len(d.rows))
		fmt.Fprintf(&sb, "%s %s zq%dx\t%s entry %d\tinfo\t\tsynthetic benchmark row %d\t\n", a[0], b[len(b)-1], i, a[0], i, i)
	}
	return sb.String()
}

// BenchmarkTorturedDictionarySize compares the tortured-phrase rule with the shipped dictionary and with
// one grown tenfold by synthetic rows: the time per story must stay flat (the issue allows a drop of under
// 20%). Compare the two sub-benchmarks' ns/op (benchstat, or bench/run.sh, prints the ratio).
func BenchmarkTorturedDictionarySize(b *testing.B) {
	shipped := torturedDictionary()
	grown, err := parseTortured(map[string]string{
		"news_swaps.tsv":       newsSwapsTSV,
		"tortured_phrases.tsv": torturedPhrasesTSV + "\n" + synthTortured(shipped, 9*len(shipped.rows)),
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(grown.rows) < 10*len(shipped.rows)-10 {
		b.Fatalf("grown dictionary has %d entries, want 10x %d", len(grown.rows), len(shipped.rows))
	}
	doc, src := benchDoc(b, benchStories[1].path)
	for _, c := range []struct {
		name string
		d    *torturedDict
	}{{"x1", shipped}, {"x10", &grown}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportMetric(float64(len(c.d.rows)), "entries")
			for range b.N {
				var diags []Diagnostic
				checkTortured(&Pass{Doc: doc, meta: torturedPhrase{}.Meta(), out: &diags}, c.d)
			}
		})
	}
}

// BenchmarkLargeFile lints one large file, parse and every default rule, made of the benchmark stories
// repeated to 1 MB and to 4 MB. Both must run at about the same MB/s: the time per byte must not grow with
// the size of a file, as it did when rules compared every pair of the people a story names or read the
// whole story again for every repeated name (a 12 MB file took 1.6 s where 1 MB took 0.07 s). The repeats
// are the hard case for those rules: the same people and descriptors over and over.
func BenchmarkLargeFile(b *testing.B) {
	e, err := NewEngine(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var story []byte
	for _, s := range benchStories {
		_, src := benchDoc(b, s.path)
		story = append(append(story, src...), "\n\n"...)
	}
	for _, mb := range []int{1, 4} {
		src := bytes.Repeat(story, (mb<<20)/len(story)+1)[:mb<<20]
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for range b.N {
				e.Run(document.ParseText("large.txt", src))
			}
		})
	}
}
