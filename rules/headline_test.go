package rules

import "testing"

// seedLede is the seed story's first paragraph, long enough to be taken for a lede.
const seedLede = "NUSA DUA, Indonesia, July 9 (Reuters) – US Secretary of State Antony Blinken and Chinese Foreign " +
	"Minister Wang Yi met on Saturday for the first personal talks since October after attending a G20 summit.\n"

func TestHeadlineConsistency(t *testing.T) {
	runStyleCases(t, newHeadlineConsistency, []styleCase{
		{name: "headline against the lede, from the seed",
			src:     "US and Chinese foreign ministers hold first face-to-face talks since October\n\n" + seedLede,
			flagged: "face-to-face talks", sev: Warning},
		{name: "headline against the editor's note",
			src: "Leaders hold virtual summit on climate\n\nThe leaders of 40 countries met by video link on Thursday to discuss cutting emissions.\n\n" +
				"(This story has been corrected to say online summit in paragraph 1)\n",
			flagged: "virtual summit", sev: Warning},
		{name: "a word between modifier and noun",
			src:     "Ministers hold face-to-face trade talks\n\nThe ministers of the two countries held in-person trade talks in Bali on Saturday for five hours.\n",
			flagged: "face-to-face trade talks", sev: Warning},
		{name: "an extra word is no conflict",
			src: "Ministers hold first face-to-face talks\n\nThe ministers of the two countries held face-to-face talks in Bali on Saturday for five hours.\n"},
		{name: "another kind of thing",
			src: "Ministers hold face-to-face talks\n\nThe ministers discussed their personal finances in Bali on Saturday for five hours, officials said.\n"},
		{name: "only the lede and notes are compared",
			src: "Ministers hold face-to-face talks\n\nThe ministers of the two countries met in Bali on Saturday for five hours, officials said.\n\n" +
				"Analysts said the personal talks were overdue.\n"},
		{name: "no headline", src: "The ministers held face-to-face talks.\n\nThey were personal talks.\n"},
	})
}

func TestNoteHeadline(t *testing.T) {
	runStyleCases(t, newNoteHeadline, []styleCase{
		{name: "the seed's note",
			src: "US and Chinese foreign ministers hold first face-to-face talks since October\n\n" + seedLede +
				"\n(This story has been re-archived to edit the headline to show personal conversations first)\n",
			flagged: "personal conversations", sev: Error},
		{name: "short form",
			src:     "US envoy Kritenbrenk to visit Beijing\n\nThe envoy will arrive on Monday.\n\n(Corrects headline to show Kritenbrink)\n",
			flagged: "Kritenbrink", sev: Error},
		{name: "quoted wording without a verb",
			src:     "Blinken meets Wang in Jakarta\n\nThe two met on Saturday.\n\n(Corrects headline to “Blinken meets Wang in Bali”)\n",
			flagged: "Bali", sev: Error},
		{name: "the wire's own note",
			src: "US and Chinese foreign ministers hold first in-person talks since October\n\nThe two met on Saturday.\n\n" +
				"(This story has been refiled to amend the headline to show in-person talks first)\n"},
		{name: "the old wording is left out",
			src: "Blinken and Wang hold talks in Bali\n\nThe two met on Saturday.\n\n(Corrects headline to say talks were in Bali, not Jakarta)\n"},
		{name: "a removal", src: "Blinken and Wang hold talks\n\nThe two met on Saturday.\n\n(Corrects headline to remove reference to Kiev)\n"},
		{name: "no claim about the headline", src: "Blinken and Wang hold talks\n\nThe two met.\n\n(This story has been refiled to fix a typo in paragraph 2)\n"},
	})
}

func TestHeadlineCase(t *testing.T) {
	body := "\n\nThe foreign ministers of the two countries held their first talks since October on Saturday in Bali.\n"
	runStyleCases(t, newHeadlineCase, []styleCase{
		{name: "title case where the house writes sentence case",
			src: "US and Chinese Foreign Ministers Hold First Talks Since October" + body, flagged: "Foreign Ministers Hold First Talks Since",
			sev: Warning, fixed: "US and Chinese foreign ministers hold first talks since October" + body},
		{name: "hyphenated words",
			src:     "US and Chinese Foreign Ministers Hold First Face-To-Face Talks On US-Led Sanctions" + body,
			flagged: "Foreign Ministers Hold First Face-To-Face Talks On US-Led Sanctions", sev: Warning,
			fixed: "US and Chinese foreign ministers hold first face-to-face talks on US-led sanctions" + body},
		{name: "one stray capital",
			src: "US and Chinese foreign ministers hold first Talks in Bali" + body, flagged: "Talks",
			sev: Warning, fixed: "US and Chinese foreign ministers hold first talks in Bali" + body},
		{name: "lowercase first word",
			src: "talks resume in Bali" + body, flagged: "talks", sev: Warning, fixed: "Talks resume in Bali" + body},
		{name: "the seed's headline", src: "US and Chinese foreign ministers hold first face-to-face talks since October\n\n" + seedLede},
		{name: "proper nouns the body does not use", src: "Blinken meets Wang in Bali" + body},
		{name: "a capital after a colon", src: "Exclusive: Ministers plan talks" + body},
		{name: "title style",
			opts: Options{"style": "title"}, src: "US and Chinese foreign ministers hold first talks In Bali" + body,
			flagged: "foreign ministers hold first talks In", sev: Warning,
			fixed: "US and Chinese Foreign Ministers Hold First Talks in Bali" + body},
		{name: "title style, correct", opts: Options{"style": "title"}, src: "Blinken Meets Wang in Bali for First Talks Since October" + body},
	})
	for _, bad := range []Options{{"style": "upper"}, {"case": "title"}, {"style": 1}} {
		if err := newHeadlineCase().(Configurable).Configure(bad); err == nil {
			t.Errorf("Configure(%v) accepted a bad option", bad)
		}
	}
}
