package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// The duplication rules need a little grammar: which capitalized words cannot be names, and whether a
// stretch of copy has a finite verb. Both rest on closed word classes, which are short and stable, plus
// suffix heuristics for the open class of verbs. The heuristic errs towards seeing a verb, so that a rule
// built on "no verb here" stays quiet when unsure.

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// functionWords are determiners, pronouns, prepositions, conjunctions and common adverbs: capitalized,
// they start a sentence or a title-case line, and never stand for a name. Modals that are also names
// ("May", "Will") are left out.
var functionWords = wordSet(`a an the this that these those my your his her its our their whose which who
	whom what and or nor but yet so for of in on at by to from with without into onto upon about above below
	over under between among through across against along around after before during since until till than
	as like via per i you he she it we they me him us them not no all any both each either neither every
	some such many much more most few several other another there here then when where while if because
	although though whether also only even just still again ever never very too up down out off back forth
	away now once how why oh ah yes okay hey alas`)

// nounMarkers are the words after which a word ending in -s or -ed is a noun or an adjective ("their
// leaders", "the injured"), not a verb.
var nounMarkers = wordSet(`a an the this these those my your his her its our their whose each every some any
	no many several few both all other another such of in on at by to from with without into onto upon about
	above below over under between among through across against along around after before during since as
	for per first last next`)

// finiteVerbs are auxiliaries and frequent verbs whose finite forms no suffix gives away.
var finiteVerbs = wordSet(`am is are was were has have had do does did will would shall should can could may
	might must say says said tell tells told think thinks thought know knows knew want wants see sees saw
	get gets got go goes went come comes came make makes made take takes took give gives gave find finds
	found become becomes became leave leaves left keep keeps kept hold holds held bring brings brought
	begin begins began run runs ran win wins won lose loses lost pay pays paid send sends sent spend
	spends spent build builds built stand stands stood sit sits sat lead leads led hear hears heard mean
	means meant write writes wrote speak speaks spoke choose chose fall falls fell rise rises rose grow
	grows grew draw draws drew throw throws threw fly flies flew break breaks broke meet meets met feel
	feels felt put puts set sets let lets cut cuts hit hits quit seem seems remain remains need needs
	agree agrees believe believes expect expects hope hopes plan plans try tries call calls ask asks
	work works look looks help helps show shows play plays move moves live lives like likes use uses
	continue continues face faces deny denies urge urges warn warns add adds insist insists argue argues
	rode drove wore bore tore swore woke shook forgot sang rang drank swam bit hid slid struck stuck hung
	swung dug fought sought bought caught taught lay laid slept wept swept dealt lent bent fed fled shot lit
	spun wound bound clung flung strode arose forgave froze stole wove ate beat dove sank sprang stank
	spat withdrew overcame undertook understood forbade`)

// subjectPronouns are followed by a finite verb in whatever form ("we wonder", "they depend").
var subjectPronouns = wordSet(`i you he she it we they there who which that`)

// isFiniteVerb guesses whether the lower-case word w, after the lower-case word prev ("" after a name,
// a mark or at the start), is a finite verb: an auxiliary or frequent verb not after an article, a
// contraction ("isn't", "he's"), any content word after a subject pronoun, a word ending in -ed, or one
// ending in -s after a name or an -ly adverb; never a word after a determiner or preposition.
func isFiniteVerb(prev, w string) bool {
	switch {
	case finiteVerbs[w] && !articles[prev], isVerbContraction(w):
		return true
	case subjectPronouns[prev] && !functionWords[w]:
		return true
	case nounMarkers[prev]:
		return false
	case len(w) > 3 && strings.HasSuffix(w, "ed"):
		return true
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ics"):
		// A plural noun usually follows an adjective; after a name or an adverb an -s word is more
		// likely a verb ("Smith, now heads the team").
		return prev == "" || strings.HasSuffix(prev, "ly")
	}
	return false
}

// articles make the frequent verbs that double as nouns nouns ("a plan", "the left").
var articles = wordSet(`a an the his her its their our my your this`)

// hasFiniteVerb reports whether the tokens [from, to) seem to hold a finite verb. Capitalized words are
// taken for names and skipped.
func hasFiniteVerb(d *document.Document, from, to int) bool {
	prev := ""
	for i := from; i < to; i++ {
		t := d.Tokens[i]
		if t.Kind != document.Word {
			prev = ""
			continue
		}
		w := d.Slice(t.Span)
		if !isLowerWord(w) {
			prev = ""
			continue
		}
		if isFiniteVerb(prev, w) {
			return true
		}
		prev = w
	}
	return false
}

// isVerbContraction reports whether w ends in a contracted verb: "isn't", "they're", "we've", "he'll",
// "I'd", "he's" (but not a possessive such as "Biden's", which only a pronoun rules out).
func isVerbContraction(w string) bool {
	if !strings.ContainsAny(w, "'’") {
		return false
	}
	w = strings.ReplaceAll(w, "’", "'")
	for _, suf := range [...]string{"n't", "'re", "'ve", "'ll", "'d", "'m"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	switch w {
	case "he's", "she's", "it's", "that's", "there's", "what's", "who's", "here's":
		return true
	}
	return false
}

// isLowerWord reports whether w starts with a lower-case letter.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// isFunctionWord reports whether w, in any case, is one of the functionWords.
func isFunctionWord(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	return functionWords[string(appendLower(buf[:0], w))]
}
