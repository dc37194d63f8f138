package lint

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// boomRule is a deliberately broken rule: it panics on any document that mentions "boom".
type boomRule struct{}

func (boomRule) Meta() rules.Meta {
	return rules.Meta{ID: "test-boom", Category: "test", Severity: rules.Error, Summary: "panics on boom"}
}

func (boomRule) Check(p *rules.Pass) {
	if strings.Contains(p.Doc.Text, "boom") {
		var words []string
		_ = words[len(p.Doc.Text)] // index out of range, as a real bug would be
	}
}

func TestPanickingRuleIsAnInputErrorAndTheBatchGoesOn(t *testing.T) {
	l := &Linter{Only: []string{"repeated-word"}, extra: []rules.Rule{boomRule{}}}
	inputs := []string{"Head\n\nThe the end.\n", "Head\n\nThe boom boom.\n", "Head\n\nWere were over.\n"}
	type outcome struct {
		n   int
		err error
	}
	out := make([]outcome, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Go(func() {
			res, _, err := l.Lint("", fmt.Sprintf("story%d.txt", i), document.Text, []byte(in))
			out[i] = outcome{len(res.Diagnostics), err}
		})
	}
	wg.Wait()
	var ie *InputError
	if err := out[1].err; !errors.As(err, &ie) || ie.Name != "story1.txt" ||
		!strings.Contains(err.Error(), "rule test-boom crashed (runtime error: index out of range") ||
		!strings.HasSuffix(err.Error(), "not linted") {
		t.Fatalf("panicking input: got %v, want an InputError naming the rule", err)
	}
	for _, i := range []int{0, 2} {
		if out[i].err != nil || out[i].n != 1 {
			t.Errorf("input %d beside the panicking one: %d diagnostics, %v", i, out[i].n, out[i].err)
		}
	}
	// Fix reports it the same way and writes nothing.
	f, err := l.Fix("", "s.txt", document.Text, []byte("Head\n\nThe the boom.\n"), false)
	if !errors.As(err, &ie) || f.Applied != 0 {
		t.Fatalf("Fix: applied %d, %v", f.Applied, err)
	}
}

// within fails the test when work takes longer than limit: a hang is a failure, not a stuck test run.
func within(t *testing.T, limit time.Duration, what string, work func()) time.Duration {
	t.Helper()
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		work()
	}()
	select {
	case <-done:
		return time.Since(start)
	case <-time.After(limit):
		t.Fatalf("%s: still running after %s", what, limit)
		return 0
	}
}

// pathological are inputs built to break parsers: deep nesting, huge tables, unterminated markup.
func pathological() []struct {
	name   string
	format document.Format
	src    string
	fix    bool // also run the lint-and-fix loop (skipped for the largest, which is slow to fix 10 times)
} {
	const deep = 10000
	var table strings.Builder
	table.WriteString("# Results\n\n")
	for r := -1; r < 5000; r++ {
		for c := 0; c < 50; c++ {
			switch r {
			case -1:
				fmt.Fprintf(&table, "| h%d ", c)
			default:
				fmt.Fprintf(&table, "| the the %d.%d ", r, c)
			}
		}
		table.WriteString("|\n")
		if r == -1 {
			table.WriteString(strings.Repeat("| --- ", 50) + "|\n")
		}
	}
	return []struct {
		name   string
		format document.Format
		src    string
		fix    bool
	}{
		{"nested blockquotes", document.Markdown, "# Head\n\n" + strings.Repeat(">", deep) + " The the quote.\n", true},
		{"nested blockquote lines", document.Markdown, "# Head\n\n" + strings.Repeat("> ", deep) + "\n" + strings.Repeat(">", deep) + " were were\n", true},
		{"nested lists", document.Markdown, "# Head\n\n" + strings.Repeat("- ", deep) + "item item\n", true},
		{"nested ordered lists", document.Markdown, "# Head\n\n" + strings.Repeat("1. ", deep) + "item item\n", true},
		{"nested emphasis", document.Markdown, "# Head\n\n" + strings.Repeat("*", deep) + "the the" + strings.Repeat("*", deep) + "\n", true},
		{"interleaved emphasis", document.Markdown, "# Head\n\n" + strings.Repeat("*a _b ", deep) + "word" + strings.Repeat(" b_ a*", deep) + "\n", false},
		{"nested links", document.Markdown, "# Head\n\n" + strings.Repeat("[", deep) + "the the" + strings.Repeat("](u)", deep) + "\n", true},
		{"unclosed fences", document.Markdown, strings.Repeat("```\nthe the\n", 1000) + "~~~", true},
		{"huge table", document.Markdown, table.String(), false},
		{"nested divs", document.HTML, "<title>Head</title>" + strings.Repeat("<div>", deep) + "The the text.", true},
		{"nested blockquotes (html)", document.HTML, "<title>Head</title>" + strings.Repeat("<blockquote><p>", deep) + "The the text.", true},
		{"nested emphasis (html)", document.HTML, "<title>Head</title><p>" + strings.Repeat("<em>", deep) + "the the" + strings.Repeat("</em>", deep), true},
		{"unterminated tag", document.HTML, "<title>Head</title><p>The the end <a href=\"x", true},
		{"unterminated comment", document.HTML, "<title>Head</title><p>The the end <!-- copydesk-disable " + strings.Repeat("x ", 1000), true},
		{"unterminated script", document.HTML, "<title>Head</title><p>The the end<script>var the = 'the the", true},
		{"unterminated entity", document.HTML, "<title>Head &amp</title><p>The the &#x1F600 &#99999999999; &", true},
		{"unterminated title", document.HTML, "<title>The the head", true},
		{"empty", document.Text, "", true},
		{"empty markdown", document.Markdown, "", true},
		{"empty html", document.HTML, "", true},
		{"only blank lines", document.Text, "\r\n\n \t\n\r\n", true},
		{"one huge line", document.Text, "Head\n\n" + strings.Repeat("the ", 200000), false},
	}
}

// TestPathologicalInputs lints (and fixes) each pathological input with every rule, within a time limit,
// and checks the spans of what comes back as the fuzz targets do.
func TestPathologicalInputs(t *testing.T) {
	for _, c := range pathological() {
		t.Run(c.name, func(t *testing.T) {
			var err error
			d := within(t, 30*time.Second, "lint", func() {
				res, _, lerr := fuzzLinter.Lint("", c.name, c.format, []byte(c.src))
				if err = lerr; err == nil {
					checkDiagnostics(t, res)
				}
			})
			if err != nil {
				t.Fatalf("Lint: %v", err)
			}
			t.Logf("%d bytes linted in %v", len(c.src), d.Round(time.Millisecond))
			if c.fix && !testing.Short() {
				within(t, 30*time.Second, "fix", func() { checkFix(t, c.format, []byte(c.src), false) })
			}
		})
	}
}
