package report

import (
	"encoding/json"
	"io"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// The reviewdog Diagnostic Format as JSON lines (reviewdog -f=rdjsonl), one diagnostic a line:
//
//	{"message":"...","location":{"path":"story.md","range":{"start":{"line":3,"column":28},"end":{...}}},
//	 "severity":"ERROR","source":{"name":"copydesk","url":"..."},"code":{"value":"repeated-word"},
//	 "suggestions":[{"range":{...},"text":""}]}
//
// reviewdog counts lines and columns from 1 and columns in UTF-8 bytes; an end is exclusive. The
// suggestions are the edits of the diagnostic's first fix the trust level allows (safe, or any with
// Options.Unsafe): reviewdog posts them as suggested changes for a person to accept.
type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdjsonlFormatter struct{ opts Options }

func newRDJSONL(opts Options) Formatter { return rdjsonlFormatter{opts} }

func (f rdjsonlFormatter) Format(w io.Writer, results []Result) error {
	if err := checkDocs(results); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			out := rdDiagnostic{
				Message:  d.Message,
				Location: rdLocation{Path: r.Doc.Path, Range: rdRangeOf(r.Doc, d.Start, d.End)},
				Severity: rdSeverity(d.Severity),
				Source:   rdSource{Name: "copydesk", URL: InformationURI},
				Code:     rdCode{Value: d.Rule},
			}
			for _, fx := range d.Fixes {
				if !fx.Safe && !f.opts.Unsafe {
					continue
				}
				for _, e := range fx.Edits {
					out.Suggestions = append(out.Suggestions, rdSuggestion{Range: rdRangeOf(r.Doc, e.Start, e.End), Text: e.NewText})
				}
				break
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
		}
	}
	return nil
}

func rdRangeOf(doc *document.Document, start, end int) rdRange {
	s, e := doc.Position(start), doc.Position(max(start, end))
	return rdRange{Start: rdPosition{s.Line, s.ColumnByte}, End: rdPosition{e.Line, e.ColumnByte}}
}

func rdSeverity(s rules.Severity) string {
	switch severityOf(s) {
	case rules.Error:
		return "ERROR"
	case rules.Info:
		return "INFO"
	}
	return "WARNING"
}
