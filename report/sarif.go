package report

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

// ToolVersion is the copydesk version machine formats (SARIF's tool.driver.version) report. The CLI sets
// it from its build-time version; when it is empty or "dev", the module version from the build info is
// used, and failing that none is written.
var ToolVersion string

// InformationURI is where people learn about copydesk, for formats that link to the tool.
const InformationURI = "https://github.com/copydesk/copydesk"

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
)

// The SARIF 2.1.0 log, reduced to what copydesk reports and what GitHub code scanning reads. Columns and
// character offsets count Unicode code points (run.columnKind "unicodeCodePoints"), lines and columns are
// 1-based, and an end column is one past the last character, as the standard has them. A byte order mark
// is not counted, as editors do not show it.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 *sarifText         `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           *sarifRuleProps    `json:"properties,omitempty"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string                 `json:"ruleId"`
	RuleIndex        int                    `json:"ruleIndex"`
	Level            string                 `json:"level"`
	Message          sarifText              `json:"message"`
	Locations        []sarifLocation        `json:"locations"`
	RelatedLocations []sarifRelatedLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix             `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifRelatedLocation struct {
	ID               int                   `json:"id"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          sarifText             `json:"message"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	CharOffset  int `json:"charOffset"`
	CharLength  int `json:"charLength"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      sarifFixProps         `json:"properties"`
}

type sarifFixProps struct {
	// Safe says the fix may be applied without a person reading it, as `copydesk fix` does.
	Safe bool `json:"safe"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// sarifFormatter writes one SARIF log with one run for all results. Safe fixes are always included;
// unsafe ones only when Options.Unsafe is set, as for `copydesk fix`, and each carries properties.safe.
type sarifFormatter struct{ opts Options }

func newSARIF(opts Options) Formatter { return sarifFormatter{opts} }

func (f sarifFormatter) Format(w io.Writer, results []Result) error {
	if err := checkDocs(results); err != nil {
		return err
	}
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "copydesk", InformationURI: InformationURI, Version: toolVersion()}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	// The rules table lists every rule that reported something, sorted by id; results point into it.
	index := map[string]int{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			index[d.Rule] = 0
		}
	}
	ids := make([]string, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	run.Tool.Driver.Rules = make([]sarifRule, 0, len(ids))
	for i, id := range ids {
		index[id] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(id))
	}

	for _, r := range results {
		cc := newCharCounter(r.Doc)
		uri := sarifURI(r.Doc.Path)
		for _, d := range r.Diagnostics {
			res := sarifResult{
				RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
				Message: sarifText{d.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: sarifArtifactLocation{uri}, Region: cc.region(d.Start, max(d.Start, d.End)),
				}}},
			}
			if res.Message.Text == "" {
				res.Message.Text = d.Rule
			}
			for i, rel := range d.Related {
				res.RelatedLocations = append(res.RelatedLocations, sarifRelatedLocation{
					ID: i + 1,
					PhysicalLocation: sarifPhysicalLocation{
						ArtifactLocation: sarifArtifactLocation{uri}, Region: cc.region(rel.Start, max(rel.Start, rel.End)),
					},
					Message: sarifText{rel.Message},
				})
			}
			for _, fx := range d.Fixes {
				if !fx.Safe && !f.opts.Unsafe {
					continue
				}
				change := sarifArtifactChange{ArtifactLocation: sarifArtifactLocation{uri}, Replacements: []sarifReplacement{}}
				for _, e := range fx.Edits {
					rep := sarifReplacement{DeletedRegion: cc.region(e.Start, max(e.Start, e.End))}
					if e.NewText != "" {
						rep.InsertedContent = &sarifText{e.NewText}
					}
					change.Replacements = append(change.Replacements, rep)
				}
				desc := fx.Message
				if desc == "" {
					desc = "apply the fix"
				}
				res.Fixes = append(res.Fixes, sarifFix{
					Description: sarifText{desc}, ArtifactChanges: []sarifArtifactChange{change}, Properties: sarifFixProps{Safe: fx.Safe},
				})
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRuleFor describes a rule from the registry; a rule it does not know (a plugin, a test) gets its id.
func sarifRuleFor(id string) sarifRule {
	out := sarifRule{ID: id, ShortDescription: sarifText{id}, FullDescription: sarifText{id}, DefaultConfiguration: sarifConfiguration{"warning"}}
	r, err := rules.Lookup(id)
	if err != nil {
		return out
	}
	m := r.Meta()
	out.Name = m.ID
	if m.Summary != "" {
		out.ShortDescription.Text = m.Summary
		out.FullDescription.Text = m.Summary
	}
	if m.Doc != "" {
		out.FullDescription.Text = m.Doc
	}
	var help strings.Builder
	help.WriteString(out.FullDescription.Text)
	if m.Bad != "" {
		help.WriteString("\n\nFlagged: " + m.Bad)
	}
	if m.Good != "" {
		help.WriteString("\nBetter: " + m.Good)
	}
	help.WriteString("\n\nRun `copydesk explain " + m.ID + "` for more.")
	out.Help = &sarifText{help.String()}
	out.DefaultConfiguration.Level = sarifLevel(m.Severity)
	if m.Category != "" {
		out.Properties = &sarifRuleProps{Tags: []string{m.Category}}
	}
	return out
}

func sarifLevel(s rules.Severity) string {
	switch severityOf(s) {
	case rules.Error:
		return "error"
	case rules.Info:
		return "note"
	}
	return "warning"
}

// sarifURI turns a display path into a URI reference: relative paths stay relative (code scanning resolves
// them against the repository root) with forward slashes, absolute ones become file URIs.
func sarifURI(p string) string {
	p = filepath.ToSlash(p)
	abs := strings.HasPrefix(p, "/") || filepath.IsAbs(filepath.FromSlash(p))
	p = path.Clean(p)
	if abs {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x -> /C:/x
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// charCounter converts source byte offsets to SARIF regions, counting code points. The count before an
// offset is the count before its line, from a table of line starts built at the first need, plus its
// column (document.Document.Position, which reads at most a stretch of the line): counting from the start
// of the document for every offset took time quadratic in its length.
type charCounter struct {
	doc *document.Document
	bom int // bytes of byte order mark at the start, not counted as a character
	// lines holds, for each 1-based line n at lines[n-1], the code points before it (without the mark).
	lines *[]int
}

func newCharCounter(doc *document.Document) charCounter {
	c := charCounter{doc: doc, lines: new([]int)}
	if strings.HasPrefix(string(doc.Source[:min(3, len(doc.Source))]), "\uFEFF") {
		c.bom = 3
	}
	return c
}

// chars counts the code points of the source before the offset of a position.
func (c charCounter) chars(p document.Position) int {
	if p.Offset <= c.bom {
		return 0
	}
	if *c.lines == nil {
		*c.lines = lineChars(c.doc.Source, c.bom)
	}
	return (*c.lines)[p.Line-1] + p.Column - 1
}

// lineChars returns the code points before each line of src, lines starting after each '\n', not counting
// the first skip bytes. No UTF-8 sequence spans a '\n', so the counts add up line by line.
func lineChars(src []byte, skip int) []int {
	out := []int{0}
	n, from := 0, skip
	for {
		i := bytes.IndexByte(src[from:], '\n')
		if i < 0 {
			return out
		}
		n += utf8.RuneCount(src[from : from+i+1])
		from += i + 1
		out = append(out, n)
	}
}

func (c charCounter) region(start, end int) sarifRegion {
	s, e := c.doc.Position(start), c.doc.Position(end)
	off := c.chars(s)
	return sarifRegion{
		StartLine: s.Line, StartColumn: s.Column, EndLine: e.Line, EndColumn: e.Column,
		CharOffset: off, CharLength: c.chars(e) - off,
	}
}

// toolVersion is ToolVersion, else the module version the binary was built from, else "".
func toolVersion() string {
	if ToolVersion != "" && ToolVersion != "dev" {
		return ToolVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}
