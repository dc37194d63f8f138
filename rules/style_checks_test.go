package rules

import "testing"

func TestCongressional(t *testing.T) {
	runStyleCases(t, newCongressional, []styleCase{
		{name: "seed", src: story("Biden faces November’s midterm elections, which center on Congressional scrutiny."),
			flagged: "Congressional", sev: Warning, safe: true,
			fixed: story("Biden faces November’s midterm elections, which center on congressional scrutiny.")},
		{name: "districts", src: story("Conventions met in the state's 38 new Congressional districts."),
			flagged: "Congressional", safe: true, fixed: story("Conventions met in the state's 38 new congressional districts.")},
		{name: "party name follows", src: story("The plan angered Congressional Republicans."),
			flagged: "Congressional", safe: true, fixed: story("The plan angered congressional Republicans.")},

		{name: "Congressional Budget Office", src: story("The estimate came from the Congressional Budget Office.")},
		{name: "Congressional Record", src: story("The speech was printed in the Congressional Record.")},
		{name: "sentence start", src: story("Congressional reaction was swift.")},
		{name: "lowercase", src: story("It faces congressional scrutiny.")},
		{name: "title-case headline", src: "Congressional Leaders Reject Budget Plan\n\nThe plan failed.\n"},
	})
}

func TestSignOff(t *testing.T) {
	runStyleCases(t, newSignOffForm, []styleCase{
		{name: "seed", src: story("Talks went on.\n\nAdditional reporting by Ryan Woo in Beijing; Written by Ed Davies; Editing by Christian Schmollinger, Robert Birsel"),
			flagged: "Written by", sev: Warning, safe: true,
			fixed: story("Talks went on.\n\nAdditional reporting by Ryan Woo in Beijing; Writing by Ed Davies; Editing by Christian Schmollinger, Robert Birsel")},
		{name: "bracketed, several participles", src: story("Talks went on.\n\n(Reporting by Humeyra Pamuk; Edited by Robert Birsel)"),
			flagged: "Edited by", safe: true, fixed: story("Talks went on.\n\n(Reporting by Humeyra Pamuk; Editing by Robert Birsel)")},

		{name: "correct form", src: story("Talks went on.\n\nReporting by Ryan Woo; Writing by Ed Davies; Editing by Robert Birsel")},
		{name: "lone byline", src: story("Written by Ed Davies\n\nTalks went on.")},
		{name: "prose", src: story("The book was written by Ed Davies; it sold well.")},
	})
}

func TestEditorsNote(t *testing.T) {
	runStyleCases(t, newEditorsNote, []styleCase{
		{name: "says nothing of the change", src: story("Talks went on.\n\n(This story has been refiled)"),
			flagged: "(This story has been refiled)", sev: Warning},
		{name: "short form alone", src: story("Talks went on.\n\n(Corrects.)"), flagged: "(Corrects.)", sev: Warning},
		{name: "re-filed", src: story("Talks went on.\n\n(This story has been re-filed to fix a typo in paragraph 3)"),
			flagged: "re-filed", sev: Warning, safe: true,
			fixed: story("Talks went on.\n\n(This story has been refiled to fix a typo in paragraph 3)")},
		{name: "plain English verb", src: story("Talks went on.\n\n(This story has been amended to show the correct date)"),
			flagged: "amended", sev: Info, safe: false,
			fixed: story("Talks went on.\n\n(This story has been refiled to show the correct date)")},

		{name: "wire form", src: story("Talks went on.\n\n(This story has been refiled to fix a typo in paragraph 3)")},
		{name: "correction", src: story("Talks went on.\n\n(Corrects paragraph 5 to show the talks were in Bali)")},
		{name: "spinner word is the translation family's", src: story("Talks went on.\n\n(This story has been re-archived to edit the headline)")},
		{name: "bracketed aside", src: story("Talks went on.\n\n(The story has been told many times before, he said)")},
	})
}
