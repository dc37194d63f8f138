package report_test

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
)

// The SARIF 2.1.0 properties code scanning requires, decoded strictly enough to catch a missing one.
type sarifLog struct {
	Schema  *string `json:"$schema"`
	Version *string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name           *string `json:"name"`
				InformationURI *string `json:"informationUri"`
				Rules          []struct {
					ID                   *string                 `json:"id"`
					ShortDescription     *sarifText              `json:"shortDescription"`
					FullDescription      *sarifText              `json:"fullDescription"`
					DefaultConfiguration *struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    *string    `json:"ruleId"`
			RuleIndex *int       `json:"ruleIndex"`
			Level     string     `json:"level"`
			Message   *sarifText `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Region           *sarifRegion         `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Fixes []struct {
				Description     *sarifText `json:"description"`
				ArtifactChanges []struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Replacements     []struct {
						DeletedRegion   *sarifRegion `json:"deletedRegion"`
						InsertedContent *sarifText   `json:"insertedContent"`
					} `json:"replacements"`
				} `json:"artifactChanges"`
			} `json:"fixes"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifText struct{ Text string }

type sarifRegion struct {
	StartLine, StartColumn, EndLine, EndColumn int
	CharOffset, CharLength                     *int
}

// multiByteStory has "the the" and "were were" on a line with accents, an em dash and an emoji (a code
// point outside the BMP), so bytes, UTF-16 units and code points all differ before the findings.
const multiByteStory = "# Café talks 🎉 end\n\nÉlysée — 🎉 delegates said the the talks were were over.\n\nDone.\n"

func lintStory(t *testing.T, src string) (report.Result, *lint.Linter) {
	t.Helper()
	l := &lint.Linter{Only: []string{"repeated-word"}}
	res, _, err := l.Lint("", "news/story.md", document.Markdown, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 2 {
		t.Fatalf("want 2 repeated-word diagnostics, got %+v", res.Diagnostics)
	}
	return res, l
}

func TestSARIF(t *testing.T) {
	res, l := lintStory(t, multiByteStory)
	f, err := report.New("sarif", report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, []report.Result{res}); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if log.Schema == nil || !strings.Contains(*log.Schema, "sarif-2.1.0") || log.Version == nil || *log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("bad log header:\n%s", buf.String())
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name == nil || *d.Name != "copydesk" || d.InformationURI == nil || !strings.HasPrefix(*d.InformationURI, "https://") {
		t.Errorf("driver = %+v", d)
	}
	if len(d.Rules) != 1 {
		t.Fatalf("want one rule, got %d", len(d.Rules))
	}
	for _, r := range d.Rules {
		if r.ID == nil || *r.ID != "repeated-word" || r.ShortDescription == nil || r.ShortDescription.Text == "" ||
			r.FullDescription == nil || r.FullDescription.Text == "" || r.DefaultConfiguration == nil || r.DefaultConfiguration.Level != "error" {
			t.Errorf("rule %+v", r)
		}
	}
	if len(run.Results) != 2 {
		t.Fatalf("want 2 results, got %d", len(run.Results))
	}

	src := multiByteStory
	// byteOffset converts a SARIF character offset (code points) back to a byte offset.
	byteOffset := func(src string, chars int) int {
		off := 0
		for range chars {
			_, size := utf8.DecodeRuneInString(src[off:])
			off += size
		}
		return off
	}
	lines := strings.SplitAfter(src, "\n")
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for i, r := range run.Results {
		if r.RuleID == nil || r.RuleIndex == nil || *r.RuleIndex != 0 || *r.RuleID != *d.Rules[*r.RuleIndex].ID {
			t.Errorf("result %d: ruleId/ruleIndex %v/%v", i, r.RuleID, r.RuleIndex)
		}
		if r.Level != "error" || r.Message == nil || r.Message.Text == "" || len(r.Locations) != 1 {
			t.Errorf("result %d: %+v", i, r)
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "news/story.md" {
			t.Errorf("uri = %q", loc.ArtifactLocation.URI)
		}
		reg := loc.Region
		// The region agrees with the diagnostic, counted in code points, both as line/column and as offset.
		diag := res.Diagnostics[i]
		want := src[diag.Start:diag.End]
		lineStart := strings.Index(src, lines[2])
		wantCol := utf8.RuneCountInString(src[lineStart:diag.Start]) + 1
		if reg == nil || reg.StartLine != 3 || reg.EndLine != 3 || reg.StartColumn != wantCol ||
			reg.EndColumn != wantCol+utf8.RuneCountInString(want) || reg.CharOffset == nil || reg.CharLength == nil {
			t.Fatalf("result %d: region %+v, want line 3 column %d for %q", i, reg, wantCol, want)
		}
		s := byteOffset(src, *reg.CharOffset)
		e := byteOffset(src, *reg.CharOffset+*reg.CharLength)
		if s != diag.Start || e != diag.End {
			t.Errorf("result %d: charOffset/charLength select %q, want %q", i, src[s:e], want)
		}
		if len(r.Fixes) != 1 || r.Fixes[0].Description == nil || r.Fixes[0].Description.Text == "" || len(r.Fixes[0].ArtifactChanges) != 1 {
			t.Fatalf("result %d: fixes %+v", i, r.Fixes)
		}
		for _, ch := range r.Fixes[0].ArtifactChanges {
			if ch.ArtifactLocation.URI != "news/story.md" {
				t.Errorf("fix uri = %q", ch.ArtifactLocation.URI)
			}
			for _, rep := range ch.Replacements {
				dr := rep.DeletedRegion
				if dr == nil || dr.CharOffset == nil || dr.CharLength == nil {
					t.Fatalf("deletedRegion %+v", dr)
				}
				e := edit{start: byteOffset(src, *dr.CharOffset), end: byteOffset(src, *dr.CharOffset+*dr.CharLength)}
				if rep.InsertedContent != nil {
					e.text = rep.InsertedContent.Text
				}
				edits = append(edits, e)
			}
		}
	}
	// Applying every replacement gives what `copydesk fix` writes.
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	got := src
	for _, e := range edits {
		got = got[:e.start] + e.text + got[e.end:]
	}
	fixed, err := l.Fix("", "news/story.md", document.Markdown, []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(fixed.Data) || fixed.Applied != 2 {
		t.Errorf("SARIF fixes give\n%q\ncopydesk fix gives\n%q", got, fixed.Data)
	}
}

// An empty run is still a valid log: an empty results array and an empty rules array, never null.
func TestSARIFClean(t *testing.T) {
	l := &lint.Linter{Only: []string{"repeated-word"}}
	res, _, err := l.Lint("", `sub\clean.txt`, document.Text, []byte("Clean copy.\n"))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := report.New("sarif", report.Options{})
	var buf bytes.Buffer
	if err := f.Format(&buf, []report.Result{res}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"results": []`, `"rules": []`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("missing %s in\n%s", want, buf.String())
		}
	}
}
