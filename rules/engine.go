package rules

import (
	"fmt"
	"runtime/debug"
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
	meta     Meta // rule.Meta(), asked once rather than for every document
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
		e.rules = append(e.rules, configured{rule: r, severity: s.Severity, meta: r.Meta()})
		if w, ok := r.(warmer); ok {
			go w.warm()
		}
	}
	return e, nil
}

// warmer is a rule with a dictionary or compiled patterns to load before its first Check. NewEngine
// starts the load in the background, so that a fresh process reads its files and runs its other rules
// on another core meanwhile; a Check that comes first waits for the load (sync.Once).
type warmer interface{ warm() }

// Rules returns the metadata of the rules the engine runs.
func (e *Engine) Rules() []Meta {
	out := make([]Meta, len(e.rules))
	for i, c := range e.rules {
		out[i] = c.rule.Meta()
	}
	return out
}

// With returns a copy of the engine that also runs extra, at their default severities, after its own
// rules: for rules defined outside this package, such as the deliberately broken ones of tests.
func (e *Engine) With(extra ...Rule) *Engine {
	out := &Engine{rules: make([]configured, 0, len(e.rules)+len(extra))}
	out.rules = append(out.rules, e.rules...)
	for _, r := range extra {
		out.rules = append(out.rules, configured{rule: r, meta: r.Meta()})
	}
	return out
}

// RulePanic is the error Check returns when a rule panics: a bug in copydesk, reported against the one
// input that set it off rather than taking down a batch run or a server.
type RulePanic struct {
	Rule  string // the rule's id
	Value any    // what it panicked with
	Stack []byte // the panicking goroutine's stack
}

func (p *RulePanic) Error() string {
	return fmt.Sprintf("rule %s crashed (%v); this is a bug in copydesk, please report it with this input", p.Rule, p.Value)
}

// Run checks a document and returns its diagnostics in source order, without those silenced by inline
// directives. sources are the documents the draft was written from, if any. A rule that panics makes Run
// panic with a *RulePanic; use Check to get it as an error instead.
func (e *Engine) Run(doc *document.Document, sources ...*document.Document) []Diagnostic {
	diags, err := e.Check(doc, sources...)
	if err != nil {
		panic(err)
	}
	return diags
}

// Check is Run for callers that must survive a broken rule: a rule that panics stops the check of this
// document, and Check returns a *RulePanic naming the rule. The engine stays usable for other documents.
func (e *Engine) Check(doc *document.Document, sources ...*document.Document) ([]Diagnostic, error) {
	var diags []Diagnostic
	for _, c := range e.rules {
		p := &Pass{Doc: doc, Sources: sources, meta: c.meta, severity: c.severity, out: &diags}
		if err := checkRule(c.rule, p); err != nil {
			return nil, err
		}
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
	return diags, nil
}

// checkRule runs one rule over one document, turning a panic into a *RulePanic.
func checkRule(r Rule, p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &RulePanic{Rule: p.meta.ID, Value: v, Stack: debug.Stack()}
		}
	}()
	r.Check(p)
	return nil
}
