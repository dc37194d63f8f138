package align

import "math"

// Index finds, for a sentence of a rewrite, the sentence (or two adjacent sentences) of the original most
// like it. Likeness is the Dice coefficient over the sentences' distinct words, each weighted by its
// rarity in the original (inverse sentence frequency), so that shared names and content words count and
// shared "the" barely does. An inverted index from word to sentences keeps a lookup proportional to the
// postings of the query's words rather than to the size of the original.
type Index struct {
	sents    []map[string]bool
	group    []int // sentences merge only with a neighbour of the same group (one source document)
	weight   map[string]float64
	unseen   float64 // weight of a word the original does not have: the rarest there is
	norm     []float64
	postings map[string][]int
	// pairNorm[s] is the weight of the words sentences s and s+1 share, for scoring them as one.
	pairNorm []float64
}

// Thresholds below which two sentences are not taken to be one rewritten from the other. Sentences of one
// story share names and function words, so an unrelated pair scores up to about 0.3.
const (
	MinScore  = 0.4
	MinShared = 3
)

// Match is the part of the original a sentence was aligned with: sentences [Start, End).
type Match struct {
	Start, End int
	Score      float64
}

// NewIndex indexes the sentences of an original, each given as its word keys; group[i] says which
// document sentence i belongs to.
func NewIndex(sents [][]string, group []int) *Index {
	ix := &Index{group: group, weight: map[string]float64{}, postings: map[string][]int{}}
	df := map[string]int{}
	for i, s := range sents {
		set := make(map[string]bool, len(s))
		for _, w := range s {
			if !set[w] {
				set[w] = true
				df[w]++
				ix.postings[w] = append(ix.postings[w], i)
			}
		}
		ix.sents = append(ix.sents, set)
	}
	n := float64(len(sents))
	for w, f := range df {
		ix.weight[w] = math.Log(1 + n/float64(f))
	}
	ix.unseen = math.Log(1 + n)
	ix.norm = make([]float64, len(sents))
	ix.pairNorm = make([]float64, len(sents))
	for i, set := range ix.sents {
		for w := range set {
			ix.norm[i] += ix.weight[w]
			if i+1 < len(sents) && ix.sents[i+1][w] {
				ix.pairNorm[i] += ix.weight[w]
			}
		}
	}
	return ix
}

func (ix *Index) wordWeight(w string) float64 {
	if v, ok := ix.weight[w]; ok {
		return v
	}
	return ix.unseen
}

// Best returns the sentence, or pair of adjacent sentences, most like the query; ok is false when
// nothing in the original is like it enough (see MinScore and MinShared).
func (ix *Index) Best(query []string) (m Match, ok bool) {
	q := make(map[string]bool, len(query))
	qnorm := 0.0
	for _, w := range query {
		if !q[w] {
			q[w] = true
			qnorm += ix.wordWeight(w)
		}
	}
	// shared[s] is the weight of the query words sentence s has; pairShared[s] of those s and s+1 both have.
	shared, pairShared := map[int]float64{}, map[int]float64{}
	for w := range q {
		ps := ix.postings[w]
		for k, s := range ps {
			shared[s] += ix.weight[w]
			if k+1 < len(ps) && ps[k+1] == s+1 {
				pairShared[s] += ix.weight[w]
			}
		}
	}
	best, bestScore := -1, 0.0
	for s, sh := range shared {
		if sc := 2 * sh / (qnorm + ix.norm[s]); sc > bestScore || (sc == bestScore && s < best) {
			best, bestScore = s, sc
		}
	}
	if best < 0 {
		return Match{}, false
	}
	m = Match{Start: best, End: best + 1, Score: bestScore}
	// A draft sentence may merge two source sentences: try the neighbours.
	for _, s := range []int{best - 1, best} {
		if s < 0 || s+1 >= len(ix.sents) || ix.group[s] != ix.group[s+1] {
			continue
		}
		sh := shared[s] + shared[s+1] - pairShared[s]
		norm := ix.norm[s] + ix.norm[s+1] - ix.pairNorm[s]
		if sc := 2 * sh / (qnorm + norm); sc > m.Score {
			m = Match{Start: s, End: s + 2, Score: sc}
		}
	}
	if m.Score < MinScore || ix.sharedWords(q, m) < min(MinShared, (len(q)+1)/2) {
		return m, false
	}
	return m, true
}

func (ix *Index) sharedWords(q map[string]bool, m Match) int {
	n := 0
	for w := range q {
		for s := m.Start; s < m.End; s++ {
			if ix.sents[s][w] {
				n++
				break
			}
		}
	}
	return n
}
