package document

import (
	"strings"
	"unicode"
)

// abbreviations end with a full stop that does not end a sentence ("Gov. Smith", "Feb. 24").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gov": true, "sen": true, "rep": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "cmdr": true, "sgt": true, "adm": true,
	"st": true, "jr": true, "sr": true, "rev": true, "hon": true, "pres": true, "supt": true, "atty": true,
	"inc": true, "co": true, "corp": true, "ltd": true, "bros": true, "no": true, "vs": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true,
	"nov": true, "dec": true, "mt": true, "ft": true, "ave": true, "blvd": true, "dept": true, "univ": true,
	"approx": true, "est": true, "fig": true, "vol": true, "pp": true,
}

func isSentenceEnd(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "…" || s == "..."
}

func isCloser(s string) bool {
	return s == "”" || s == "\"" || s == "’" || s == "'" || s == ")" || s == "]" || s == "»"
}

// indexBlocks records each block's token range and splits it into sentences.
func (d *Document) indexBlocks() {
	t := 0
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		for t < len(d.Tokens) && d.Tokens[t].Start < b.Span.Start {
			t++
		}
		b.TokenStart = t
		for t < len(d.Tokens) && d.Tokens[t].End <= b.Span.End {
			t++
		}
		b.TokenEnd = t
		b.Sentences = d.splitSentences(b.Span, d.Tokens[b.TokenStart:b.TokenEnd])
	}
}

// splitSentences finds sentence boundaries: a terminal mark, any closing quotes or brackets, then a token
// that starts with a capital, a digit or an opening quote. A full stop after an abbreviation or a single
// capital (a middle initial) does not end a sentence.
func (d *Document) splitSentences(block Span, toks []Token) []Span {
	var out []Span
	start := block.Start
	for i := 0; i < len(toks); i++ {
		tok := d.Text[toks[i].Start:toks[i].End]
		if toks[i].Kind != Punct || !isSentenceEnd(tok) {
			continue
		}
		if tok == "." && i > 0 && toks[i-1].End == toks[i].Start && d.isAbbreviation(toks[i-1]) {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Kind == Punct && isCloser(d.Text[toks[j].Start:toks[j].End]) && toks[j].Start == toks[j-1].End {
			j++
		}
		end := toks[j-1].End
		if j < len(toks) && !startsSentence(d.Text[toks[j].Start:toks[j].End]) {
			continue
		}
		out = append(out, Span{start, end})
		if j < len(toks) {
			start = toks[j].Start
		} else {
			start = block.End
		}
		i = j - 1
	}
	if start < block.End {
		out = append(out, Span{start, block.End})
	}
	return out
}

func (d *Document) isAbbreviation(t Token) bool {
	w := d.Text[t.Start:t.End]
	if t.Kind != Word {
		return false
	}
	if len(w) == 1 && unicode.IsUpper(rune(w[0])) {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

func startsSentence(tok string) bool {
	r := runeAt(tok, 0)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '“' || r == '"' || r == '‘' || r == '\'' || r == '(' || r == '['
}
