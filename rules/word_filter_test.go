package rules

import (
	"strings"
	"testing"
)

// TestWordFilterNeverHidesAKey checks that the filters only ever say "maybe" to a word a lookup would
// find: every key, in any case, passes, and so does every hyphen part of a compound.
func TestWordFilterNeverHidesAKey(t *testing.T) {
	keys := []string{"us", "u.s.", "toward", "percent", "kiev", "café", "über", "ok", "e-mail", "sen."}
	var f wordFilter
	for _, k := range keys {
		f.add(k)
	}
	for _, k := range keys {
		for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]} {
			if !f.mayHave(w) || f.skipWord(w) || f.skipWord("anti-"+w) {
				t.Errorf("key %q: %q filtered out", k, w)
			}
		}
		if !f.mayBe(k) {
			t.Errorf("key %q: mayBe false", k)
		}
	}
	for _, w := range []string{"the", "Towards", "zebra", "a"} {
		if f.mayHave(w) && !f.skipWord(w) {
			continue
		}
		if !f.skipWord(w) {
			t.Errorf("%q: skipWord false though mayHave is", w)
		}
	}
	if f.mayHave("") || f.mayBe("") {
		t.Error("the empty word passes")
	}
}

// TestTransparentMarks keeps isTransparentMark and the transparentMarks set in step.
func TestTransparentMarks(t *testing.T) {
	n := 0
	for _, s := range []string{`"`, "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]", "*", "_", ".", ",", "—", "-", "!", "?", ":", ";", "&"} {
		if isTransparentMark(s) != transparentMarks[s] {
			t.Errorf("%q: isTransparentMark %v, transparentMarks %v", s, isTransparentMark(s), transparentMarks[s])
		}
		if transparentMarks[s] {
			n++
		}
	}
	if n != len(transparentMarks) {
		t.Errorf("%d of the %d transparent marks checked", n, len(transparentMarks))
	}
}
