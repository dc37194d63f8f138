package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/copydesk/copydesk/internal/fix"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

// FixRequest is the body of POST /v1/fix: a check request, plus whether to apply unsafe fixes too.
type FixRequest struct {
	CheckRequest
	Unsafe bool `json:"unsafe"`
}

// FixResponse is the answer to POST /v1/fix. Diagnostics are those left in the fixed text, located in
// the fixed title and body.
type FixResponse struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	// Diff is a unified diff from the body sent to the fixed body ("--- a/body", "+++ b/body"); empty when
	// nothing changed.
	Diff        string       `json:"diff"`
	Applied     int          `json:"applied"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	Blocking    bool         `json:"blocking"`
	Summary     Summary      `json:"summary"`
	Offsets     string       `json:"offsets"`
}

// maxFixRounds bounds the lint-and-fix loop, as in lint.Linter.Fix.
const maxFixRounds = 10

// fixed is the outcome of fixing a title and body.
type fixed struct {
	title, body []byte
	applied     int
	layout      lint.Article       // the fixed document
	diags       []rules.Diagnostic // what remains in it
}

// fix lints the title and body and applies the fixes the trust level allows, then lints again, until no
// fix applies (the loop of lint.Linter.Fix, with each edit applied to the field it lies in). An edit that
// touches the markup around the title, or both fields at once, is not applied; its diagnostic remains.
func (j *job) fix(ctx context.Context, title, body string, unsafe bool) (*fixed, error) {
	out := &fixed{title: []byte(title), body: []byte(body)}
	for round := 0; ; round++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l := lint.ComposeArticleLayout(string(out.title), string(out.body), j.format)
		diags, err := j.run(l)
		if err != nil {
			return nil, err
		}
		out.layout, out.diags = l, diags
		var titleEdits, bodyEdits []rules.TextEdit
		for _, e := range fix.Select(diags, unsafe) {
			switch {
			case e.Start >= l.BodyStart:
				e.Start, e.End = e.Start-l.BodyStart, e.End-l.BodyStart
				bodyEdits = append(bodyEdits, e)
			case e.Start >= l.TitleStart && e.End <= l.TitleEnd:
				e.Start, e.End = e.Start-l.TitleStart, e.End-l.TitleStart
				titleEdits = append(titleEdits, e)
			}
		}
		if len(titleEdits)+len(bodyEdits) == 0 || round == maxFixRounds {
			return out, nil
		}
		if out.title, err = fix.Apply(out.title, titleEdits); err != nil {
			return nil, err
		}
		if out.body, err = fix.Apply(out.body, bodyEdits); err != nil {
			return nil, err
		}
		out.applied += len(titleEdits) + len(bodyEdits)
	}
}

func (s *Server) handleFix(w http.ResponseWriter, r *http.Request) {
	var req FixRequest
	if err := decodeJSON(r, &req, s.opts.MaxBody); err != nil {
		s.writeFailure(w, r, err)
		return
	}
	j, err := s.prepare(&req.CheckRequest)
	if err != nil {
		s.writeFailure(w, r, err)
		return
	}
	resp, err := runBounded(s, r.Context(), s.opts.Timeout, func(ctx context.Context) (*FixResponse, error) {
		f, err := j.fix(ctx, req.Title, req.Body, req.Unsafe)
		if err != nil {
			return nil, err
		}
		var diff strings.Builder
		if err := report.WriteUnifiedDiff(&diff, "body", []byte(req.Body), f.body); err != nil {
			return nil, err
		}
		resp := &FixResponse{
			Title: string(f.title), Body: string(f.body), Diff: diff.String(), Applied: f.applied,
			Diagnostics: newLocator(f.layout, j.unit).diagnostics(f.diags), Offsets: j.unit.String(),
		}
		resp.Blocking, resp.Summary = verdict(f.diags, j.failOn)
		return resp, nil
	})
	if err != nil {
		s.writeFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}
