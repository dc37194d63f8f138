package rules

import (
	"fmt"
	"strings"
)

// styleConsistency flags the minority form where one story mixes forms of the same thing ("U.S." and
// "US", "9%" and "9 percent", "toward" and "towards").
type styleConsistency struct {
	// usForm is the form of the U.S. abbreviation the body must use, or -1 to follow the story's majority.
	usForm int
}

func newStyleConsistency() Rule { return &styleConsistency{usForm: -1} }

var styleConsistencyOptions = map[string]string{
	"us": "\"consistent\" (default) reports only a body that mixes U.S. and US; \"U.S.\" (Reuters and AP " +
		"body style) or \"US\" reports every use of the other form in the body; headlines are never checked",
}

func (*styleConsistency) Meta() Meta {
	return Meta{
		ID: "style-consistency", Category: "style", Severity: Warning,
		Summary: "one story mixes forms of the same thing (\"U.S.\" and \"US\", \"9%\" and \"9 percent\")",
		Doc: "Copy assembled from several sources, or rewritten by a spinner, mixes house styles: U.S. and " +
			"US, U.N. and UN, \"%\" and \"percent\", figures and words for percentages, toward and towards, " +
			"OK and okay. Whatever the house style, one story uses one form. The rule counts the forms in " +
			"the body (the headline follows headline style, where AP writes US) and reports each use of the " +
			"minority form, with a fix to the majority form. Mixed spellings of a word are information only; " +
			"abbreviations and percent forms are warnings. A spelled-out number starting a sentence is " +
			"required there and not counted.",
		Bad:     "U.S. officials met on Monday. US sanctions remain in place, U.S. officials said.",
		Good:    "U.S. officials met on Monday. U.S. sanctions remain in place, U.S. officials said.",
		Options: styleConsistencyOptions,
	}
}

func (s *styleConsistency) Configure(opts Options) error {
	if err := opts.CheckKeys(styleConsistencyOptions); err != nil {
		return err
	}
	us, err := opts.String("us", "consistent")
	if err != nil {
		return err
	}
	s.usForm = -1
	for i, f := range styleVariantGroups[usGroup].forms {
		if us == f {
			s.usForm = i
		}
	}
	if s.usForm < 0 && us != "consistent" {
		return fmt.Errorf("option \"us\": want \"consistent\", \"U.S.\" or \"US\", got %q", us)
	}
	return nil
}

func (s *styleConsistency) Check(p *Pass) {
	uses := make([][]variantUse, len(styleVariantGroups))
	collect := func(u variantUse) { uses[u.group] = append(uses[u.group], u) }
	for bi := range p.Doc.Blocks {
		if bi != p.Doc.Headline {
			findWordVariants(p.Doc, bi, collect)
			findPercentages(p.Doc, bi, collect)
		}
	}
	for gi, g := range styleVariantGroups {
		if gi == usGroup && s.usForm >= 0 {
			s.reportAll(p, g, uses[gi], s.usForm)
			continue
		}
		reportMinority(p, g, uses[gi])
	}
}

// reportAll reports every use that is not in the house form.
func (s *styleConsistency) reportAll(p *Pass, g variantGroup, uses []variantUse, want int) {
	for _, u := range uses {
		if u.form != want {
			reportVariant(p, g, u, want, fmt.Sprintf("house style is %q in body text, not %q", g.forms[want], u.matched), nil)
		}
	}
}

// reportMinority reports the uses of every form but the commonest; a tie goes to the form used first.
func reportMinority(p *Pass, g variantGroup, uses []variantUse) {
	counts := make([]int, len(g.forms))
	first := make([]int, len(g.forms))
	for i, u := range uses {
		if counts[u.form] == 0 {
			first[u.form] = i
		}
		counts[u.form]++
	}
	kinds, want := 0, -1
	for f, n := range counts {
		if n == 0 {
			continue
		}
		kinds++
		if want < 0 || n > counts[want] || n == counts[want] && first[f] < first[want] {
			want = f
		}
	}
	if kinds < 2 {
		return
	}
	major := uses[first[want]]
	for _, u := range uses {
		if u.form == want {
			continue
		}
		msg := fmt.Sprintf("the story writes %q %s and %q %s: use one form", g.forms[want], times(counts[want]),
			g.forms[u.form], times(counts[u.form]))
		if g.what != "" {
			msg = fmt.Sprintf("%s are written %s %s and %s %s: use one form", g.what, g.forms[want], times(counts[want]),
				g.forms[u.form], times(counts[u.form]))
		}
		reportVariant(p, g, u, want, msg, []Related{p.RelatedAt(major.span, fmt.Sprintf("%q is used here", major.matched))})
	}
}

func reportVariant(p *Pass, g variantGroup, u variantUse, want int, msg string, related []Related) {
	f := Finding{Span: u.span, Message: msg, Severity: g.severity, Related: related}
	if text, ok := g.rewrite(u, g.forms, want); ok && text != u.matched {
		f.Fixes = []Fix{p.ReplaceFix(u.span, text, fmt.Sprintf("write %q", strings.TrimSpace(text)), true)}
	}
	p.Report(f)
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}
