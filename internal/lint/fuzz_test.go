package lint

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/fix"
	"github.com/copydesk/copydesk/report"
)

// The fuzz targets here check the whole pipeline (parse, every built-in rule, fix selection, the
// lint-and-fix loop and the unified diff) for properties that must hold on any input, not just for the
// absence of panics. The normal test run replays the seed corpus; `bench/fuzz.sh` runs them for a while.

// fuzzFormats is the format a fuzz input's selector byte picks.
var fuzzFormats = [...]document.Format{document.Text, document.Markdown, document.HTML}

// fuzzLinter runs every built-in rule with the built-in defaults. Linter is safe for concurrent use, so
// the fuzz workers share it and its engine is built once.
var fuzzLinter = &Linter{}

// corpusFiles are the shared interesting inputs in testdata/fuzz (the document package's fuzz targets
// read the same folder), with the sample story.
func corpusFiles(t testing.TB) []string {
	paths, err := filepath.Glob("../../testdata/fuzz/*")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fuzz corpus in ../../testdata/fuzz: %v", err)
	}
	return append(paths, "../../testdata/spun-reuters-blinken-wang.txt")
}

// addCorpus seeds a target with every corpus file, in the format its extension names and in the other
// two, and with the selector bits (unsafe for FuzzFix) both ways.
func addCorpus(f *testing.F) {
	for _, p := range corpusFiles(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for kind := byte(0); kind < 8; kind++ {
			f.Add(kind, data)
		}
	}
	f.Add(byte(1), []byte(""))
	f.Add(byte(0), []byte("\ufeff"))
	f.Add(byte(2), []byte("<title>Talks</title><p>The the talks were were over.</p>"))
}

// textOf returns src made into text copydesk accepts (valid UTF-8 without NUL bytes), after checking
// that Lint refuses the original with an InputError when it is not.
func textOf(t *testing.T, f document.Format, src []byte) []byte {
	t.Helper()
	if len(src) > 1<<16 {
		t.Skip("inputs over 64 KiB are slow to lint thousands of times and add nothing")
	}
	if !utf8.Valid(src) || bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		_, _, err := fuzzLinter.Lint("", "fuzz", f, src)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("Lint of binary or non-UTF-8 input: got %v, want an InputError", err)
		}
	}
	return bytes.ReplaceAll(bytes.ToValidUTF8(src, []byte("\uFFFD")), []byte{0}, nil)
}

// checkOffset asserts that a source offset lies in src, on a rune boundary, and that its line and column
// convert back to it.
func checkOffset(t *testing.T, doc *document.Document, what string, off int) {
	t.Helper()
	src := doc.Source
	if off < 0 || off > len(src) {
		t.Fatalf("%s: offset %d outside the %d-byte input", what, off, len(src))
	}
	if off < len(src) && !utf8.RuneStart(src[off]) {
		t.Fatalf("%s: offset %d splits a character (%q)", what, off, src[max(0, off-3):min(len(src), off+3)])
	}
	p := doc.Position(off)
	if back := doc.Offset(p.Line, p.Column); back != off {
		t.Fatalf("%s: offset %d -> line %d column %d -> offset %d", what, off, p.Line, p.Column, back)
	}
}

func checkRange(t *testing.T, doc *document.Document, what string, start, end int) {
	t.Helper()
	if start > end {
		t.Fatalf("%s: span [%d,%d) ends before it starts", what, start, end)
	}
	checkOffset(t, doc, what+" start", start)
	checkOffset(t, doc, what+" end", end)
}

// checkDiagnostics asserts that every diagnostic, related span and fix edit lies inside the input on
// rune boundaries, and that each fix's own edits do not overlap.
func checkDiagnostics(t *testing.T, res report.Result) {
	t.Helper()
	for _, d := range res.Diagnostics {
		what := d.Rule + " " + strconv.Quote(d.Message)
		checkRange(t, res.Doc, what, d.Start, d.End)
		for _, r := range d.Related {
			checkRange(t, res.Doc, what+" related", r.Start, r.End)
		}
		for _, fx := range d.Fixes {
			for i, e := range fx.Edits {
				checkRange(t, res.Doc, what+" fix edit", e.Start, e.End)
				if !utf8.ValidString(e.NewText) {
					t.Fatalf("%s: fix inserts invalid UTF-8 %q", what, e.NewText)
				}
				for _, o := range fx.Edits[i+1:] {
					if e.Start < o.End && o.Start < e.End {
						t.Fatalf("%s: fix has overlapping edits %v and %v", what, e, o)
					}
				}
			}
		}
	}
}

// FuzzEngine lints any input in the format its first byte picks with every built-in rule and checks the
// spans of what comes back.
func FuzzEngine(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, kind byte, src []byte) {
		format := fuzzFormats[int(kind)%len(fuzzFormats)]
		src = textOf(t, format, src)
		res, _, err := fuzzLinter.Lint("", "fuzz", format, src)
		if err != nil {
			t.Fatalf("Lint: %v", err)
		}
		checkDiagnostics(t, res)
	})
}

// FuzzFix fixes any input (safe fixes; unsafe ones too when bit 2 of the selector is set) and checks that
// the result is valid UTF-8, that fixing it again changes nothing, and that the unified diff `lint --diff`
// prints turns the input into exactly the fixed bytes.
func FuzzFix(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, kind byte, src []byte) {
		format := fuzzFormats[int(kind)%len(fuzzFormats)]
		unsafe := kind&4 != 0
		src = textOf(t, format, src)
		fixed := checkFix(t, format, src, unsafe)
		var diff bytes.Buffer
		if err := report.WriteUnifiedDiff(&diff, "story.txt", src, fixed); err != nil {
			t.Fatal(err)
		}
		if got := applyUnified(t, string(src), diff.String()); got != string(fixed) {
			t.Fatalf("the diff applied to the input gives\n%q\nnot the fixed text\n%q\ndiff:\n%s", got, fixed, diff.String())
		}
	})
}

// checkFix fixes src to a fixed point and checks the result; it returns the fixed bytes.
func checkFix(t *testing.T, format document.Format, src []byte, unsafe bool) []byte {
	t.Helper()
	orig := bytes.Clone(src)
	res, err := fuzzLinter.Fix("", "fuzz", format, src, unsafe)
	if err != nil {
		t.Fatalf("Fix: %v", err)
	}
	if !bytes.Equal(src, orig) {
		t.Fatal("Fix modified its input slice")
	}
	if !utf8.Valid(res.Data) {
		t.Fatalf("fixing gave invalid UTF-8: %q", res.Data)
	}
	if bytes.IndexByte(res.Data, 0) >= 0 && bytes.IndexByte(src, 0) < 0 {
		t.Fatalf("fixing introduced a NUL byte: %q", res.Data)
	}
	checkDiagnostics(t, res.Result)
	if edits := fix.Select(res.Result.Diagnostics, unsafe); len(edits) > 0 {
		t.Fatalf("after %d fixes, fixes still apply: %+v\nin %q", res.Applied, edits, res.Data)
	}
	again, err := fuzzLinter.Fix("", "fuzz", format, res.Data, unsafe)
	if err != nil {
		t.Fatalf("Fix of the fixed text: %v", err)
	}
	if again.Applied != 0 || !bytes.Equal(again.Data, res.Data) {
		t.Fatalf("fixing is not idempotent: a second run applied %d edits\n%q\n->\n%q", again.Applied, res.Data, again.Data)
	}
	return res.Data
}

// applyUnified applies a unified diff of one file (as report.WriteUnifiedDiff writes it) to old, checking
// every context and removed line and every hunk's line counts, as patch does.
func applyUnified(t *testing.T, old, diff string) string {
	t.Helper()
	if diff == "" {
		return old
	}
	lines := strings.SplitAfter(diff, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "--- a/") || !strings.HasPrefix(lines[1], "+++ b/") {
		t.Fatalf("diff headers: %q", diff)
	}
	oldLines := strings.SplitAfter(old, "\n")
	if oldLines[len(oldLines)-1] == "" {
		oldLines = oldLines[:len(oldLines)-1]
	}
	parseRange := func(s string) (from, count int) {
		f, c, hasCount := strings.Cut(s, ",")
		from, err := strconv.Atoi(f)
		count = 1
		if hasCount {
			count, err = strconv.Atoi(c)
		}
		if err != nil {
			t.Fatalf("bad hunk range %q in\n%s", s, diff)
		}
		return from, count
	}
	var out strings.Builder
	pos := 0
	for i := 2; i < len(lines); {
		header := strings.TrimSuffix(lines[i], "\n")
		ranges, ok := strings.CutPrefix(header, "@@ -")
		ranges, ok2 := strings.CutSuffix(ranges, " @@")
		oldR, newR, ok3 := strings.Cut(ranges, " +")
		if !ok || !ok2 || !ok3 {
			t.Fatalf("bad hunk header %q in\n%s", header, diff)
		}
		from, oldCount := parseRange(oldR)
		_, newCount := parseRange(newR)
		start := from - 1
		if oldCount == 0 {
			start = from
		}
		if start < pos {
			t.Fatalf("hunk %q overlaps the one before it", header)
		}
		for ; pos < start && pos < len(oldLines); pos++ {
			out.WriteString(oldLines[pos])
		}
		seenOld, seenNew := 0, 0
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "@@ "); i++ {
			kind, text := lines[i][0], lines[i][1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch kind {
			case ' ', '-':
				if pos >= len(oldLines) || oldLines[pos] != text {
					t.Fatalf("diff does not apply: line %d is not %q\n%s", pos+1, text, diff)
				}
				if kind == ' ' {
					out.WriteString(text)
					seenNew++
				}
				seenOld++
				pos++
			case '+':
				out.WriteString(text)
				seenNew++
			default:
				t.Fatalf("bad diff line %q", lines[i])
			}
		}
		if seenOld != oldCount || seenNew != newCount {
			t.Fatalf("hunk %q has %d old and %d new lines", header, seenOld, seenNew)
		}
	}
	for ; pos < len(oldLines); pos++ {
		out.WriteString(oldLines[pos])
	}
	return out.String()
}
