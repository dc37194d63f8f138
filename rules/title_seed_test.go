package rules

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// titleRules are the rules of the titles family.
var titleRules = []func() Rule{
	newHeadlineConsistency, newNoteHeadline, newHeadlineCase, newTitleConsistency, newDescriptorReuse,
	newTitleCapitalization, newAsymmetricTitles,
}

// runTitleRules runs every rule of the family over a document with default options.
func runTitleRules(doc *document.Document) []Diagnostic {
	var diags []Diagnostic
	for _, mk := range titleRules {
		r := mk()
		r.Check(&Pass{Doc: doc, meta: r.Meta(), out: &diags})
	}
	return diags
}

// TestTitlesSeed checks the family's rows of the seed's expected findings, and that nothing else fires.
func TestTitlesSeed(t *testing.T) {
	src, err := os.ReadFile("../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := document.ParseText("seed.txt", src)
	// related are the lines the finding points at: the lede and the note; Russel and the bare "the top
	// US diplomat" of the lede; the headline.
	type finding struct {
		rule, text string
		line       int
		related    string
	}
	want := []finding{
		{"headline-consistency", "face-to-face talks", 1, "3 35"},
		{"note-headline-mismatch", "personal conversations", 35, "1"},
		{"descriptor-reuse", "The top US diplomat for East Asia, Daniel Kritenbrink", 25, "21 3"},
		{"asymmetric-titles", "President Joe Biden and Chinese President Xi Jinping", 15, ""},
	}
	var got []finding
	for _, d := range runTitleRules(doc) {
		var related []string
		for _, r := range d.Related {
			related = append(related, strconv.Itoa(doc.Position(r.Start).Line))
		}
		got = append(got, finding{d.Rule, string(src[d.Start:d.End]), doc.Position(d.Start).Line, strings.Join(related, " ")})
		t.Logf("%s:%d %s: %s (related %d)", d.Rule, doc.Position(d.Start).Line, src[d.Start:d.End], d.Message, len(d.Related))
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings %v, want %v", len(got), got, want)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing %v; got %v", w, got)
		}
	}
}

// TestTitlesWireSource runs the family over the Reuters story the seed was spun from: edited wire copy
// that may draw information but no warning.
func TestTitlesWireSource(t *testing.T) {
	src, err := os.ReadFile("../testdata/against/blinken-wang/source.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := document.ParseText("source.txt", src)
	for _, d := range runTitleRules(doc) {
		if d.Severity >= Warning {
			t.Errorf("%s at line %d on the wire's own copy: %s", d.Rule, doc.Position(d.Start).Line, d.Message)
		}
	}
}
