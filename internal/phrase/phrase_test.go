package phrase

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

type match struct{ id, start, n int }

// scanAll collects the matches Scan accepts when every candidate is taken.
func scanAll(m *Matcher, words []string) []match {
	var out []match
	m.Scan(words, func(id, start, n int) int {
		out = append(out, match{id, start, n})
		return n
	})
	return out
}

// bruteForce is the reference: at each position try every phrase, longest first, then in id order.
func bruteForce(phrases [][]string, words []string) []match {
	order := make([]int, len(phrases))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(phrases[b]) - len(phrases[a]) })
	var out []match
	for i := 0; i < len(words); {
		found := false
		for _, id := range order {
			p := phrases[id]
			if i+len(p) > len(words) {
				continue
			}
			ok := true
			for k, w := range p {
				if words[i+k] == "" || Normalize(words[i+k]) != Normalize(w) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, match{id, i, len(p)})
				i += len(p)
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

func build(t testing.TB, phrases ...string) *Matcher {
	t.Helper()
	m := New()
	for _, p := range phrases {
		if _, err := m.Add(strings.Fields(p)); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestScan(t *testing.T) {
	m := build(t, "no borders partnership", "no borders", "re-archived", "big data", "data mining", "personal talks")
	tests := []struct {
		name, text string
		want       []match
	}{
		{"longest wins", "a no borders partnership", []match{{0, 1, 3}}},
		{"shorter when longer is cut", "no borders deal", []match{{1, 0, 2}}},
		{"leftmost wins over overlap", "big data mining", []match{{3, 0, 2}}},
		{"case and apostrophes", "BIG Data", []match{{3, 0, 2}}},
		{"unicode hyphen", "Re‑archived", []match{{2, 0, 1}}},
		{"en dash is a hyphen", "re–archived", []match{{2, 0, 1}}},
		{"barrier stops a match", "personal | talks", nil},
		{"whole words only", "bigger data", nil},
		{"no match", "the talks were personal", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.text)
			for i, w := range words {
				if w == "|" {
					words[i] = ""
				}
			}
			if got := scanAll(m, words); !slices.Equal(got, tt.want) {
				t.Errorf("Scan(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanOffersShorterWhenRefused(t *testing.T) {
	m := build(t, "escape", "escape harsh sanctions", "harsh")
	var got []match
	m.Scan(strings.Fields("escape harsh sanctions"), func(id, start, n int) int {
		got = append(got, match{id, start, n})
		if id == 1 {
			return 0 // refuse the long phrase: the one-word phrase at the same place is offered next
		}
		return n
	})
	want := []match{{1, 0, 3}, {0, 0, 1}, {2, 1, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestScanAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	vocab := []string{"a", "B", "c", "d’e", "d'E", "f-g", "F‑G", "h", ""}
	word := func() string { return vocab[rng.Intn(len(vocab))] }
	for round := 0; round < 300; round++ {
		m := New()
		var phrases [][]string
		for range 1 + rng.Intn(30) {
			p := make([]string, 1+rng.Intn(4))
			for k := range p {
				for p[k] == "" {
					p[k] = word()
				}
			}
			if _, err := m.Add(p); err != nil {
				t.Fatal(err)
			}
			phrases = append(phrases, p)
		}
		text := make([]string, rng.Intn(60))
		for k := range text {
			text[k] = word()
		}
		got, want := scanAll(m, text), bruteForce(phrases, text)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: phrases %q, text %q:\n got %v\nwant %v", round, phrases, text, got, want)
		}
	}
}

func TestAddRejectsBadPhrases(t *testing.T) {
	m := New()
	for _, p := range [][]string{nil, {"a", ""}, make([]string, MaxWords+1)} {
		if _, err := m.Add(p); err == nil {
			t.Errorf("Add(%q) accepted", p)
		}
	}
}

func TestEqualWord(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Ukraine’s", "ukraine's", true},
		{"face‑to‑face", "Face-To-Face", true},
		{"ÉTÉ", "été", true},
		{"data", "datum", false},
		{"data", "dat", false},
	} {
		if got := EqualWord(tt.a, tt.b); got != tt.want {
			t.Errorf("EqualWord(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// BenchmarkScan measures throughput on random text against a dictionary the size of the tortured-phrase
// list: the time per byte should not depend on the number of phrases.
func BenchmarkScan(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	vocab := make([]string, 5000)
	for i := range vocab {
		var sb strings.Builder
		for range 3 + rng.Intn(7) {
			sb.WriteByte(byte('a' + rng.Intn(26)))
		}
		vocab[i] = sb.String()
	}
	m := New()
	for range 8000 {
		p := make([]string, 1+rng.Intn(4))
		for k := range p {
			p[k] = vocab[rng.Intn(len(vocab))]
		}
		if _, err := m.Add(p); err != nil {
			b.Fatal(err)
		}
	}
	text := make([]string, 200_000)
	size := 0
	for k := range text {
		text[k] = vocab[rng.Intn(len(vocab))]
		size += len(text[k]) + 1
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		m.Scan(text, func(id, start, n int) int { return n })
	}
}
