package document

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the markup a source file is written in.
type Format int

// The supported input formats.
const (
	Text Format = iota
	Markdown
	HTML
)

var formatNames = map[Format]string{Text: "text", Markdown: "markdown", HTML: "html"}

func (f Format) String() string { return formatNames[f] }

// ParseFormat reads a format name as given on the command line or in an API request.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return Text, fmt.Errorf("unknown input format %q (want text, markdown or html)", name)
}

// FormatForPath picks the format from a file name's extension; ok is false for a file copydesk does not lint.
func FormatForPath(path string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return Text, true
	case ".md", ".markdown":
		return Markdown, true
	case ".html", ".htm":
		return HTML, true
	}
	return Text, false
}
