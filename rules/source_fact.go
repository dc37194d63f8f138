package rules

type sourceFact struct{}

func newSourceFact() Rule { return sourceFact{} }

func (sourceFact) Meta() Meta {
	return Meta{
		ID: "source-fact", Category: "source", Severity: Error,
		Summary: "a name, number or date that differs from the source",
		Doc: "Each sentence of the draft is aligned with the sentence of the source (`--against`) it was " +
			"written from. Where the two put a different name, number or date in the same place " +
			"(\"February 24\" for \"February 23\", \"$5 million\" for \"$50 million\", \"Kritenbrick\" for " +
			"\"Kritenbrink\"), one of them is wrong, and it is usually the copy. A country for its " +
			"adjective (\"Russian\" for \"Russia's\"), an abbreviated month and \"US\" for \"U.S.\" are " +
			"no difference. The fix restores the source wording.",
		Bad:  "The council approved $5 million on Feb. 23.",
		Good: "The council approved $50 million on Feb. 23.",
	}
}

func (sourceFact) Check(p *Pass) {
	for _, r := range rewordings(p) {
		if !r.factsDiffer() {
			continue
		}
		d, src := r.draft.factRange(r.d), r.src.factRange(r.s)
		span, was := r.draft.span(d), r.src.text(src)
		p.Report(Finding{Span: span,
			Message: "differs from the source: \"" + p.Doc.Slice(span) + "\" where the source has \"" + was + "\"",
			Fixes:   []Fix{p.ReplaceFix(span, was, "use the source's \""+was+"\"", false)}})
	}
}
