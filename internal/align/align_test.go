package align

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		a, b  string
		want  []Hunk
		equal int
	}{
		{"a b c", "a b c", nil, 3},
		{"there is no substitute for face-to-face diplomacy", "there is no substitute for personal … diplomacy",
			[]Hunk{{A: Range{5, 6}, B: Range{5, 7}}}, 6},
		{"not seen china evade sanctions", "not seen china escape harsh sanctions",
			[]Hunk{{A: Range{3, 4}, B: Range{3, 5}}}, 4},
		{"x y", "", []Hunk{{A: Range{0, 2}, B: Range{0, 0}}}, 0},
	}
	for _, tt := range tests {
		got, eq := Diff(strings.Fields(tt.a), strings.Fields(tt.b))
		if !reflect.DeepEqual(got, tt.want) || eq != tt.equal {
			t.Errorf("Diff(%q, %q) = %v, %d; want %v, %d", tt.a, tt.b, got, eq, tt.want, tt.equal)
		}
	}
}

// Words beyond the private-use area still round-trip through go-diff.
func TestDiffManyWords(t *testing.T) {
	var a, b []string
	for i := range 9000 {
		a = append(a, fmt.Sprint("w", i))
		b = append(b, fmt.Sprint("w", i))
	}
	b[8500] = "changed"
	got, eq := Diff(a, b)
	if len(got) != 1 || got[0].A != (Range{8500, 8501}) || eq != 8999 {
		t.Fatalf("got %v, %d", got, eq)
	}
}

func TestTrimEnds(t *testing.T) {
	weak := func(words []string) func(Range) bool {
		return func(r Range) bool { return r.Len() == 1 && words[r.Start] == "the" }
	}
	tests := []struct {
		a, b     string
		useWeak  bool
		wantDiff [][2]string // A and B words of each hunk
	}{
		// The draft clause uses the end of the source sentence: the start is trimmed away.
		{"russel said he believed the meeting would pave the way for talks", "the meeting would open up the way for talks", false,
			[][2]string{{"pave", "open up"}}},
		// A changed last word is kept as a substitution of as many words.
		{"meeting between biden and xi their first as leaders", "meeting between biden and biden", false,
			[][2]string{{"xi", "biden"}}},
		// A lone "the" at the start anchors nothing: the unrelated words around it are one end hunk.
		{"the unanimous declaration when it becomes necessary for one people", "the readers began with the preamble it becomes necessary for one people", true,
			[][2]string{{"the unanimous declaration when", "the readers began with the preamble"}}},
	}
	for _, tt := range tests {
		a, b := strings.Fields(tt.a), strings.Fields(tt.b)
		hunks, _ := Diff(a, b)
		var w func(Range) bool
		if tt.useWeak {
			w = weak(b)
		}
		hunks, _ = TrimEnds(hunks, len(a), len(b), w)
		var got [][2]string
		for _, h := range hunks {
			if h.A.Len() > 0 && h.B.Len() > 0 {
				got = append(got, [2]string{strings.Join(a[h.A.Start:h.A.End], " "), strings.Join(b[h.B.Start:h.B.End], " ")})
			}
		}
		if !reflect.DeepEqual(got, tt.wantDiff) {
			t.Errorf("TrimEnds(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.wantDiff)
		}
	}
}

func TestIndexBest(t *testing.T) {
	src := [][]string{
		strings.Fields("blinken and wang met on saturday for their first in-person talks since october"),
		strings.Fields("the united states views china as its main strategic rival"),
		strings.Fields("china has refused to condemn russia's actions and has criticized sweeping sanctions"),
		strings.Fields("but us officials have not seen china evade sanctions"),
	}
	ix := NewIndex(src, []int{0, 0, 0, 0})
	tests := []struct {
		q      string
		want   Match
		wantOK bool
	}{
		{"the united states calls china its main strategic rival", Match{Start: 1, End: 2}, true},
		// Reordered and partly reworded.
		{"for the first personal talks since october blinken and wang met on saturday", Match{Start: 0, End: 1}, true},
		// A merge of two adjacent source sentences.
		{"china has refused to condemn russia's actions and us officials have not seen china evade sanctions", Match{Start: 2, End: 4}, true},
		// Same story, unrelated sentence: shares only names and small words.
		{"wang told reporters china and the united states are two major countries", Match{}, false},
	}
	for _, tt := range tests {
		m, ok := ix.Best(strings.Fields(tt.q))
		if ok != tt.wantOK || (ok && (m.Start != tt.want.Start || m.End != tt.want.End)) {
			t.Errorf("Best(%q) = %+v, %v; want %+v, %v", tt.q, m, ok, tt.want, tt.wantOK)
		}
	}
}

func TestTextFind(t *testing.T) {
	src := strings.Fields("blinken told reporters there is no substitute for face-to-face diplomacy and in a relationship as complex and consequential as this one there is a lot to talk about he said beijing and moscow announced a no limits partnership")
	tx := NewText(src)
	tests := []struct {
		q         string
		wantRange Range
		wantEqual int
		hunks     int
	}{
		{"there is no substitute for face-to-face diplomacy", Range{3, 10}, 7, 0},
		{"no substitute for personal … diplomacy", Range{5, 10}, 4, 1},
		{"as complex and … as this one", Range{14, 21}, 6, 1},
	}
	for _, tt := range tests {
		p, ok := tx.Find(strings.Fields(tt.q))
		if !ok || p.Range != tt.wantRange || p.Equal != tt.wantEqual || len(p.Hunks) != tt.hunks {
			t.Errorf("Find(%q) = %+v, %v; want range %v, equal %d, %d hunks", tt.q, p, ok, tt.wantRange, tt.wantEqual, tt.hunks)
		}
	}
	if _, ok := tx.Find(strings.Fields("entirely elsewhere")); ok {
		t.Error("Find of absent words succeeded")
	}
}

// BenchmarkAlignStory aligns a 1,000-word rewrite with its 1,000-word source, sentence by sentence: the
// work the source rules do on every lint of a story.
func BenchmarkAlignStory(b *testing.B) {
	var src, draft [][]string
	var group []int
	for i := range 50 {
		s := strings.Fields(fmt.Sprintf("officials in city%d said the council would spend %d million dollars on roads and schools before the vote in month%d", i, i, i))
		src = append(src, s)
		group = append(group, 0)
		d := append([]string(nil), s...)
		d[3] = "announced"
		draft = append(draft, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		ix := NewIndex(src, group)
		for _, d := range draft {
			m, ok := ix.Best(d)
			if !ok {
				b.Fatal("not aligned")
			}
			var a []string
			for _, s := range src[m.Start:m.End] {
				a = append(a, s...)
			}
			h, _ := Diff(a, d)
			TrimEnds(h, len(a), len(d), nil)
		}
	}
}
