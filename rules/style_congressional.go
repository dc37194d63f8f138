package rules

import "github.com/copydesk/copydesk/internal/document"

// partyNouns follow "congressional" as common nouns, not as part of a name: AP writes "congressional
// Republicans".
var partyNouns = map[string]bool{
	"Republicans": true, "Democrats": true, "Republican": true, "Democratic": true, "Democrat": true,
}

type congressional struct{}

func newCongressional() Rule { return congressional{} }

func (congressional) Meta() Meta {
	return Meta{
		ID: "congressional", Category: "style", Severity: Warning,
		Summary: "\"Congressional\" capitalized where it is not part of a proper name",
		Doc: "AP and Reuters capitalize Congress but lowercase the adjective: congressional scrutiny, a " +
			"congressional district, congressional Republicans. It keeps its capital only in a proper name " +
			"such as the Congressional Budget Office or the Congressional Record, so a capitalized word " +
			"after it (other than a party name) is taken for a name and left alone, as is a sentence start " +
			"or a title-case headline. The fix lowercases the word.",
		Bad:  "The midterm elections center on Congressional scrutiny.",
		Good: "The midterm elections center on congressional scrutiny.",
	}
}

func (congressional) Check(p *Pass) {
	d := p.Doc
	for bi, b := range d.Blocks {
		if bi == d.Headline && isTitleCase(d, b) {
			continue
		}
		for ti := b.TokenStart; ti < b.TokenEnd; ti++ {
			t := d.Tokens[ti]
			word := trimPossessive(d.Slice(t.Span))
			if t.Kind != document.Word || word != "Congressional" || startsSentence(d, b, ti) {
				continue
			}
			if ti+1 < b.TokenEnd && d.Tokens[ti+1].Kind == document.Word {
				if next := d.Slice(d.Tokens[ti+1].Span); startsUpper(next) && !partyNouns[next] {
					continue // part of a name: Congressional Budget Office
				}
			}
			span := document.Span{Start: t.Start, End: t.Start + len(word)}
			p.Reportf(span, []Fix{p.ReplaceFix(span, "congressional", "lowercase \"congressional\"", true)},
				"lowercase \"congressional\" unless it is part of a proper name such as the Congressional Budget Office")
		}
	}
}
