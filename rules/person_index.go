package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// personIndex finds, among the mentions added so far, those that may name the same person as a given
// one (personMention.samePerson), without comparing every pair: a story of many thousand mentions would
// otherwise take time quadratic in its length. samePerson holds when the words of the shorter name are
// all in the longer, so a mention is filed under the set of its name words (exact) and under every
// non-empty subset of that set (a name has at most maxNameWords words, so at most 15): an earlier mention
// with a shorter or equal name is found under a subset of the asked name's words, one with a longer name
// under the asked set itself. Mentions are filed by a bucket chosen by the caller (a title's head, say).
// The lists hold mention indexes in the order they were added; callers still test samePerson.
type personIndex struct {
	lists map[string][]int
}

// nameSet returns the distinct words of a name, sorted.
func nameSet(names []string) []string {
	set := slices.Clone(names)
	slices.Sort(set)
	return slices.Compact(set)
}

// subsetKey is the key of the words of set picked by the bits of mask.
func subsetKey(kind byte, bucket string, set []string, mask uint) string {
	var sb strings.Builder
	sb.WriteByte(kind)
	sb.WriteString(bucket)
	for i, w := range set {
		if mask&(1<<i) != 0 {
			sb.WriteByte(0)
			sb.WriteString(w)
		}
	}
	return sb.String()
}

// maxIndexedNameWords bounds the subsets a name is filed under. The scanner's names have at most
// maxNameWords words; a longer one is filed in the bucket's overflow list, which every search visits, and
// a search for one visits the list of all the bucket's mentions.
const maxIndexedNameWords = 8

// add files mention j, whose name words are names, in bucket.
func (x *personIndex) add(bucket string, names []string, j int) {
	if x.lists == nil {
		x.lists = map[string][]int{}
	}
	x.lists["A"+bucket] = append(x.lists["A"+bucket], j)
	set := nameSet(names)
	if len(set) > maxIndexedNameWords {
		x.lists["O"+bucket] = append(x.lists["O"+bucket], j)
		return
	}
	all := uint(1)<<len(set) - 1
	k := subsetKey('E', bucket, set, all)
	x.lists[k] = append(x.lists[k], j)
	for mask := uint(1); mask <= all; mask++ {
		k := subsetKey('S', bucket, set, mask)
		x.lists[k] = append(x.lists[k], j)
	}
}

// candidates calls visit with each list of mentions in bucket that may name the same person as a mention
// whose name words are names: every such mention is in at least one list. A mention with a name no longer
// than the asked one has all its words among the asked words, so it is under the 'E' key of a subset of
// them; one with a longer name has all the asked words, so it is under the 'S' key of the asked set.
func (x *personIndex) candidates(bucket string, names []string, visit func([]int)) {
	if len(x.lists) == 0 {
		return
	}
	set := nameSet(names)
	if len(set) > maxIndexedNameWords {
		if l := x.lists["A"+bucket]; len(l) > 0 {
			visit(l)
		}
		return
	}
	all := uint(1)<<len(set) - 1
	for mask := uint(1); mask <= all; mask++ {
		if l := x.lists[subsetKey('E', bucket, set, mask)]; len(l) > 0 {
			visit(l)
		}
	}
	if l := x.lists[subsetKey('S', bucket, set, all)]; len(l) > 0 {
		visit(l)
	}
	if l := x.lists["O"+bucket]; len(l) > 0 {
		visit(l)
	}
}

// foldStable reports whether case-insensitive comparison of s agrees with comparing strings.ToLower(s):
// for such strings, strings.EqualFold(a, b) holds exactly when their lower-case forms are equal. A few
// runes break that ("ſ", a long s, folds to "s" but lower-cases to itself); a string with one of them
// takes the slow path of the caller.
func foldStable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if !foldStableRune(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// foldStableRune reports whether every rune r folds with lower-cases as the least of them does.
func foldStableRune(r rune) bool {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return unicode.ToLower(r) == unicode.ToLower(least)
}

// foldKey returns a form of s that two strings share exactly when strings.EqualFold holds for them: each
// rune is replaced by the least rune it folds to.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return strings.ToUpper(s)
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b = utf8.AppendRune(b, least)
	}
	return string(b)
}
