package report

import (
	"io"
	"os"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// BenchmarkFormat times each output format on the findings of the two bench stories (the seed and the
// 1,100-word story), linted with every default rule.
func BenchmarkFormat(b *testing.B) {
	e, err := rules.NewEngine(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var results []Result
	n := 0
	for _, path := range []string{"../testdata/spun-reuters-blinken-wang.txt", "../testdata/bench/story-1000.txt"} {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		doc := document.ParseText(path, src)
		r := Result{Doc: doc, Diagnostics: e.Run(doc)}
		results = append(results, r)
		n += len(r.Diagnostics)
	}
	for _, name := range Names() {
		f, err := New(name, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportMetric(float64(n), "findings")
			b.ReportAllocs()
			for range b.N {
				if err := f.Format(io.Discard, results); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
