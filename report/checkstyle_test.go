package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

func TestCheckstyle(t *testing.T) {
	src := "Head\n\nSay <b> & \"quote\" 'it' — done.\n"
	d := diag(t, src, "<b> &", 0, "markup-residue", rules.Warning, `stray <b> & "quote" 'it'`)
	weird := Result{Doc: document.ParseText(`a&b "c".txt`, []byte(src)), Diagnostics: []rules.Diagnostic{d}}
	results := append(allResults(t), weird)
	got := render(t, "checkstyle", Options{}, results)
	if !strings.HasPrefix(got, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", got)
	}
	var rep struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(got), &rep); err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	if rep.Version != "4.3" || len(rep.Files) != 4 {
		t.Fatalf("version %q, %d files:\n%s", rep.Version, len(rep.Files), got)
	}
	story := rep.Files[0]
	if story.Name != "testdata/story.txt" || len(story.Errors) != 6 {
		t.Fatalf("story: %+v", story)
	}
	e := story.Errors[0]
	if e.Line != 3 || e.Column != 34 || e.Severity != "error" || e.Message != `"the" is written twice` || e.Source != "copydesk.repeated-word" {
		t.Errorf("first error %+v", e)
	}
	if s := story.Errors[3].Severity; s != "info" {
		t.Errorf("info severity written as %q", s)
	}
	if clean := rep.Files[2]; clean.Name != "testdata/clean.txt" || len(clean.Errors) != 0 {
		t.Errorf("clean file %+v", clean)
	}
	w := rep.Files[3]
	if w.Name != `a&b "c".txt` || len(w.Errors) != 1 || w.Errors[0].Message != `stray <b> & "quote" 'it'` || w.Errors[0].Column != 5 || w.Errors[0].Severity != "warning" {
		t.Errorf("escaped file %+v", w)
	}
}

func TestSARIFURI(t *testing.T) {
	for in, want := range map[string]string{
		"story.md":           "story.md",
		"./news/a b.md":      "news/a%20b.md",
		"/srv/news/story.md": "file:///srv/news/story.md",
		"x:y/story.md":       "./x:y/story.md",
		"../up/story.md":     "../up/story.md",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
