package rules

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// The people rules (title-consistency, descriptor-reuse, asymmetric-titles) and duplicated-name's
// counterpart search find in indexes what they once found by comparing every pair of mentions or reading
// the whole story again for each repeated name. These tests hold them to the pairwise definitions, kept
// here, on random stories full of the hard cases (one person under many titles and names, one descriptor
// for many people, case and fold variants) and on the Brown corpus when it is at hand.

// refSwappedTitles is swappedTitles as every pair defines it.
func refSwappedTitles(people []personMention) []int {
	out := make([]int, len(people))
	for i, m := range people {
		out[i] = -1
		if m.Title == nil {
			continue
		}
		for j, first := range people[:i] {
			if first.Title != nil && first.samePerson(m) && swappedTitle(first.Title, m.Title) {
				out[i] = j
				break
			}
		}
	}
	return out
}

// refReusedDescriptors is reusedDescriptors as every pair defines it.
func refReusedDescriptors(d *document.Document, people []personMention) []int {
	out := make([]int, len(people))
	for i, m := range people {
		out[i] = -1
		if m.Desc.Len() == 0 || len(strings.Fields(d.Slice(m.Desc))) < minReusedDescriptorWords {
			continue
		}
		key := termKey(d.Slice(m.Desc))
		for j, first := range people[:i] {
			if first.Desc.Len() == 0 || first.Desc == m.Desc || termKey(d.Slice(first.Desc)) != key ||
				first.samePerson(m) || !(first.Definite || m.Definite) || successiveHolders(first, m) {
				continue
			}
			out[i] = j
			break
		}
	}
	return out
}

// refBareUses is bareDescriptors.uses reading every token.
func refBareUses(d *document.Document, desc string, people []personMention) []document.Span {
	words := strings.Fields(desc)
	n := 0
	for n < len(words) && !hasLower(descriptorPrepositions, words[n]) {
		n++
	}
	if n < minReusedDescriptorWords {
		return nil
	}
	want := append([]string{"the"}, words[:n]...)
	var out []document.Span
	toks := d.Tokens
	for i := 0; i+len(want) <= len(toks); i++ {
		if !tokensSpell(d, toks[i:i+len(want)], want) || slices.ContainsFunc(people, func(m personMention) bool {
			return m.Span.Start <= toks[i].Start && toks[i].Start < m.Span.End
		}) {
			continue
		}
		out = append(out, document.Span{Start: toks[i].Start, End: toks[i+len(want)-1].End})
	}
	return out
}

// refPairedCounterpart is pairedCounterpart reading every coordination of the story each time.
func refPairedCounterpart(d *document.Document, w []string, dup coordinatedDuplicate) (counterpart, bool) {
	standsAlone := func(w string) bool {
		for i, t := range d.Tokens {
			if d.Slice(t.Span) != w {
				continue
			}
			b := d.Blocks[d.BlockOf(t.Start)]
			if (i == b.TokenStart || !isNameWord(d, i-1)) && (i+1 >= b.TokenEnd || !isNameWord(d, i+1)) {
				return true
			}
		}
		return false
	}
	shortName := func(name []string, n int) string {
		if n < len(name) {
			for _, w := range name {
				if standsAlone(w) {
					return w
				}
			}
		}
		return strings.Join(name, " ")
	}
	var found counterpart
	for _, b := range d.Blocks {
		if b.Kind == document.Heading {
			continue
		}
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			if d.Slice(d.Tokens[i].Span) != "and" {
				continue
			}
			left, right := nameRunBefore(d, b, i), nameRunAfter(d, b, min(i+1, b.TokenEnd))
			if left.empty() || right.empty() || isModifier(d, b, right.end) || rangesOverlap(left, dup.right) || rangesOverlap(right, dup.right) {
				continue
			}
			lp, rp := personName(runWords(d, left)), personName(runWords(d, right))
			var other []string
			switch {
			case hasAllWords(lp, w) && !hasAnyWord(rp, w):
				other = rp
			case hasAllWords(rp, w) && !hasAnyWord(lp, w):
				other = lp
			default:
				continue
			}
			name := shortName(other, len(w))
			if found.name != "" && found.name != name {
				return counterpart{}, false
			}
			found = counterpart{name: name, evidence: document.Span{Start: d.Tokens[left.start].Start, End: d.Tokens[right.end-1].End}}
		}
	}
	return found, found.name != ""
}

// agreed counts the cases checkIndexesAgree saw found, so that a test can tell it compared something.
type agreed struct{ swapped, reused, country, bare, counterparts int }

// checkIndexesAgree compares the indexed searches with the pairwise definitions on one document.
func checkIndexesAgree(t *testing.T, d *document.Document, seen *agreed) {
	t.Helper()
	people := scanPeople(d)
	if got, want := swappedTitles(people), refSwappedTitles(people); !slices.Equal(got, want) {
		t.Fatalf("%s: swappedTitles %v, pairwise %v\n%s", d.Path, got, want, d.Text)
	} else if slices.ContainsFunc(got, func(j int) bool { return j >= 0 }) {
		seen.swapped++
	}
	if got, want := reusedDescriptors(d, people), refReusedDescriptors(d, people); !slices.Equal(got, want) {
		t.Fatalf("%s: reusedDescriptors %v, pairwise %v\n%s", d.Path, got, want, d.Text)
	} else if slices.ContainsFunc(got, func(j int) bool { return j >= 0 }) {
		seen.reused++
	}
	var countries countryIndex
	for i := 1; i < len(people); i++ {
		want := slices.ContainsFunc(people[:i-1], func(e personMention) bool {
			return e.Title != nil && e.Title.Country.Len() > 0 && e.samePerson(people[i])
		})
		if got := countries.givenBefore(people, i-1, people[i]); got != want {
			t.Fatalf("%s: country given before mention %d: %v, pairwise %v\n%s", d.Path, i, got, want, d.Text)
		} else if got {
			seen.country++
		}
	}
	bare := newBareDescriptors(d, people)
	for _, m := range people {
		if m.Desc.Len() == 0 {
			continue
		}
		desc := d.Slice(m.Desc)
		if got, want := bare.uses(desc), refBareUses(d, desc, people); !slices.Equal(got, want) {
			t.Fatalf("%s: bare uses of %q: %v, every token read: %v\n%s", d.Path, desc, got, want, d.Text)
		} else if len(got) > 0 {
			seen.bare++
		}
	}
	names := knownNames(d)
	for _, b := range d.Blocks {
		for i := b.TokenStart; i < b.TokenEnd; i++ {
			dup, ok := findCoordinatedDuplicate(d, b, i, names)
			if !ok {
				continue
			}
			for _, dd := range []coordinatedDuplicate{dup, {right: dup.right}, {right: dup.left}} {
				w := runWords(d, dd.right)
				got, gok := pairedCounterpart(d, w, dd)
				want, wok := refPairedCounterpart(d, w, dd)
				if got != want || gok != wok {
					t.Fatalf("%s: counterpart of %q: %+v %v, reading every pair %+v %v\n%s", d.Path, w, got, gok, want, wok, d.Text)
				} else if gok {
					seen.counterparts++
				}
			}
		}
	}
}

// randomPeopleStory writes a story of n sentences from a small cast, so that names, titles and
// descriptors repeat and vary as the rules' hard cases do.
func randomPeopleStory(r *rand.Rand, n int) string {
	pick := func(s ...string) string { return s[r.Intn(len(s))] }
	names := []string{"Wang Yi", "Wang", "Yi", "Wang Yi Jr.", "Daniel Russel", "Russel", "Daniel Kritenbrink",
		"Kritenbrink", "Joe Biden", "Biden", "Xi Jinping", "Xi", "Wang Jinping", "Li Wang", "Ana Li", "Yi Wang"}
	name := func() string { return names[r.Intn(len(names))] }
	quals := []string{"Foreign", "foreign", "international", "Overseas", "overseas", "External", "Defense",
		"protection", "Trade", "commerce", "Prime", "key", "Vice", "deputy", "Overſeas", "Chief", "Finance"}
	titles := []string{"Minister", "minister", "President", "Secretary", "Sen.", "Chancellor", "Premier"}
	countries := []string{"", "Chinese ", "U.S. ", "US ", "American ", "United States "}
	descs := []string{"top US diplomat for East Asia", "top U.S. diplomat for East Asia", "Top US Diplomat for East Asia",
		"top-US diplomat for East Asia", "chief negotiator on trade", "senior official", "top diplomat",
		"ſenior official", "former envoy to China", "top diplomat for Asia"}
	var sb strings.Builder
	for range n {
		switch r.Intn(9) {
		case 0, 1:
			sb.WriteString(pick(countries...) + pick(quals...) + " " + pick(titles...) + " " + name() + " said.")
		case 2:
			sb.WriteString(name() + ", " + pick("the", "a", "an", "The") + " " + pick(descs...) + ", said.")
		case 3:
			sb.WriteString("The " + pick(descs...) + ", " + name() + ", said.")
		case 4:
			sb.WriteString(name() + ", the " + pick(descs...) + " " + pick("under", "until", "since") + " former President " + name() + ", said.")
		case 5:
			sb.WriteString(pick("", "Chinese ", "US ") + pick(titles...) + " " + name() + " and " + pick("", "Chinese ", "US ") + pick(titles...) + " " + name() + " met.")
		case 6:
			sb.WriteString("A meeting between " + name() + " and " + name() + pick(".", ". "+name()+", their first as leaders.", " soon."))
		case 7:
			sb.WriteString("He saw the " + pick(descs...) + " and " + name() + " and " + name() + ".")
		default:
			sb.WriteString(name() + ", " + name() + " and " + name() + " spoke to the " + pick(descs...) + ".")
		}
		sb.WriteString(pick(" ", " ", "\n\n"))
	}
	return sb.String()
}

func TestPeopleIndexesAgreeWithPairwise(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var seen agreed
	for range 1500 {
		src := randomPeopleStory(r, 4+r.Intn(60))
		checkIndexesAgree(t, document.ParseText("random.txt", []byte(src)), &seen)
	}
	if seen.swapped == 0 || seen.reused == 0 || seen.country == 0 || seen.bare == 0 || seen.counterparts == 0 {
		t.Errorf("the random stories miss a case: %+v", seen)
	}
	t.Logf("random stories with a finding of each kind: %+v", seen)
	for _, s := range benchStories {
		d, _ := benchDoc0(t, s.path)
		checkIndexesAgree(t, d, &seen)
	}
	// COPYDESK_BROWN=/path/to/brown adds the corpus, file by file and as one file of 1 MB.
	dir := os.Getenv("COPYDESK_BROWN")
	if dir == "" || testing.Short() {
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var all []byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkIndexesAgree(t, document.ParseText(f, src), &seen)
		if len(all) < 1<<20 {
			all = append(append(all, src...), "\n\n"...)
		}
	}
	checkIndexesAgree(t, document.ParseText("brown-1MB.txt", all), &seen) // many people, many repeats
}

// benchDoc0 is benchDoc for a test.
func benchDoc0(t *testing.T, path string) (*document.Document, []byte) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return document.ParseText(path, src), src
}
