package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// boilerplateMaxWords bounds the lines the heuristic looks at: calls to action are short.
const boilerplateMaxWords = 8

// ctaVerbs open a call to action ("Subscribe now", "Follow us on Twitter").
var ctaVerbs = map[string]bool{
	"register": true, "subscribe": true, "click": true, "tap": true, "read": true, "share": true,
	"follow": true, "download": true, "continue": true, "join": true, "sign": true, "log": true,
	"login": true, "watch": true, "listen": true, "visit": true, "install": true, "donate": true,
	"connect": true,
}

// readerWords address the reader or speak for the site.
var readerWords = map[string]bool{"you": true, "your": true, "us": true, "our": true}

// webWords name things on a web page rather than in the news.
var webWords = map[string]bool{
	"newsletter": true, "newsletters": true, "app": true, "apps": true, "inbox": true, "subscription": true,
	"subscriber": true, "subscribers": true, "unlimited": true, "premium": true, "podcast": true,
	"website": true, "homepage": true, "link": true, "links": true, "login": true, "account": true,
	"article": true, "articles": true, "story": true, "stories": true, "notifications": true,
	"alerts": true, "advertisement": true, "sponsored": true, "comments": true,
	"email": true, "e-mail": true, "twitter": true, "facebook": true, "instagram": true, "youtube": true,
	"telegram": true, "whatsapp": true, "linkedin": true, "tiktok": true,
}

// sellingWords are the words promo writes in capitals ("Register now for FREE").
var sellingWords = map[string]bool{
	"FREE": true, "NOW": true, "TODAY": true, "LIMITED": true, "OFFER": true, "EXCLUSIVE": true,
	"SUBSCRIBE": true, "CLICK": true, "REGISTER": true, "DOWNLOAD": true, "JOIN": true, "HERE": true,
	"SALE": true, "BONUS": true,
}

// danglingWords cannot end a line of copy that has no final punctuation: the line was cut off where a
// link began ("unlimited access to [Reuters.com]"). Particles that end phrasal verbs ("filled us in",
// "sign up") are not among them.
var danglingWords = map[string]bool{
	"to": true, "for": true, "the": true, "a": true, "an": true, "of": true, "and": true, "or": true,
	"with": true, "from": true, "into": true, "via": true, "your": true, "our": true,
}

// emoticonTails end a site signature ("Share is Love^^"); news copy never ends a line with one.
var emoticonTails = []string{"^^", "^_^", ":)", ":-)", ";)", ":D", "<3", "xD"}

var webDomain = regexp.MustCompile(`(?i)\b(www\.)?[a-z0-9-]+\.(com|net|org|co\.uk|io|news|info|tv)\b`)

// signOff starts a wire credit line ("Reporting by ...; Editing by ..."), the end of the story proper;
// the form is the Reuters one cited in data/promo_patterns.tsv's sources. Spinners turn "Writing" into
// "Written", so past participles are accepted too.
var signOff = regexp.MustCompile(`(?i)^\(?(additional )?(reporting|writing|editing|compiled|written|edited|reported) by\b`)

// signOffMaxWords bounds a credit line; a paragraph longer than this is copy that starts with "Reporting by".
const signOffMaxWords = 40

type boilerplateLine struct{}

func newBoilerplateLine() Rule { return boilerplateLine{} }

func (boilerplateLine) Meta() Meta {
	return Meta{
		ID: "boilerplate-line", Category: "promo", Severity: Warning,
		Summary: "a short line that reads like page chrome: a call to action, a signature, a repeated prompt",
		Doc: "A text stand-in for the short-block tests of boilerplate removers (jusText, boilerpipe), which " +
			"drop short link-heavy blocks; in pasted text the links are gone, so the rule weighs the wording. " +
			"A paragraph of at most 8 words without a full stop scores one point for each of: opening with a " +
			"call-to-action verb (register, subscribe, click, read, share, follow, download, continue, ...), " +
			"speaking to the reader (you, your, us, our), naming web-page things (newsletter, app, story, " +
			"Twitter), naming a web domain (Reuters.com), a selling word in capitals (FREE, NOW), ending " +
			"with \"!\", breaking off on a preposition or article (\"access to\"), standing after the wire " +
			"sign-off (\"Reporting by ...; Editing by ...\"), and appearing more than once in the story; an " +
			"emoticon tail (\"^^\", \":)\") scores two. Two points flag the line, three if it ends with a " +
			"full stop or question mark, so a subhead (\"Share buyback\") or a one-line quote (\"Follow the " +
			"money, he said.\") is left alone. Credit lines and editor's notes are copy and score nothing. " +
			"Lines that promo-text or link-residue report are left to them. The fix deletes the line and " +
			"is unsafe: read it first.",
		Bad:  "Blinken met Wang on Saturday.\n\nSubscribe now for unlimited access\n\nThe talks lasted five hours.",
		Good: "Blinken met Wang on Saturday.\n\nThe talks lasted five hours.",
	}
}

func (boilerplateLine) Check(p *Pass) {
	d := p.Doc
	known := map[int]bool{}
	for _, m := range promoMatches(d) {
		known[m.block] = true
	}
	repeats := blockRepeatsOf(d)
	signOffAt := findSignOff(d)
	for bi, b := range d.Blocks {
		if bi == d.Headline || known[bi] || (b.Kind != document.Paragraph && b.Kind != document.ListItem) {
			continue
		}
		if _, kind := findLinkResidue(d, b); kind != 0 {
			continue
		}
		reasons, score, finished := scoreBoilerplate(d, b)
		if reasons == nil {
			continue
		}
		if signOffAt >= 0 && bi > signOffAt {
			reasons, score = append(reasons, "follows the sign-off"), score+1
		}
		if r := repeats[bi]; r.total > 1 && blockWordCount(d, b) >= 3 {
			reasons, score = append(reasons, fmt.Sprintf("appears %d times in the story", r.total)), score+1
		}
		if score < 2 || finished && score < 3 {
			continue
		}
		p.Reportf(b.Span, []Fix{deleteBlockFix(p, bi, "delete the line", false)},
			"%q reads like leftover page chrome (%s): delete it unless it is copy",
			d.Slice(b.Span), strings.Join(reasons, ", "))
	}
}

// scoreBoilerplate scores the wording of a short block. reasons is nil when the block is not a candidate
// (too long, or opening with a quote or bracket, as quotes and editor's notes do); finished says whether
// it ends like a sentence.
func scoreBoilerplate(d *document.Document, b document.Block) (reasons []string, score int, finished bool) {
	toks := d.Tokens[b.TokenStart:b.TokenEnd]
	words := blockWordCount(d, b)
	if words == 0 || words > boilerplateMaxWords || toks[0].Kind != document.Word {
		return nil, 0, false
	}
	text := d.Slice(b.Span)
	reasons = []string{}
	add := func(points int, format string, args ...any) {
		reasons = append(reasons, fmt.Sprintf(format, args...))
		score += points
	}
	if first := d.Slice(toks[0].Span); ctaVerbs[strings.ToLower(first)] {
		add(1, "opens with the call to action %q", first)
	}
	var reader, web, caps string
	for _, t := range toks[1:] {
		w := d.Slice(t.Span)
		lw := strings.ToLower(w)
		switch {
		case reader == "" && readerWords[lw]:
			reader = w
		case web == "" && webWords[lw]:
			web = w
		case caps == "" && sellingWords[w]:
			caps = w
		}
	}
	if reader != "" {
		add(1, "speaks to the reader (%q)", reader)
	}
	if web != "" {
		add(1, "names web-page things (%q)", web)
	}
	if caps != "" {
		add(1, "sells in capitals (%q)", caps)
	}
	if dom := webDomain.FindString(text); dom != "" {
		add(1, "names the web domain %q", dom)
	}
	last := d.Slice(toks[len(toks)-1].Span)
	switch {
	case hasEmoticonTail(text):
		add(2, "ends in an emoticon")
	case last == "!":
		add(1, "ends with \"!\"")
	case toks[len(toks)-1].Kind == document.Word && danglingWords[strings.ToLower(last)]:
		add(1, "breaks off after %q", last)
	}
	return reasons, score, endsSentence(d, toks) && last != "!"
}

func hasEmoticonTail(text string) bool {
	for _, e := range emoticonTails {
		if strings.HasSuffix(text, e) {
			return true
		}
	}
	return false
}

// findSignOff returns the index of the first block that is a wire credit line, or -1.
func findSignOff(d *document.Document) int {
	for bi, b := range d.Blocks {
		if bi != d.Headline && signOff.MatchString(d.Slice(b.Span)) && blockWordCount(d, b) <= signOffMaxWords {
			return bi
		}
	}
	return -1
}
