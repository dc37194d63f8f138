// Package rules holds copydesk's rule API, the registry of built-in rules and the engine that runs them.
//
// A rule reads a parsed document and reports findings located in the document's prose (document.Span);
// the Pass maps them to source byte offsets, so rules never deal with markup. The shape follows
// golang.org/x/tools/go/analysis: a diagnostic carries zero or more fixes, each a set of byte-range edits
// against the unchanged source.
package rules

// Meta describes a rule for the registry, `copydesk rules` and `copydesk explain`.
type Meta struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	// Doc is the long explanation shown by `copydesk explain`, with the reason the rule exists.
	Doc string `json:"doc,omitempty"`
	// Bad and Good are a short example of copy the rule flags and the same copy fixed.
	Bad  string `json:"bad,omitempty"`
	Good string `json:"good,omitempty"`
	// Options documents the settings the rule reads from configuration, by name.
	Options map[string]string `json:"options,omitempty"`
}

// Rule is one check.
type Rule interface {
	Meta() Meta
	Check(p *Pass)
}

// Configurable is implemented by rules that take options from configuration. Configure is called once,
// on a fresh rule, before any Check.
type Configurable interface {
	Configure(opts Options) error
}
