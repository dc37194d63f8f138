package document

import "strings"

// DirectiveKind is what an inline copydesk comment asks for.
type DirectiveKind int

// The directives, written as HTML comments in Markdown and HTML:
//
//	<!-- copydesk-disable-next-line RULE [RULE...] -->
//	<!-- copydesk-disable RULE [RULE...] -->  ...  <!-- copydesk-enable RULE [RULE...] -->
//
// With no rule named, a directive applies to every rule.
const (
	DisableNextLine DirectiveKind = iota
	Disable
	Enable
)

// Directive is one inline copydesk comment.
type Directive struct {
	Kind  DirectiveKind
	Rules []string // empty means every rule
	// Start and End are the comment's source byte range.
	Start, End int
}

// Applies reports whether the directive names the rule (or names none, and so covers all).
func (d Directive) Applies(rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

var directiveKinds = map[string]DirectiveKind{
	"copydesk-disable-next-line": DisableNextLine,
	"copydesk-disable":           Disable,
	"copydesk-enable":            Enable,
}

// parseDirective reads the body of an HTML comment (between "<!--" and "-->"); ok is false when the
// comment is not a copydesk directive.
func parseDirective(body string, start, end int) (Directive, bool) {
	fields := strings.Fields(body)
	if len(fields) == 0 {
		return Directive{}, false
	}
	kind, ok := directiveKinds[fields[0]]
	if !ok {
		return Directive{}, false
	}
	var rules []string
	for _, f := range fields[1:] {
		for _, r := range strings.Split(f, ",") {
			if r != "" {
				rules = append(rules, r)
			}
		}
	}
	return Directive{Kind: kind, Rules: rules, Start: start, End: end}, true
}
