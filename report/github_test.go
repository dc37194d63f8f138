package report

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/rules"
)

func TestGitHubEscaping(t *testing.T) {
	src := "Head\n\nSales rose 50% — then fell.\n"
	d := diag(t, src, "rose 50%", 0, "odd:rule,x", rules.Info, "100% sure?\r\nSay: a, b")
	res := Result{Doc: document.ParseText("dir/a,b:c%.txt", []byte(src)), Diagnostics: []rules.Diagnostic{d}}
	got := render(t, "github", Options{}, []Result{res})
	want := "::notice file=dir/a%2Cb%3Ac%25.txt,line=3,col=7,endLine=3,endColumn=15,title=copydesk odd%3Arule%2Cx::100%25 sure?%0D%0ASay: a, b\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestGitHubStory(t *testing.T) {
	got := render(t, "github", Options{}, allResults(t))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("want 7 annotations, got %d:\n%s", len(lines), got)
	}
	// "the the" on line 3 sits after "PARIS (Reuters) — Café owners in ": 33 characters, 36 bytes.
	if want := "::error file=testdata/story.txt,line=3,col=34,endLine=3,endColumn=41,title=copydesk repeated-word::\"the\" is written twice (fixable with `copydesk fix`)"; lines[0] != want {
		t.Errorf("got  %s\nwant %s", lines[0], want)
	}
	// A span over a line break ends on the next line; info is a notice.
	if !strings.HasPrefix(lines[2], "::warning file=testdata/story.txt,line=3,col=") || !strings.Contains(lines[2], ",endLine=4,") {
		t.Errorf("multi-line span: %s", lines[2])
	}
	if !strings.HasPrefix(lines[3], "::notice ") {
		t.Errorf("info: %s", lines[3])
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\r") {
			t.Errorf("unescaped line break in %q", l)
		}
	}
}
