package rules

import "github.com/copydesk/copydesk/internal/document"

// suppress drops the diagnostics that inline directives silence: disable-next-line covers the source line
// after the comment; disable covers everything from the comment to the matching enable (or the end).
func suppress(doc *document.Document, diags []Diagnostic) []Diagnostic {
	if len(doc.Directives) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, d := range diags {
		if !silenced(doc, d) {
			kept = append(kept, d)
		}
	}
	return kept
}

func silenced(doc *document.Document, d Diagnostic) bool {
	line := doc.Position(d.Start).Line
	off := false
	for _, dir := range doc.Directives {
		if dir.Start > d.Start {
			break
		}
		if !dir.Applies(d.Rule) {
			continue
		}
		switch dir.Kind {
		case document.DisableNextLine:
			if doc.Position(dir.End).Line+1 == line {
				return true
			}
		case document.Disable:
			off = true
		case document.Enable:
			off = false
		}
	}
	return off
}
