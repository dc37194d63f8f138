package rules

import (
	"github.com/copydesk/copydesk/internal/align"
	"github.com/copydesk/copydesk/internal/document"
)

// attributionVerbs introduce who said something ("Wang said", "said Wang", "X told reporters", "which
// Moscow calls"); "according" counts when "to" follows.
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"stated": true, "wrote": true, "writes": true, "calls": true, "call": true, "according": true,
}

// speakerSkips stand between a speaker and the verb ("officials have said", "Wang also said").
var speakerSkips = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "earlier": true, "previously": true,
	"then": true, "again": true, "repeatedly": true, "would": true,
}

// pronouns speak for a speaker named elsewhere; any attribution verb in the draft keeps them.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "who": true}

type sourceAttribution struct{}

func newSourceAttribution() Rule { return sourceAttribution{} }

func (sourceAttribution) Meta() Meta {
	return Meta{
		ID: "source-attribution", Category: "source", Severity: Warning,
		Summary: "an attribution of the source (\"said X\", \"according to Y\") missing in the draft",
		Doc: "Each sentence of the draft is aligned with the sentence of the source (`--against`) it was " +
			"written from. When the source says who said or claims something (\"said Wang\", \"according " +
			"to officials\", \"which Moscow calls\") and the draft sentence, and the sentences around it, " +
			"no longer name that speaker, a claim has become the writer's own, or someone else's.",
		Bad:  "Officials warned of consequences, calling it a “special military operation”.",
		Good: "Officials warned of consequences for what Moscow calls a “special military operation”.",
	}
}

// attribution is a speaker and verb in a source sentence.
type attribution struct {
	phrase  align.Range // speaker and verb, in source words
	speaker []string    // keys that name the speaker
	pronoun bool
}

func (sourceAttribution) Check(p *Pass) {
	if len(p.Sources) == 0 {
		return
	}
	srcQuoted := map[*document.Document][]bool{}
	aligned := analyse(p).aligned
	for i, a := range aligned {
		q, ok := srcQuoted[a.src.doc]
		if !ok {
			q = quotedTokens(a.src.doc, findQuotations(a.src.doc))
			srcQuoted[a.src.doc] = q
		}
		for _, at := range attributions(a.src, q) {
			if !keepsClaim(a, at) || keepsAttribution(p.Doc, aligned, i, at) {
				continue
			}
			p.Report(Finding{Span: a.span,
				Message: "attribution dropped: the source says \"" + a.src.text(at.phrase) + "\" and the draft names no speaker"})
		}
	}
}

// attributions finds the attributions in a source sentence, outside quotations.
func attributions(w words, quoted []bool) []attribution {
	var out []attribution
	for i := range w.keys {
		k := w.keys[i]
		if !attributionVerbs[k] || quoted[w.toks[i]] {
			continue
		}
		if k == "according" {
			if i+2 < len(w.keys) && w.keys[i+1] == "to" {
				end := i + 3
				for end < len(w.keys) && end < i+8 && !w.punctuationBefore(end) {
					end++
				}
				out = append(out, attribution{phrase: align.Range{Start: i, End: end}, speaker: contentKeys(w.keys[i+2 : end])})
			}
			continue
		}
		j := i - 1
		for j >= 0 && speakerSkips[w.keys[j]] {
			j--
		}
		switch {
		case j >= 0 && !quoted[w.toks[j]] && pronouns[w.keys[j]]:
			out = append(out, attribution{phrase: align.Range{Start: j, End: i + 1}, speaker: w.keys[j : j+1], pronoun: true})
		case j >= 0 && !quoted[w.toks[j]] && !stopwords[w.keys[j]]:
			// The whole name before the verb: "the National Park Service says".
			first := j
			for first > 0 && j-first < 3 && w.isFact(first-1) && w.isFact(first) {
				first--
			}
			out = append(out, attribution{phrase: align.Range{Start: first, End: i + 1}, speaker: w.keys[first : j+1]})
		case i+1 < len(w.keys) && w.isFact(i+1):
			out = append(out, attribution{phrase: align.Range{Start: i, End: i + 2}, speaker: []string{w.keys[i+1]}})
		}
	}
	return out
}

func contentKeys(keys []string) []string {
	var out []string
	for _, k := range keys {
		if !stopwords[k] {
			out = append(out, k)
		}
	}
	return out
}

// keepsAttribution reports whether draft sentence i still names the speaker (or, for a pronoun, still
// attributes at all), or a sentence does that is next to it in its block or made from the same source
// sentence (the draft split it in two).
func keepsAttribution(doc *document.Document, aligned []alignedSentence, i int, at attribution) bool {
	a := aligned[i]
	sents := doc.Blocks[a.block].Sentences
	var near []words
	for k := max(0, a.index-1); k < min(len(sents), a.index+2); k++ {
		near = append(near, collectWords(doc, sents[k], false))
	}
	for _, b := range aligned {
		if b.src.doc == a.src.doc && b.match.Start < a.match.End && a.match.Start < b.match.End {
			near = append(near, b.draft)
		}
	}
	for _, w := range near {
		for _, k := range w.keys {
			if at.pronoun && attributionVerbs[k] {
				return true
			}
			for _, s := range at.speaker {
				if sameName(k, s) {
					return true
				}
			}
		}
	}
	return false
}

// claimWords is how many words next to an attribution stand for what was attributed.
const claimWords = 4

// keepsClaim reports whether the draft sentence kept what the source attributes: at least half of the
// words after the attribution (or before it, at the end of a sentence) are unchanged. A draft that
// dropped the claim with its speaker has dropped no attribution.
func keepsClaim(a alignedSentence, at attribution) bool {
	r := align.Range{Start: at.phrase.End, End: min(len(a.same), at.phrase.End+claimWords)}
	if r.Len() < 2 {
		r = align.Range{Start: max(0, at.phrase.Start-claimWords), End: at.phrase.Start}
	}
	kept := 0
	for i := r.Start; i < r.End; i++ {
		if a.same[i] {
			kept++
		}
	}
	return r.Len() > 0 && kept*2 >= r.Len()
}
