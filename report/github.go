package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/copydesk/copydesk/rules"
)

// githubFormatter writes GitHub Actions workflow commands, one annotation per diagnostic:
//
//	::error file=story.md,line=3,col=25,endLine=3,endColumn=32,title=repeated-word::"the" is written twice
//
// error and warning map to themselves, info to notice. Columns count characters (code points), 1-based,
// the end column one past the span. GitHub shows annotations on the pull request's changed lines and in
// the run summary.
type githubFormatter struct{}

func newGitHub(Options) Formatter { return githubFormatter{} }

func (githubFormatter) Format(w io.Writer, results []Result) error {
	if err := checkDocs(results); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			s, e := r.Doc.Position(d.Start), r.Doc.Position(max(d.Start, d.End))
			msg := d.Message
			if d.Fixable(false) {
				msg += " (fixable with `copydesk fix`)"
			}
			_, err := fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubCommand(d.Severity), githubProperty(r.Doc.Path), s.Line, s.Column, e.Line, e.Column,
				githubProperty("copydesk "+d.Rule), githubData(msg))
			if err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

func githubCommand(s rules.Severity) string {
	switch severityOf(s) {
	case rules.Error:
		return "error"
	case rules.Info:
		return "notice"
	}
	return "warning"
}

// githubData escapes a workflow command's message, as @actions/core's escapeData does.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a workflow command's property value, as @actions/core's escapeProperty does.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
