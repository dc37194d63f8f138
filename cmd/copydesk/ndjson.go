package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
	"github.com/urfave/cli/v2"
)

// ndjsonMaxLine bounds one request line; a longer one is answered with an error and skipped.
const ndjsonMaxLine = 16 << 20

// ndjsonRequest is one line of `copydesk lint --ndjson` input. id is echoed back as given (any JSON
// value); format is text (default, or --input-format), markdown or html.
type ndjsonRequest struct {
	ID     json.RawMessage `json:"id"`
	Title  string          `json:"title"`
	Body   string          `json:"body"`
	Format string          `json:"format"`
}

// ndjsonResult is one line of output, in input order:
//
//	{"id": "a1", "diagnostics": [...], "blocking": true}
//	{"id": null, "diagnostics": [], "blocking": false, "error": "line 3: invalid JSON: ..."}
//
// A diagnostic has the shape of `--format json`'s (rule, category, severity, message, start, end, fixes,
// related) plus "field": "title" or "body". Every offset, line and column of a diagnostic, its fixes'
// edits included, counts from the start of that field as sent; a related location carries its own
// field. A fix that would edit outside its diagnostic's field (the markup added around the title) is
// left out. blocking is true when a diagnostic is at or above the failing level (--fail-on, else the
// configuration's fail-on, else error).
type ndjsonResult struct {
	ID          json.RawMessage         `json:"id"`
	Diagnostics []report.JSONDiagnostic `json:"diagnostics"`
	Blocking    bool                    `json:"blocking"`
	Error       string                  `json:"error,omitempty"`
}

// ndjsonLine is one line read, on its way to a worker.
type ndjsonLine struct {
	n       int // 1-based line number
	data    []byte
	tooLong bool
	out     chan ndjsonOutcome
}

type ndjsonOutcome struct {
	line     []byte // the encoded result, newline included
	errored  bool
	blocking bool
}

// runNDJSON is `copydesk lint --ndjson`: a batch of stories on standard input, one JSON object a line,
// linted in parallel and answered one line each in input order. A bad line gets a result with "error"
// and the stream goes on; the exit status is 2 if any line errored, else 1 if any story is blocking
// (unless --exit-zero), else 0.
func runNDJSON(c *cli.Context, s *setup) error {
	if c.Bool("staged") || c.Bool("diff") {
		return usageError("--ndjson cannot be combined with --staged or --diff")
	}
	if c.NArg() > 0 {
		return usageError("--ndjson reads standard input; it takes no paths (got %q)", c.Args().First())
	}
	def := document.Text
	if name := c.String("input-format"); name != "" {
		f, err := document.ParseFormat(name)
		if err != nil {
			return usageError("%v", err)
		}
		def = f
	}
	failOn := s.failOn
	if failOn == 0 {
		if _, cfg, err := s.linter.Setup(""); err == nil && cfg != nil {
			failOn = cfg.FailOn
		}
	}
	if failOn == 0 {
		failOn = rules.Error
	}

	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan ndjsonLine)
	// order holds each line's result channel in input order; its capacity bounds how far the workers
	// may run ahead of the writer, and so the memory a slow reader of the output can make us hold.
	order := make(chan chan ndjsonOutcome, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- lintNDJSONLine(s.linter, j, def, failOn)
			}
		}()
	}
	var errored, blocking bool
	var writeErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		w := bufio.NewWriter(c.App.Writer)
		for ch := range order {
			o := <-ch
			errored = errored || o.errored
			blocking = blocking || o.blocking
			if writeErr == nil {
				if _, writeErr = w.Write(o.line); writeErr == nil && len(order) == 0 {
					writeErr = w.Flush() // nothing more is ready: let a streaming reader see it now
				}
			}
		}
		if writeErr == nil {
			writeErr = w.Flush()
		}
	}()

	r := bufio.NewReaderSize(c.App.Reader, 64<<10)
	var readErr error
	for n := 1; ; n++ {
		data, tooLong, err := readNDJSONLine(r, ndjsonMaxLine)
		if len(bytes.TrimSpace(data)) > 0 || tooLong {
			ch := make(chan ndjsonOutcome, 1)
			order <- ch
			jobs <- ndjsonLine{n: n, data: data, tooLong: tooLong, out: ch}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				readErr = err
			}
			break
		}
	}
	close(jobs)
	wg.Wait()
	close(order)
	<-done
	switch {
	case readErr != nil:
		return fmt.Errorf("reading standard input: %w", readErr)
	case writeErr != nil:
		return writeErr
	case errored:
		return exitError{exitUsage}
	case blocking && !s.exitZero:
		return exitError{exitFindings}
	}
	return nil
}

// readNDJSONLine reads one line without its line ending. A line over limit bytes is consumed to its end
// but not kept: tooLong is set instead.
func readNDJSONLine(r *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > limit+2 { // room for "\r\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if len(line) > limit {
			tooLong, line = true, nil
		}
		return line, tooLong, err
	}
}

// lintNDJSONLine answers one request line.
func lintNDJSONLine(l *lint.Linter, j ndjsonLine, def document.Format, failOn rules.Severity) ndjsonOutcome {
	res := ndjsonResult{Diagnostics: []report.JSONDiagnostic{}}
	fail := func(format string, args ...any) ndjsonOutcome {
		res.Diagnostics = []report.JSONDiagnostic{}
		res.Blocking = false
		res.Error = fmt.Sprintf("line %d: ", j.n) + fmt.Sprintf(format, args...)
		return encodeNDJSON(res, true)
	}
	if j.tooLong {
		return fail("object over the %d MiB limit; skipped", ndjsonMaxLine>>20)
	}
	var req ndjsonRequest
	if err := json.Unmarshal(j.data, &req); err != nil {
		return fail("invalid JSON: %v", err)
	}
	if len(req.ID) > 0 {
		res.ID = req.ID
	}
	f := def
	if req.Format != "" {
		var err error
		if f, err = document.ParseFormat(req.Format); err != nil {
			return fail("format: %v", err)
		}
	}
	a := lint.ComposeArticleLayout(req.Title, req.Body, f)
	result, _, err := l.Lint("", fmt.Sprintf("line %d", j.n), f, a.Src)
	if err != nil {
		var ie *lint.InputError
		if errors.As(err, &ie) {
			return fail("%s", ie.Msg)
		}
		return fail("%v", err)
	}
	fields := newArticleFields(a)
	for _, d := range result.Diagnostics {
		res.Diagnostics = append(res.Diagnostics, fields.diagnostic(d))
		if d.Severity >= failOn {
			res.Blocking = true
		}
	}
	return encodeNDJSON(res, false)
}

func encodeNDJSON(res ndjsonResult, errored bool) ndjsonOutcome {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		// Only an id that is not valid JSON could fail, and Unmarshal has checked it.
		buf.Reset()
		fmt.Fprintf(&buf, "{\"id\":null,\"diagnostics\":[],\"blocking\":false,\"error\":%q}\n", err.Error())
		errored = true
	}
	return ndjsonOutcome{line: buf.Bytes(), errored: errored, blocking: res.Blocking}
}

// articleFields locates source offsets of a composed article in the title or body sent.
type articleFields struct {
	a           lint.Article
	title, body document.Lines
}

func newArticleFields(a lint.Article) articleFields {
	return articleFields{a: a, title: document.NewLines(a.Src[a.TitleStart:a.TitleEnd]), body: document.NewLines(a.Src[a.BodyStart:])}
}

// field says which field a source offset belongs to; offsets in the markup around the title count as
// the title's.
func (af articleFields) field(off int) string {
	f, _ := af.a.Field(off)
	return f
}

// position converts a source offset to a position in the given field, clamped to it.
func (af articleFields) position(field string, off int) report.JSONPosition {
	if field == lint.FieldBody {
		return report.NewJSONPosition(af.body.Position(off - af.a.BodyStart))
	}
	return report.NewJSONPosition(af.title.Position(max(0, min(off, af.a.TitleEnd)-af.a.TitleStart)))
}

// contains reports whether the source range [start, end) lies inside the field's own text.
func (af articleFields) contains(field string, start, end int) bool {
	if field == lint.FieldBody {
		return start >= af.a.BodyStart
	}
	return start >= af.a.TitleStart && end <= af.a.TitleEnd
}

func (af articleFields) diagnostic(d rules.Diagnostic) report.JSONDiagnostic {
	sev := d.Severity
	if sev < rules.Info || sev > rules.Error {
		sev = rules.Warning // as report does for an unset severity
	}
	field := af.field(d.Start)
	out := report.JSONDiagnostic{
		Rule: d.Rule, Category: d.Category, Severity: sev.String(), Message: d.Message, Field: field,
		Start: af.position(field, d.Start), End: af.position(field, max(d.Start, d.End)),
		Fixes: []report.JSONFix{}, Related: []report.JSONRelated{},
	}
fixes:
	for _, fx := range d.Fixes {
		nf := report.JSONFix{Message: fx.Message, Safe: fx.Safe, Edits: make([]report.JSONEdit, 0, len(fx.Edits))}
		for _, e := range fx.Edits {
			if !af.contains(field, e.Start, e.End) {
				continue fixes
			}
			s, end := af.position(field, e.Start), af.position(field, e.End)
			nf.Edits = append(nf.Edits, report.JSONEdit{Start: s.Offset, End: end.Offset, NewText: e.NewText})
		}
		out.Fixes = append(out.Fixes, nf)
	}
	for _, rel := range d.Related {
		f := af.field(rel.Start)
		out.Related = append(out.Related, report.JSONRelated{
			Field: f, Start: af.position(f, rel.Start), End: af.position(f, max(rel.Start, rel.End)), Message: rel.Message,
		})
	}
	return out
}
