package rules

import (
	"fmt"
	"sort"

	"github.com/copydesk/copydesk/internal/document"
)

// Setting is the configuration of one rule.
type Setting struct {
	Disabled bool
	// Severity overrides the rule's default; zero keeps it.
	Severity Severity
	Options  Options
}

// Engine runs a configured set of rules over documents. It is safe for concurrent use: rules keep no
// per-document state between Check calls.
type Engine struct {
	rules []configured
}

type configured struct {
	rule     Rule
	severity Severity
}

// NewEngine builds an engine from the built-in rules and per-rule settings keyed by rule id. A setting for
// an unknown rule, or options a rule rejects, is an error. When only is non-empty, just those rules run.
func NewEngine(settings map[string]Setting, only []string) (*Engine, error) {
	for id := range settings {
		if _, err := Lookup(id); err != nil {
			return nil, err
		}
	}
	selected := map[string]bool{}
	for _, id := range only {
		if _, err := Lookup(id); err != nil {
			return nil, err
		}
		selected[id] = true
	}
	e := &Engine{}
	for _, r := range Builtin() {
		id := r.Meta().ID
		s := settings[id]
		if s.Disabled || (len(selected) > 0 && !selected[id]) {
			continue
		}
		if c, ok := r.(Configurable); ok {
			if err := c.Configure(s.Options); err != nil {
				return nil, fmt.Errorf("rule %s: %w", id, err)
			}
		} else if len(s.Options) > 0 {
			return nil, fmt.Errorf("rule %s takes no options", id)
		}
		e.rules = append(e.rules, configured{rule: r, severity: s.Severity})
	}
	return e, nil
}

// Rules returns the metadata of the rules the engine runs.
func (e *Engine) Rules() []Meta {
	out := make([]Meta, len(e.rules))
	for i, c := range e.rules {
		out[i] = c.rule.Meta()
	}
	return out
}

// Run checks a document and returns its diagnostics in source order, without those silenced by inline
// directives. sources are the documents the draft was written from, if any.
func (e *Engine) Run(doc *document.Document, sources ...*document.Document) []Diagnostic {
	var diags []Diagnostic
	for _, c := range e.rules {
		p := &Pass{Doc: doc, Sources: sources, meta: c.rule.Meta(), severity: c.severity, out: &diags}
		c.rule.Check(p)
	}
	diags = suppress(doc, diags)
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Rule < b.Rule
	})
	return diags
}
