package rules

import "testing"

func TestTitleConsistency(t *testing.T) {
	runStyleCases(t, newTitleConsistency, []styleCase{
		{name: "lowercase swap of the qualifier",
			src:     "Chinese Foreign Minister Wang Yi met Blinken on Saturday.\n\nThe talks were useful, international minister Wang said.\n",
			flagged: "international minister", sev: Warning, safe: false,
			fixed: "Chinese Foreign Minister Wang Yi met Blinken on Saturday.\n\nThe talks were useful, Foreign Minister Wang said.\n"},
		{name: "capitalized swap",
			src:     "Foreign Minister Wang Yi arrived in Bali.\n\nOverseas Minister Wang then met Blinken.\n",
			flagged: "Overseas Minister", sev: Warning,
			fixed: "Foreign Minister Wang Yi arrived in Bali.\n\nForeign Minister Wang then met Blinken.\n"},
		{name: "shortened title", src: "Foreign Minister Wang Yi arrived.\n\nMinister Wang then met Blinken.\n"},
		{name: "a different office", src: "Sen. John Kennedy spoke in 1959.\n\nPresident Kennedy spoke again in 1961.\n"},
		{name: "different people", src: "Foreign Minister Wang Yi met Deputy Foreign Minister Ma Zhaoxu and international minister Li Wei.\n"},
		{name: "same title twice", src: "Foreign Minister Wang Yi arrived.\n\nForeign Minister Wang left.\n"},
	})
}

func TestDescriptorReuse(t *testing.T) {
	runStyleCases(t, newDescriptorReuse, []styleCase{
		{name: "indefinite then definite, from the seed",
			src: "Daniel Russel, a top US diplomat for East Asia under former President Barack Obama, said he was hopeful.\n\n" +
				"The top US diplomat for East Asia, Daniel Kritenbrink, said on Tuesday he expected a candid exchange.\n",
			flagged: "The top US diplomat for East Asia, Daniel Kritenbrink", sev: Warning},
		{name: "two holders of one post",
			src:     "John Smith, the chief executive of Acme, said sales rose.\n\nThe chief executive of Acme, Jane Doe, said sales fell.\n",
			flagged: "The chief executive of Acme, Jane Doe", sev: Warning},
		{name: "past and present holders, as the wire wrote it",
			src: "Daniel Russel, the top U.S. diplomat for East Asia under former President Barack Obama, said he was hopeful.\n\n" +
				"The top U.S. diplomat for East Asia, Daniel Kritenbrink, said on Tuesday he expected a candid exchange.\n"},
		{name: "one of several", src: "John Smith, a member of the board, voted no.\n\nJane Doe, a member of the board, voted yes.\n"},
		{name: "the same person again", src: "Daniel Russel, the top US diplomat for East Asia, spoke.\n\nThe top US diplomat for East Asia, Daniel Russel, left.\n"},
		{name: "a list read both ways", src: "Ramsey has fed Harry Truman, Henry Cabot Lodge, the King of Morocco, Clement Atlee and other characters.\n"},
		{name: "relative to someone else",
			src: "Dr. and Mrs. Paul Marella announce the engagement of their daughter, Miss Mary Marella, to Mr. Lee.\n\n" +
				"Mr. and Mrs. Richard Vieth announce the engagement of their daughter, Miss Susan Vieth, to Mr. Wall.\n"},
	})
}

func TestTitleCapitalization(t *testing.T) {
	runStyleCases(t, newTitleCapitalization, []styleCase{
		{name: "lowercase formal title",
			src: "He met secretary of state Antony Blinken on Saturday.\n", flagged: "secretary of state", sev: Warning,
			fixed: "He met Secretary of State Antony Blinken on Saturday.\n"},
		{name: "after a country",
			src: "US secretary of state Antony Blinken met Wang.\n", flagged: "secretary of state", sev: Warning,
			fixed: "US Secretary of State Antony Blinken met Wang.\n"},
		{name: "capitalized modifier",
			src: "It was a visit by Former President Barack Obama.\n", flagged: "Former", sev: Info,
			fixed: "It was a visit by former President Barack Obama.\n"},
		{name: "occupational description", src: "The crowd cheered astronaut Neil Armstrong.\n"},
		{name: "a company's president", src: "Continental president Robert Six said the plane was safe.\n"},
		{name: "after a possessive", src: "The club's president John Smith resigned.\n"},
		{name: "after an article", src: "They elected a president John Smith had backed.\n"},
		{name: "modifier at a sentence start", src: "Former President Barack Obama spoke.\n"},
		{name: "modifier in lowercase", src: "He met former President Barack Obama.\n"},
		{name: "title set off by commas", src: "The president, Joe Biden, spoke.\n"},
	})
}

func TestAsymmetricTitles(t *testing.T) {
	runStyleCases(t, newAsymmetricTitles, []styleCase{
		{name: "country on one side only, from the seed",
			src:     "Officials say President Joe Biden and Chinese President Xi Jinping are expected to speak.\n",
			flagged: "President Joe Biden and Chinese President Xi Jinping", sev: Info},
		{name: "country on the first side only",
			src:     "Russian President Vladimir Putin and President Emmanuel Macron spoke by phone.\n",
			flagged: "Russian President Vladimir Putin and President Emmanuel Macron", sev: Info},
		{name: "both with a country", src: "U.S. President Joe Biden and Chinese President Xi Jinping are expected to speak.\n"},
		{name: "different offices", src: "President Joe Biden and Japanese Prime Minister Fumio Kishida met.\n"},
		{name: "country given earlier",
			src: "U.S. President Joe Biden flew in.\n\nPresident Joe Biden and Chinese President Xi Jinping will speak.\n"},
		{name: "not a pair", src: "President Joe Biden said Chinese President Xi Jinping would attend.\n"},
	})
}
