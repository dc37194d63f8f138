package align

// Text is a word stream, such as a source document, that quotations are looked up in.
type Text struct {
	words    []string
	postings map[string][]int
}

// maxPostings skips words so common in the text ("the") that their positions say nothing about where a
// quotation comes from.
const maxPostings = 64

// NewText indexes a word stream for Find.
func NewText(words []string) *Text {
	t := &Text{words: words, postings: map[string][]int{}}
	for i, w := range words {
		t.postings[w] = append(t.postings[w], i)
	}
	return t
}

// Passage is the part of a Text a quotation was aligned with.
type Passage struct {
	Range // in the Text
	// Hunks are the differences: A in Text positions, B in quotation positions.
	Hunks []Hunk
	// Equal is how many words of the quotation the passage has, in order.
	Equal int
}

// Find returns the passage of t most like the quotation q. Each word of q votes for the offset at which
// q would start if that occurrence were the one quoted; the offset with the most votes nearby anchors a
// window, which is diffed against q and trimmed to the words that correspond to it.
func (t *Text) Find(q []string) (Passage, bool) {
	votes := map[int]int{}
	for i, w := range q {
		ps := t.postings[w]
		if len(ps) > maxPostings {
			continue
		}
		for _, p := range ps {
			votes[p-i]++
		}
	}
	if len(votes) == 0 {
		return Passage{}, false
	}
	const reach = 3 // words added or dropped before a matching word shift its vote this far
	anchor, most := 0, -1
	for d := range votes {
		n := 0
		for k := d - reach; k <= d+reach; k++ {
			n += votes[k]
		}
		if n > most || (n == most && d < anchor) {
			anchor, most = d, n
		}
	}
	slack := len(q)/2 + reach
	win := Range{max(0, anchor-slack), min(len(t.words), anchor+len(q)+slack)}
	hunks, equal := Diff(t.words[win.Start:win.End], q)
	hunks, span := TrimEnds(hunks, win.Len(), len(q), nil)
	for k := range hunks {
		hunks[k].A.Start += win.Start
		hunks[k].A.End += win.Start
	}
	return Passage{Range: Range{win.Start + span.Start, win.Start + span.End}, Hunks: hunks, Equal: equal}, true
}
