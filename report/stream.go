package report

import (
	"fmt"
	"io"
)

// Streamer is a Formatter that can also write results one at a time, in order, so that a run over an
// archive prints each file's findings as soon as it is linted and need not keep every document until
// the end. Writing every result with WriteResult, then the Summary of them all (Summary.Add) with
// WriteSummary, prints exactly what Format prints for the same results.
type Streamer interface {
	Formatter
	WriteResult(w io.Writer, r Result) error
	WriteSummary(w io.Writer, s Summary) error
}

// WriteResult writes one file's diagnostics.
func (f *textFormatter) WriteResult(w io.Writer, r Result) error {
	if r.Doc == nil {
		return fmt.Errorf("report: result has no document")
	}
	if len(r.Diagnostics) == 0 {
		return nil
	}
	bw := asBuffered(w)
	for _, d := range r.Diagnostics {
		f.diagnostic(bw, r.Doc, d)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteSummary writes the closing summary line.
func (f *textFormatter) WriteSummary(w io.Writer, s Summary) error {
	bw := asBuffered(w)
	fmt.Fprintln(bw, f.c.summary.Sprint(summaryLine(s, f.opts.Unsafe)))
	return bw.Flush()
}
