package rules

import (
	"fmt"
)

// builtin lists the constructors of every built-in rule, in the order `copydesk rules` shows them: an
// explicit list rather than init() registration, so what runs is visible in one place.
var builtin = []func() Rule{
	// duplication: duplicated names and words
	newRepeatedWord,
	newDuplicatedName,
	newBrokenSentence,
	// translation: machine-translation and spinner artifacts
	newTorturedPhrase,
	newEllipsisInQuote,
	newMixedQuotes,
	// promo: leftover promo and page chrome
	newPromoText,
	newLinkResidue,
	newBoilerplateLine,
	// titles: inconsistent titles and headlines
	newHeadlineConsistency,
	newNoteHeadline,
	newHeadlineCase,
	newTitleConsistency,
	newDescriptorReuse,
	newTitleCapitalization,
	newAsymmetricTitles,
	// style: house style
	newHouseStyle,
	newStyleConsistency,
	newCongressional,
	newSignOffForm,
	newEditorsNote,
	// source: checks against the wire source (lint --against)
	newQuoteIntegrity,
	newSourceRewrite,
	newSourceFact,
	newSourceAttribution,
}

// Builtin returns fresh instances of every built-in rule.
func Builtin() []Rule {
	out := make([]Rule, 0, len(builtin))
	for _, mk := range builtin {
		out = append(out, mk())
	}
	return out
}

// Lookup returns a fresh instance of the built-in rule with the given id.
func Lookup(id string) (Rule, error) {
	for _, mk := range builtin {
		if r := mk(); r.Meta().ID == id {
			return r, nil
		}
	}
	return nil, fmt.Errorf("unknown rule %q (run `copydesk rules` for the list)", id)
}
