package rules

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// houseStyle flags spellings the house has replaced (Kiev → Kyiv) from a dictionary of substitutions.
type houseStyle struct{ dict *houseDict }

func newHouseStyle() Rule { return &houseStyle{dict: defaultHouseStyle()} }

var houseStyleOptions = map[string]string{
	"substitutions": "a mapping of spellings to flag to the house spelling, e.g. {\"Peking\": \"Beijing\"}; " +
		"added to the built-in dictionary (and overriding an entry for the same spelling), reported as warnings",
	"replace-defaults": "true to use only the substitutions from configuration, without the built-in dictionary",
}

func (*houseStyle) Meta() Meta {
	return Meta{
		ID: "house-style", Category: "style", Severity: Warning,
		Summary: "a spelling the house style has replaced (\"Kiev\" for \"Kyiv\", \"e-mail\" for \"email\")",
		Doc: "Wire services and newspapers update place names and term spellings: AP and Reuters write Kyiv " +
			"since 2019, Beijing replaced Peking after 1979, AP wrote email from 2011. Pasted and spun copy " +
			"often carries the old forms. The built-in dictionary (rules/data/house_style.tsv, each entry " +
			"with its source) keeps fixed phrases such as \"chicken Kiev\" and \"Peking duck\" unflagged; " +
			"an old name inside quotation marks is reported only as information, since it may be a " +
			"historical name. The fix writes the house spelling, in the case of the copy.",
		Bad:     "Kiev counters that it is an imperialist land grab.",
		Good:    "Kyiv counters that it is an imperialist land grab.",
		Options: houseStyleOptions,
	}
}

func (h *houseStyle) Configure(opts Options) error {
	if err := opts.CheckKeys(houseStyleOptions); err != nil {
		return err
	}
	subs, err := opts.StringMap("substitutions")
	if err != nil {
		return err
	}
	replace, err := opts.Bool("replace-defaults", false)
	if err != nil {
		return err
	}
	if len(subs) == 0 && !replace {
		return nil
	}
	dict := &houseDict{byFirst: map[string][]*houseEntry{}}
	if !replace {
		dict = h.dict.clone()
	}
	wrongs := make([]string, 0, len(subs))
	for w := range subs {
		wrongs = append(wrongs, w)
	}
	sort.Strings(wrongs) // a stable order, so errors and overrides do not depend on map iteration
	for _, w := range wrongs {
		if err := dict.add(w, subs[w], Warning, nil, "configuration"); err != nil {
			return err
		}
	}
	h.dict = dict
	return nil
}

func (h *houseStyle) Check(p *Pass) {
	d := p.Doc
	var key []byte
	for bi, b := range d.Blocks {
		for ti := b.TokenStart; ti < b.TokenEnd; ti++ {
			t := d.Tokens[ti]
			if t.Kind != document.Word {
				continue
			}
			word := trimPossessive(d.Slice(t.Span))
			if h.dict.first.skipWord(word) {
				continue // neither the word nor a part of it starts an entry
			}
			key = appendLower(key[:0], word)
			if e, n := h.matchTokens(d, b, ti, h.dict.byFirst[string(key)]); e != nil {
				last := d.Tokens[ti+n-1]
				end := last.Start + len(trimPossessive(d.Slice(last.Span)))
				h.report(p, bi, ti, document.Span{Start: t.Start, End: end}, e)
				ti += n - 1
				continue
			}
			forEachHyphenPart(word, func(start, end int) {
				part := word[start:end]
				if !h.dict.first.mayHave(part) {
					return
				}
				key = appendLower(key[:0], part)
				for _, e := range h.dict.byFirst[string(key)] {
					if len(e.wrong) == 1 && e.matchesWord(0, part) {
						h.report(p, bi, ti, document.Span{Start: t.Start + start, End: t.Start + end}, e)
						return
					}
				}
			})
		}
	}
}

// matchTokens returns the entry whose words start at token ti, and how many tokens it spans; nil when
// none does or the match is part of an exception phrase.
func (h *houseStyle) matchTokens(d *document.Document, b document.Block, ti int, candidates []*houseEntry) (*houseEntry, int) {
next:
	for _, e := range candidates {
		n := len(e.wrong)
		if ti+n > b.TokenEnd {
			continue
		}
		for j := range n {
			t := d.Tokens[ti+j]
			if t.Kind != document.Word || !e.matchesWord(j, trimPossessive(d.Slice(t.Span))) {
				continue next
			}
		}
		if isHouseException(d, b, ti, e) {
			return nil, 0
		}
		return e, n
	}
	return nil, 0
}

// isHouseException reports whether the match at token ti sits inside one of the entry's fixed phrases.
func isHouseException(d *document.Document, b document.Block, ti int, e *houseEntry) bool {
next:
	for _, ex := range e.except {
		s := ti - ex.at
		if s < b.TokenStart || s+len(ex.words) > b.TokenEnd {
			continue
		}
		for j, w := range ex.words {
			t := d.Tokens[s+j]
			if t.Kind != document.Word || !strings.EqualFold(trimPossessive(d.Slice(t.Span)), w) {
				continue next
			}
		}
		return true
	}
	return false
}

func (h *houseStyle) report(p *Pass, bi, ti int, span document.Span, e *houseEntry) {
	d := p.Doc
	matched := d.Slice(span)
	right := casedLike(matched, strings.Join(e.wrong, " "), e.right, capitalStart(d, bi, ti))
	if right == matched {
		return
	}
	f := Finding{Span: span, Severity: e.severity}
	safe := true
	f.Message = "house style is \"" + right + "\", not \"" + matched + "\""
	if insideQuotes(d, d.Blocks[bi], span.Start) {
		f.Severity, safe = Info, false
		f.Message += " (inside a quotation: keep it if it is a historical or proper name)"
	}
	f.Fixes = []Fix{p.ReplaceFix(span, right, "write \""+right+"\"", safe)}
	p.Report(f)
}
