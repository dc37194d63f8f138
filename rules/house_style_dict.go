package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// houseStyleTSV is the default house-spelling dictionary; its header explains the columns.
//
//go:embed data/house_style.tsv
var houseStyleTSV string

// houseEntry is one substitution: a spelling the house does not use and the one it does.
type houseEntry struct {
	wrong []string // the words of the spelling to flag, as written in the dictionary
	right string
	// caseSensitive entries (written with a capital, like a place name) match only that capitalization or
	// all capitals, so "Kiev" does not match a lower-case common word.
	caseSensitive bool
	severity      Severity
	except        []houseException
	source        string
}

// houseException is a fixed phrase in which the old spelling stays ("chicken Kiev"): its words, and the
// index of the entry's first word among them.
type houseException struct {
	words []string
	at    int
}

// houseDict finds entries by the lower-cased first word of their spelling.
type houseDict struct {
	byFirst map[string][]*houseEntry
	first   wordFilter // of byFirst's keys: most words of a story skip the map
}

var (
	defaultHouseDictOnce sync.Once
	defaultHouseDict     *houseDict
)

// defaultHouseStyle returns the embedded dictionary. A test parses the data, so a malformed row is a
// programming error and panics.
func defaultHouseStyle() *houseDict {
	defaultHouseDictOnce.Do(func() {
		d := &houseDict{byFirst: map[string][]*houseEntry{}}
		if err := d.addTSV(houseStyleTSV); err != nil {
			panic(err)
		}
		defaultHouseDict = d
	})
	return defaultHouseDict
}

// addTSV adds the rows of a dictionary file: wrong, right, severity, exceptions (|-separated), source.
func (d *houseDict) addTSV(tsv string) error {
	return eachTSVRow("house_style.tsv", tsv, 5, func(f []string) error {
		sev, err := ParseSeverity(f[2])
		if err != nil {
			return err
		}
		var except []string
		if f[3] != "" {
			except = strings.Split(f[3], "|")
		}
		return d.add(f[0], f[1], sev, except, f[4])
	})
}

// add records that wrong is to be written right; except lists phrases that keep the old spelling.
func (d *houseDict) add(wrong, right string, sev Severity, except []string, source string) error {
	words := strings.Fields(wrong)
	if len(words) == 0 || strings.TrimSpace(right) == "" {
		return fmt.Errorf("substitution %q → %q: both spellings are needed", wrong, right)
	}
	e := &houseEntry{
		wrong: words, right: right, severity: sev, source: source,
		caseSensitive: strings.IndexFunc(wrong, unicode.IsUpper) >= 0,
	}
	for _, phrase := range except {
		ex, ok := exceptionFor(phrase, words)
		if !ok {
			return fmt.Errorf("exception %q does not contain %q", phrase, wrong)
		}
		e.except = append(e.except, ex)
	}
	key := strings.ToLower(words[0])
	for i, old := range d.byFirst[key] {
		if equalFoldWords(old.wrong, words) {
			d.byFirst[key][i] = e // a later entry, such as the user's, overrides
			return nil
		}
	}
	d.byFirst[key] = append(d.byFirst[key], e)
	d.first.add(key)
	return nil
}

// exceptionFor locates the entry's words inside an exception phrase.
func exceptionFor(phrase string, wrong []string) (houseException, bool) {
	words := strings.Fields(phrase)
	for at := 0; at+len(wrong) <= len(words); at++ {
		if equalFoldWords(words[at:at+len(wrong)], wrong) {
			return houseException{words: words, at: at}, true
		}
	}
	return houseException{}, false
}

func equalFoldWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// clone copies the dictionary, so configuration can add to the defaults without changing them.
func (d *houseDict) clone() *houseDict {
	c := &houseDict{byFirst: make(map[string][]*houseEntry, len(d.byFirst)), first: d.first}
	for k, v := range d.byFirst {
		c.byFirst[k] = append([]*houseEntry(nil), v...)
	}
	return c
}

// matchesWord reports whether a word of the copy is the entry's i-th word, in a case the entry accepts.
func (e *houseEntry) matchesWord(i int, w string) bool {
	want := e.wrong[i]
	if !e.caseSensitive {
		return strings.EqualFold(w, want)
	}
	return w == want || w == strings.ToUpper(want)
}
