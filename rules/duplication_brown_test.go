package rules

import (
	"os"
	"testing"
)

// duplicationBrownBudget is the duplication family's share of the warnings and errors allowed on the
// Brown press files.
const duplicationBrownBudget = 15

func TestDuplicationBrownPress(t *testing.T) {
	res := lintBrownPress(t, newRepeatedWord(), newDuplicatedName(), newBrokenSentence())
	if n := res.total(); n > duplicationBrownBudget && os.Getenv("COPYDESK_BROWN_GLOBS") == "" {
		t.Errorf("%d duplication findings on edited news copy; the family's budget is %d", n, duplicationBrownBudget)
	}
}
