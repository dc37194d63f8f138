package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

// CheckRequest is the body of POST /v1/check.
type CheckRequest struct {
	// Title is the headline; it is linted with the body as the story's headline. Optional.
	Title string `json:"title"`
	Body  string `json:"body"`
	// Format is the markup of title and body: text (default), markdown or html.
	Format string `json:"format"`
	// Rules, when not empty, runs only these rules.
	Rules []string `json:"rules"`
	// Against are the documents the draft was rewritten from, for the rules that compare against them.
	Against []Source `json:"against"`
	// Offsets is the unit of every offset and column in the response: utf-16 (default), utf-8 or codepoint.
	Offsets string `json:"offsets"`
	// FailOn is the lowest severity that makes the response blocking (default: the configuration's, else error).
	FailOn string `json:"fail_on"`
}

// Source is a document the draft was written from.
type Source struct {
	Body string `json:"body"`
	// Format defaults to the request's format.
	Format string `json:"format"`
}

// CheckResponse is the answer to POST /v1/check.
type CheckResponse struct {
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Blocking is true when a diagnostic is at or above the failing severity: the CMS should hold the story.
	Blocking bool    `json:"blocking"`
	Summary  Summary `json:"summary"`
	// Offsets echoes the unit the offsets are in.
	Offsets string `json:"offsets"`
}

// Diagnostic is one finding, located in the field (title or body) the caller sent.
type Diagnostic struct {
	Rule     string         `json:"rule"`
	Category string         `json:"category"`
	Severity rules.Severity `json:"severity"`
	Message  string         `json:"message"`
	// Field is "title" or "body"; Offset and Length count in the requested unit from that field's start.
	Field  string   `json:"field"`
	Offset int      `json:"offset"`
	Length int      `json:"length"`
	Start  Position `json:"start"`
	End    Position `json:"end"`
	// Replacements are texts that may replace [Offset, Offset+Length), one per fix that stays inside the
	// flagged text, as LanguageTool and Typerighter clients expect.
	Replacements []string `json:"replacements"`
	Fixes        []Fix    `json:"fixes"`
}

// Position is a 1-based line and column of a field, the column counted in the requested unit.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Fix is one way to resolve a diagnostic: edits applied together. Unsafe fixes change meaning and need
// a person's eye.
type Fix struct {
	Message string `json:"message"`
	Safe    bool   `json:"safe"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces [Offset, Offset+Length) of Field with NewText.
type Edit struct {
	Field   string `json:"field"`
	Offset  int    `json:"offset"`
	Length  int    `json:"length"`
	NewText string `json:"new_text"`
}

// Summary counts diagnostics by severity and by what /v1/fix can do about them.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Fixable have a safe fix; FixableUnsafe only unsafe ones (applied by /v1/fix with "unsafe": true).
	Fixable       int `json:"fixable"`
	FixableUnsafe int `json:"fixable_unsafe"`
}

// job is a validated request, ready to lint.
type job struct {
	format  document.Format
	unit    Unit
	engine  *rules.Engine
	against []Source
	failOn  rules.Severity
}

// prepare validates the request's options; every error is a 400.
func (s *Server) prepare(req *CheckRequest) (*job, error) {
	j := &job{engine: s.engine, failOn: s.failOn, against: req.Against}
	var err error
	if j.format, err = parseFormat(req.Format); err != nil {
		return nil, badRequest("format: %v", err)
	}
	if j.unit, err = ParseUnit(req.Offsets); err != nil {
		return nil, badRequest("offsets: %v", err)
	}
	if req.FailOn != "" {
		if j.failOn, err = rules.ParseSeverity(req.FailOn); err != nil {
			return nil, badRequest("fail_on: %v", err)
		}
	}
	if j.failOn == 0 {
		j.failOn = rules.Error
	}
	for i, a := range req.Against {
		if _, err := parseFormat(a.Format); a.Format != "" && err != nil {
			return nil, badRequest("against[%d].format: %v", i, err)
		}
	}
	if len(req.Rules) > 0 {
		for _, id := range req.Rules {
			if _, err := rules.Lookup(id); err != nil {
				return nil, badRequest("rules: unknown rule %q (GET /v1/rules lists them)", id)
			}
		}
		if j.engine, err = rules.NewEngine(s.settings, req.Rules); err != nil {
			return nil, badRequest("rules: %v", err)
		}
	}
	return j, nil
}

func parseFormat(name string) (document.Format, error) {
	if name == "" {
		return document.Text, nil
	}
	return document.ParseFormat(name)
}

// sources parses the documents the draft was written from.
func (j *job) sources() ([]*document.Document, error) {
	out := make([]*document.Document, 0, len(j.against))
	for i, a := range j.against {
		f := j.format
		if a.Format != "" {
			f, _ = parseFormat(a.Format) // validated in prepare
		}
		name := fmt.Sprintf("against[%d]", i)
		if err := notText(name, []byte(a.Body)); err != nil {
			return nil, err
		}
		out = append(out, document.Parse(name, f, []byte(a.Body)))
	}
	return out, nil
}

// notText refuses what lint.Validate refuses (NUL bytes, invalid UTF-8, oversized input) with a 400.
func notText(what string, data []byte) error {
	err := lint.Validate(what, data)
	var ie *lint.InputError
	if errors.As(err, &ie) {
		return badRequest("%s is not text: %s", what, strings.TrimSuffix(ie.Msg, "; skipped"))
	}
	if err != nil {
		return badRequest("%s: %v", what, err)
	}
	return nil
}

// run lints the composed document.
func (j *job) run(l lint.Article) ([]rules.Diagnostic, error) {
	if err := notText("title or body", l.Src); err != nil {
		return nil, err
	}
	srcs, err := j.sources()
	if err != nil {
		return nil, err
	}
	return j.engine.Check(document.Parse("request", j.format, l.Src), srcs...)
}

// locator converts source ranges to API locations, with an index per field built once.
type locator struct {
	l           lint.Article
	unit        Unit
	title, body string
	tIdx, bIdx  *Index
}

func newLocator(l lint.Article, unit Unit) *locator {
	title, body := string(l.Src[l.TitleStart:l.TitleEnd]), string(l.Src[l.BodyStart:])
	return &locator{l: l, unit: unit, title: title, body: body, tIdx: NewIndex(title), bIdx: NewIndex(body)}
}

// span locates the source range [start, end): its field, offset and length in the unit, and the byte
// range within the field. A range that starts in the title is cut off at the title's end.
func (lc *locator) span(start, end int) (field string, off, length, bStart, bEnd int) {
	field, bStart = lc.l.Field(start)
	idx, text := lc.bIdx, lc.body
	if field == lint.FieldTitle {
		idx, text = lc.tIdx, lc.title
		bEnd = max(0, min(end, lc.l.TitleEnd)-lc.l.TitleStart)
	} else {
		bEnd = end - lc.l.BodyStart
	}
	bEnd = max(bStart, min(bEnd, len(text)))
	off = idx.Offset(bStart, lc.unit)
	return field, off, idx.Offset(bEnd, lc.unit) - off, bStart, bEnd
}

func (lc *locator) position(field string, b int) Position {
	idx := lc.bIdx
	if field == lint.FieldTitle {
		idx = lc.tIdx
	}
	line, col := idx.Position(b, lc.unit)
	return Position{line, col}
}

// diagnostics converts the engine's diagnostics to the API's.
func (lc *locator) diagnostics(diags []rules.Diagnostic) []Diagnostic {
	out := make([]Diagnostic, 0, len(diags))
	for _, d := range diags {
		field, off, length, bStart, bEnd := lc.span(d.Start, d.End)
		ad := Diagnostic{
			Rule: d.Rule, Category: d.Category, Severity: d.Severity, Message: d.Message,
			Field: field, Offset: off, Length: length,
			Start: lc.position(field, bStart), End: lc.position(field, bEnd),
			Replacements: lc.replacements(d), Fixes: make([]Fix, 0, len(d.Fixes)),
		}
		for _, f := range d.Fixes {
			af := Fix{Message: f.Message, Safe: f.Safe, Edits: make([]Edit, 0, len(f.Edits))}
			for _, e := range f.Edits {
				ef, eo, el, _, _ := lc.span(e.Start, e.End)
				af.Edits = append(af.Edits, Edit{Field: ef, Offset: eo, Length: el, NewText: e.NewText})
			}
			ad.Fixes = append(ad.Fixes, af)
		}
		out = append(out, ad)
	}
	return out
}

// replacements are the flagged text as each fix would leave it, for the fixes whose edits all lie inside
// the flagged range. Duplicates are dropped.
func (lc *locator) replacements(d rules.Diagnostic) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, f := range d.Fixes {
		var b strings.Builder
		at, ok := d.Start, len(f.Edits) > 0
		for _, e := range f.Edits {
			if e.Start < at || e.End > d.End || e.End < e.Start {
				ok = false
				break
			}
			b.Write(lc.l.Src[at:e.Start])
			b.WriteString(e.NewText)
			at = e.End
		}
		if !ok {
			continue
		}
		b.Write(lc.l.Src[at:d.End])
		if r := b.String(); !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// verdict is the blocking flag and summary of a set of diagnostics.
func verdict(diags []rules.Diagnostic, failOn rules.Severity) (bool, Summary) {
	blocking := false
	for _, d := range diags {
		if d.Severity >= failOn {
			blocking = true
		}
	}
	rs := report.Summarize([]report.Result{{Diagnostics: diags}})
	return blocking, Summary{Errors: rs.Errors, Warnings: rs.Warnings, Infos: rs.Infos, Fixable: rs.Fixable, FixableUnsafe: rs.FixableUnsafe}
}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	var req CheckRequest
	if err := decodeJSON(r, &req, s.opts.MaxBody); err != nil {
		s.writeFailure(w, r, err)
		return
	}
	j, err := s.prepare(&req)
	if err != nil {
		s.writeFailure(w, r, err)
		return
	}
	resp, err := runBounded(s, r.Context(), s.opts.Timeout, func(ctx context.Context) (*CheckResponse, error) {
		l := lint.ComposeArticleLayout(req.Title, req.Body, j.format)
		diags, err := j.run(l)
		if err != nil {
			return nil, err
		}
		resp := &CheckResponse{Diagnostics: newLocator(l, j.unit).diagnostics(diags), Offsets: j.unit.String()}
		resp.Blocking, resp.Summary = verdict(diags, j.failOn)
		return resp, nil
	})
	if err != nil {
		s.writeFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}
