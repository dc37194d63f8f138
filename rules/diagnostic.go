package rules

// TextEdit replaces the source bytes [Start, End) with NewText.
type TextEdit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

// Fix is one way to resolve a diagnostic: a set of non-overlapping edits applied together. A safe fix can
// be applied without a person reading it (a house spelling); an unsafe one changes or deletes copy and is
// only a suggestion unless the user asks for unsafe fixes.
type Fix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []TextEdit `json:"edits"`
}

// Related points at another place in the source that explains a diagnostic ("the headline says ...").
type Related struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Message string `json:"message"`
}

// Diagnostic is one finding, located by source byte offsets.
type Diagnostic struct {
	Rule     string    `json:"rule"`
	Category string    `json:"category"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Fixes    []Fix     `json:"fixes,omitempty"`
	Related  []Related `json:"related,omitempty"`
}

// Fixable reports whether the diagnostic has a fix that may be applied at the given level of trust.
func (d Diagnostic) Fixable(unsafe bool) bool {
	for _, f := range d.Fixes {
		if f.Safe || unsafe {
			return true
		}
	}
	return false
}
