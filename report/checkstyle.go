package report

import (
	"encoding/xml"
	"io"
)

// The Checkstyle XML report, which Jenkins, GitLab plugins, reviewdog (-f=checkstyle) and many CI tools
// read:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<checkstyle version="4.3">
//	  <file name="story.md">
//	    <error line="3" column="25" severity="error" message="..." source="copydesk.repeated-word"></error>
//	  </file>
//	</checkstyle>
//
// Every file linted is listed, clean ones without errors. Columns count characters, 1-based; severity is
// error, warning or info.
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

type checkstyleFormatter struct{}

func newCheckstyle(Options) Formatter { return checkstyleFormatter{} }

func (checkstyleFormatter) Format(w io.Writer, results []Result) error {
	if err := checkDocs(results); err != nil {
		return err
	}
	rep := checkstyleReport{Version: "4.3", Files: make([]checkstyleFile, 0, len(results))}
	for _, r := range results {
		f := checkstyleFile{Name: r.Doc.Path}
		for _, d := range r.Diagnostics {
			p := r.Doc.Position(d.Start)
			f.Errors = append(f.Errors, checkstyleError{
				Line: p.Line, Column: p.Column, Severity: severityOf(d.Severity).String(), Message: d.Message,
				Source: "copydesk." + d.Rule,
			})
		}
		rep.Files = append(rep.Files, f)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
