package rules

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/document"
)

// Finding is what a rule reports, located in the document's prose. The Pass turns it into a Diagnostic.
type Finding struct {
	Span    document.Span
	Message string
	// Severity overrides the rule's default for this finding; zero keeps the default.
	Severity Severity
	Fixes    []Fix
	Related  []Related
}

// Pass is one rule's run over one document.
type Pass struct {
	Doc *document.Document
	// Sources are the documents the draft was written from (`lint --against`); empty when none were given.
	Sources []*document.Document

	meta     Meta
	severity Severity // from configuration; zero when not overridden
	out      *[]Diagnostic
}

// Report records a finding.
func (p *Pass) Report(f Finding) {
	start, end := p.Doc.SourceSpan(f.Span)
	sev := f.Severity
	if sev == 0 {
		sev = p.meta.Severity
	}
	if p.severity != 0 {
		sev = p.severity
	}
	*p.out = append(*p.out, Diagnostic{
		Rule: p.meta.ID, Category: p.meta.Category, Severity: sev, Message: f.Message,
		Start: start, End: end, Fixes: f.Fixes, Related: f.Related,
	})
}

// Reportf records a finding with a formatted message and optional fixes.
func (p *Pass) Reportf(span document.Span, fixes []Fix, format string, args ...any) {
	p.Report(Finding{Span: span, Message: fmt.Sprintf(format, args...), Fixes: fixes})
}

// Replace builds an edit that replaces the prose of span with text, in source coordinates.
func (p *Pass) Replace(span document.Span, text string) TextEdit {
	start, end := p.Doc.SourceSpan(span)
	return TextEdit{Start: start, End: end, NewText: text}
}

// ReplaceFix is a one-edit fix. It is downgraded to unsafe when the span is not a verbatim copy of its
// source (it crosses markup or an entity), because rewriting those bytes would drop formatting.
func (p *Pass) ReplaceFix(span document.Span, text, message string, safe bool) Fix {
	return Fix{Message: message, Safe: safe && p.Doc.IsVerbatim(span), Edits: []TextEdit{p.Replace(span, text)}}
}

// RelatedAt points at a span of the prose as supporting evidence.
func (p *Pass) RelatedAt(span document.Span, message string) Related {
	start, end := p.Doc.SourceSpan(span)
	return Related{Start: start, End: end, Message: message}
}
