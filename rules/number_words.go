package rules

import (
	"strconv"
	"strings"
)

// Spelled-out numbers from zero to ninety-nine, the range style guides spell out or write as figures.
var (
	unitWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tensWords = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// numberWordValue reads a spelled-out number below 100 ("nine", "Twenty-five"); ok is false otherwise.
func numberWordValue(w string) (n int, ok bool) {
	tens, unit, compound := strings.Cut(w, "-")
	for i, t := range tensWords {
		if t == "" || !strings.EqualFold(t, tens) {
			continue
		}
		if !compound {
			return i * 10, true
		}
		for u := 1; u <= 9; u++ {
			if strings.EqualFold(unitWords[u], unit) {
				return i*10 + u, true
			}
		}
		return 0, false
	}
	for i, u := range unitWords {
		if !compound && strings.EqualFold(u, w) {
			return i, true
		}
	}
	return 0, false
}

// numberWords spells out n, for 0 <= n < 100.
func numberWords(n int) (string, bool) {
	switch {
	case n < 0 || n >= 100:
		return "", false
	case n < 20:
		return unitWords[n], true
	case n%10 == 0:
		return tensWords[n/10], true
	}
	return tensWords[n/10] + "-" + unitWords[n%10], true
}

// digitValue reads a whole number written in figures ("9", "12"); ok is false for decimals and
// thousands separators, which have no spelled-out counterpart worth writing.
func digitValue(w string) (int, bool) {
	n, err := strconv.Atoi(w)
	return n, err == nil
}
