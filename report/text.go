package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// textFormatter writes diagnostics for a person at a terminal, the way a compiler does: a header, the
// source line with the span underlined, each fix as a small diff, related notes, and a summary.
type textFormatter struct {
	opts Options
	c    palette
}

func newText(opts Options) Formatter { return &textFormatter{opts: opts, c: newPalette(opts.Color)} }

// palette holds one color object per role. Each is switched on or off explicitly, so the output follows
// Options.Color and never the global color.NoColor.
type palette struct {
	loc, rule, gutter, fix, suggestion, note, del, add, summary *color.Color
	sev                                                         map[rules.Severity]*color.Color
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		loc:        mk(color.Bold),
		rule:       mk(color.Faint),
		gutter:     mk(color.FgBlue),
		fix:        mk(color.FgGreen, color.Bold),
		suggestion: mk(color.FgMagenta, color.Bold),
		note:       mk(color.Bold),
		del:        mk(color.FgRed),
		add:        mk(color.FgGreen),
		summary:    mk(color.Bold),
		sev: map[rules.Severity]*color.Color{
			rules.Error:   mk(color.FgRed, color.Bold),
			rules.Warning: mk(color.FgYellow, color.Bold),
			rules.Info:    mk(color.FgCyan),
		},
	}
}

const (
	gutterDigits = 5 // line numbers up to 99999 keep the gutter one width
	fixIndent    = "   "
	diffIndent   = "      "
)

func (f *textFormatter) Format(w io.Writer, results []Result) error {
	if err := checkDocs(results); err != nil {
		return err
	}
	bw := asBuffered(w)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			f.diagnostic(bw, r.Doc, d)
			bw.WriteByte('\n')
		}
	}
	fmt.Fprintln(bw, f.c.summary.Sprint(summaryLine(Summarize(results), f.opts.Unsafe)))
	return bw.Flush()
}

// asBuffered returns w as a *bufio.Writer, wrapping it in one unless it already is.
func asBuffered(w io.Writer) *bufio.Writer {
	if bw, ok := w.(*bufio.Writer); ok {
		return bw
	}
	return bufio.NewWriter(w)
}

func (f *textFormatter) diagnostic(w *bufio.Writer, doc *document.Document, d rules.Diagnostic) {
	start := doc.Position(d.Start)
	sev := severityOf(d.Severity)
	sevc := f.c.sev[sev]
	header := f.c.loc.Sprintf("%s:%d:%d:", doc.Path, start.Line, start.Column) + " " + sevc.Sprint(sev.String()+":")
	if d.Message != "" {
		header += " " + d.Message
	}
	if d.Rule != "" {
		header += " " + f.c.rule.Sprintf("[%s]", d.Rule)
	}
	fmt.Fprintln(w, header)

	// The excerpt shows the span's first line; a span that runs on is underlined to the end of it.
	ls, le := doc.LineRange(start.Line)
	num := strconv.Itoa(start.Line)
	gw := max(gutterDigits, len(num))
	x := lineExcerpt(doc.Source, ls, le, start.Offset, d.End, maxWidth-gw-3)
	src := f.c.gutter.Sprintf("%*s |", gw, num)
	if x.text != "" {
		src += " " + x.text
	}
	fmt.Fprintln(w, src)
	fmt.Fprintln(w, f.c.gutter.Sprintf("%*s |", gw, "")+" "+strings.Repeat(" ", x.col)+sevc.Sprint(strings.Repeat("^", x.width)))

	for _, fx := range d.Fixes {
		label, lc := "fix", f.c.fix
		if !fx.Safe {
			label, lc = "suggestion (unsafe)", f.c.suggestion
			if f.opts.Unsafe {
				label = "fix (unsafe)"
			}
		}
		fmt.Fprintln(w, strings.TrimRight(fixIndent+lc.Sprint(label+":")+" "+fx.Message, " "))
		budget := maxWidth - len(diffIndent) - 2
		for _, h := range hunks(doc.Source, fx.Edits, budget) {
			for _, l := range h.old {
				fmt.Fprintln(w, diffIndent+f.c.del.Sprint(strings.TrimRight("- "+l, " ")))
			}
			for _, l := range h.new {
				fmt.Fprintln(w, diffIndent+f.c.add.Sprint(strings.TrimRight("+ "+l, " ")))
			}
		}
	}
	for _, rel := range d.Related {
		p := doc.Position(rel.Start)
		fmt.Fprintf(w, "%s%s %s:%d:%d: %s\n", fixIndent, f.c.note.Sprint("note:"), doc.Path, p.Line, p.Column, rel.Message)
	}
}

// summaryLine is the last line of the text report, e.g. "3 errors, 1 info in 2 files (2 fixable with
// `copydesk fix`, 1 more with --unsafe)".
func summaryLine(s Summary, unsafe bool) string {
	files := count(s.Files, "file", "files")
	var parts []string
	if s.Errors > 0 {
		parts = append(parts, count(s.Errors, "error", "errors"))
	}
	if s.Warnings > 0 {
		parts = append(parts, count(s.Warnings, "warning", "warnings"))
	}
	if s.Infos > 0 {
		parts = append(parts, count(s.Infos, "info", "infos"))
	}
	if len(parts) == 0 {
		return "no problems found in " + files
	}
	line := strings.Join(parts, ", ") + " in " + files
	switch {
	case unsafe && s.Fixable+s.FixableUnsafe > 0:
		line += fmt.Sprintf(" (%d fixable with `copydesk fix --unsafe`)", s.Fixable+s.FixableUnsafe)
	case s.Fixable > 0 && s.FixableUnsafe > 0:
		line += fmt.Sprintf(" (%d fixable with `copydesk fix`, %d more with --unsafe)", s.Fixable, s.FixableUnsafe)
	case s.Fixable > 0:
		line += fmt.Sprintf(" (%d fixable with `copydesk fix`)", s.Fixable)
	case s.FixableUnsafe > 0:
		line += fmt.Sprintf(" (%d fixable with `copydesk fix --unsafe`)", s.FixableUnsafe)
	}
	return line
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
