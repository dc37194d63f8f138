package document

import (
	"os"
	"path/filepath"
	"testing"
)

// addCorpus seeds a fuzz target with the shared corpus of interesting inputs in testdata/fuzz, which the
// normal test run replays.
func addCorpus(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/fuzz/*")
	paths = append(paths, "../../testdata/spun-reuters-blinken-wang.txt")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range trickyInputs {
		f.Add([]byte(s))
	}
}

// checkRoundTrip asserts that every token's line and column convert back to its byte offset.
func checkRoundTrip(t *testing.T, d *Document) {
	t.Helper()
	for _, tok := range d.Tokens {
		for _, off := range []int{d.SourceOffset(tok.Start, false), d.SourceOffset(tok.End, true)} {
			p := d.Position(off)
			if back := d.Offset(p.Line, p.Column); back != off {
				t.Fatalf("offset %d -> %d:%d -> offset %d", off, p.Line, p.Column, back)
			}
		}
	}
}

func fuzzFormat(f *testing.F, format Format) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse("fuzz", format, src)
		checkSpansSane(t, d)
		checkRoundTrip(t, d)
	})
}

func FuzzParseText(f *testing.F)     { fuzzFormat(f, Text) }
func FuzzParseMarkdown(f *testing.F) { fuzzFormat(f, Markdown) }
func FuzzParseHTML(f *testing.F)     { fuzzFormat(f, HTML) }
