// Package report renders lint results for people (text) and for machines (json). Each output format is a
// Formatter in its own file; New picks one by name from the table below.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// Result is one linted file.
type Result struct {
	Doc *document.Document // Doc.Path is the display name, Doc.Source the original bytes
	// Diagnostics are sorted by Start and located by source byte offsets.
	Diagnostics []rules.Diagnostic
}

// Options tune a formatter. The CLI decides them; formatters never look at the environment.
type Options struct {
	// Color turns on ANSI colors (the CLI decides from --color, NO_COLOR and whether stdout is a terminal).
	Color bool
	// Unsafe says the user asked for unsafe fixes, so those are offered as fixes rather than suggestions.
	Unsafe bool
}

// Formatter writes the results of one run.
type Formatter interface {
	Format(w io.Writer, results []Result) error
}

// formatters is the only place an output format is registered.
var formatters = map[string]func(Options) Formatter{
	"text":       newText,
	"json":       newJSON,
	"sarif":      newSARIF,
	"github":     newGitHub,
	"rdjsonl":    newRDJSONL,
	"checkstyle": newCheckstyle,
}

// New returns the formatter with the given name.
func New(name string, opts Options) (Formatter, error) {
	mk, ok := formatters[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("unknown output format %q (valid: %s)", name, strings.Join(Names(), ", "))
	}
	return mk(opts), nil
}

// Names returns the valid formatter names, sorted.
func Names() []string {
	names := make([]string, 0, len(formatters))
	for n := range formatters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// checkDocs fails early, before anything is written, on a result without a document.
func checkDocs(results []Result) error {
	for i, r := range results {
		if r.Doc == nil {
			return fmt.Errorf("report: result %d has no document", i)
		}
	}
	return nil
}
