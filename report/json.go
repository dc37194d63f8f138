package report

import (
	"encoding/json"
	"io"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// JSONVersion is the version of the JSON schema. It changes only when a change could break a consumer;
// new fields may be added without it changing.
const JSONVersion = 1

// The JSON report, one object followed by a newline:
//
//	{"version": 1,
//	 "files": [{"path": "story.txt", "format": "text", "diagnostics": [{
//	     "rule": "repeated-word", "category": "duplication", "severity": "error", "message": "...",
//	     "start": {"offset": 123, "line": 21, "column": 260, "column_utf16": 260, "column_byte": 262},
//	     "end": {...},
//	     "fixes": [{"message": "...", "safe": false, "edits": [{"start": 120, "end": 130, "new_text": "..."}]}],
//	     "related": [{"start": {...}, "end": {...}, "message": "..."}]}]}],
//	 "summary": {"files": 1, "errors": 3, "warnings": 2, "infos": 1, "fixable": 4, "fixable_unsafe": 1}}
//
// Every file linted is listed, clean ones with an empty diagnostics array; arrays are never null.
// severity is "error", "warning" or "info". Positions give the source byte offset (0-based) and the
// 1-based line and column, the column counted in characters (code points), in UTF-16 code units and in
// bytes, so each kind of client can use its own. Edits are in source byte offsets: replace bytes
// [start, end) of the original file with new_text; the edits of one fix never overlap and are applied
// together. summary counts as Summary does.
type jsonReport struct {
	Version int        `json:"version"`
	Files   []jsonFile `json:"files"`
	Summary Summary    `json:"summary"`
}

type jsonFile struct {
	Path        string           `json:"path"`
	Format      string           `json:"format"`
	Diagnostics []JSONDiagnostic `json:"diagnostics"`
}

// JSONDiagnostic is one diagnostic in the JSON schema, shared by `--format json` and `lint --ndjson`.
type JSONDiagnostic struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Field is set only where the text came as separate fields (title, body: `lint --ndjson`); offsets
	// then count from the start of that field.
	Field   string        `json:"field,omitempty"`
	Start   JSONPosition  `json:"start"`
	End     JSONPosition  `json:"end"`
	Fixes   []JSONFix     `json:"fixes"`
	Related []JSONRelated `json:"related"`
}

// JSONPosition is a source position in every unit a consumer may count in.
type JSONPosition struct {
	Offset      int `json:"offset"`
	Line        int `json:"line"`
	Column      int `json:"column"`
	ColumnUTF16 int `json:"column_utf16"`
	ColumnByte  int `json:"column_byte"`
}

// JSONFix is one fix: edits applied together.
type JSONFix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit is declared here rather than reusing rules.TextEdit so the schema cannot change by accident.
type JSONEdit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

// JSONRelated is a supporting location.
type JSONRelated struct {
	Field   string       `json:"field,omitempty"`
	Start   JSONPosition `json:"start"`
	End     JSONPosition `json:"end"`
	Message string       `json:"message"`
}

// jsonFormatter writes the schema above. It ignores Options: machines get every fix with its safe flag
// and no colors.
type jsonFormatter struct{}

func newJSON(Options) Formatter { return jsonFormatter{} }

func (jsonFormatter) Format(w io.Writer, results []Result) error {
	if err := checkDocs(results); err != nil {
		return err
	}
	rep := jsonReport{Version: JSONVersion, Files: make([]jsonFile, 0, len(results)), Summary: Summarize(results)}
	for _, r := range results {
		f := jsonFile{Path: r.Doc.Path, Format: r.Doc.Format.String(), Diagnostics: make([]JSONDiagnostic, 0, len(r.Diagnostics))}
		for _, d := range r.Diagnostics {
			f.Diagnostics = append(f.Diagnostics, toJSON(r.Doc, d))
		}
		rep.Files = append(rep.Files, f)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // copy quotes HTML; keep it readable
	return enc.Encode(rep)
}

func toJSON(doc *document.Document, d rules.Diagnostic) JSONDiagnostic {
	out := JSONDiagnostic{
		Rule: d.Rule, Category: d.Category, Severity: severityOf(d.Severity).String(), Message: d.Message,
		Start: position(doc, d.Start), End: position(doc, max(d.Start, d.End)),
		Fixes: make([]JSONFix, 0, len(d.Fixes)), Related: make([]JSONRelated, 0, len(d.Related)),
	}
	for _, fx := range d.Fixes {
		jf := JSONFix{Message: fx.Message, Safe: fx.Safe, Edits: make([]JSONEdit, 0, len(fx.Edits))}
		for _, e := range fx.Edits {
			jf.Edits = append(jf.Edits, JSONEdit{Start: e.Start, End: e.End, NewText: e.NewText})
		}
		out.Fixes = append(out.Fixes, jf)
	}
	for _, rel := range d.Related {
		out.Related = append(out.Related, JSONRelated{
			Start: position(doc, rel.Start), End: position(doc, max(rel.Start, rel.End)), Message: rel.Message,
		})
	}
	return out
}

func position(doc *document.Document, offset int) JSONPosition {
	return NewJSONPosition(doc.Position(offset))
}

// NewJSONPosition writes a position in the JSON schema.
func NewJSONPosition(p document.Position) JSONPosition {
	return JSONPosition{Offset: p.Offset, Line: p.Line, Column: p.Column, ColumnUTF16: p.ColumnUTF16, ColumnByte: p.ColumnByte}
}
