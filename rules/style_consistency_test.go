package rules

import "testing"

func TestStyleConsistency(t *testing.T) {
	runStyleCases(t, newStyleConsistency, []styleCase{
		// Positives: mixed forms in one body.
		{name: "US among U.S.", src: story("U.S. officials met Wang.\n\nThey said US-led sanctions would stay, U.S. diplomats added."),
			flagged: "US", sev: Warning, safe: true, fixed: story("U.S. officials met Wang.\n\nThey said U.S.-led sanctions would stay, U.S. diplomats added.")},
		{name: "U.N. among UN", src: story("The UN said aid would flow. UN officials and U.N. envoys met. The UN agreed."),
			flagged: "U.N.", sev: Warning, safe: true, fixed: story("The UN said aid would flow. UN officials and UN envoys met. The UN agreed.")},
		{name: "percent among %", src: story("Prices rose 9% in May and 4.5% in June, after a 3 percent rise in April."),
			flagged: " percent", sev: Warning, safe: true, fixed: story("Prices rose 9% in May and 4.5% in June, after a 3% rise in April.")},
		{name: "% among percent", src: story("Starts were down 20 percent from 1959 and up 10 percent on the month, or 5% a year."),
			flagged: "%", safe: true, fixed: story("Starts were down 20 percent from 1959 and up 10 percent on the month, or 5 percent a year.")},
		{name: "words among figures", src: story("Exports fell 9 percent, imports 12 percent and output nine percent."),
			flagged: "nine", sev: Info, safe: true, fixed: story("Exports fell 9 percent, imports 12 percent and output 9 percent.")},
		{name: "towards", src: story("A step toward peace. Moves toward talks.\n\nTowards evening they left."),
			flagged: "Towards", sev: Info, safe: true, fixed: story("A step toward peace. Moves toward talks.\n\nToward evening they left.")},
		{name: "tie goes to the first form", src: story("He said okay. Then she said OK."),
			flagged: "OK", safe: true, fixed: story("He said okay. Then she said okay.")},
		{name: "house form imposed", opts: Options{"us": "U.S."}, src: story("US officials say the ties must stay stable."),
			flagged: "US", sev: Warning, safe: true, fixed: story("U.S. officials say the ties must stay stable.")},

		// Negatives.
		{name: "US throughout", src: story("US officials say the US’s ties matter. US-led sanctions stay.")},
		{name: "headline follows headline style", src: "US and Chinese ministers meet\n\nU.S. officials met. U.S. envoys agreed.\n"},
		{name: "capitals are not US", src: story("U.S. officials met. CONTACT US for more. U.S. envoys agreed.")},
		{name: "number word starts a sentence", src: story("Nine percent of voters were undecided, against 12 percent in May.")},
		{name: "percentage without a number", src: story("A large percentage of cars cross the river; the rate is 50%.")},
		{name: "one form only", src: story("Moves toward talks and toward peace.")},
	})
}

func TestStyleConsistencyUSOption(t *testing.T) {
	src := story("US officials say the US’s relationship with China must stay stable. US-led sanctions remain.")
	_, diags := styleRun(t, newStyleConsistency, Options{"us": "U.S."}, src)
	if len(diags) != 3 {
		t.Fatalf("us: U.S. should flag each of three US, got %+v", diags)
	}
	_, diags = styleRun(t, newStyleConsistency, Options{"us": "US"}, src)
	if len(diags) != 0 {
		t.Fatalf("us: US should accept US, got %+v", diags)
	}
	for _, bad := range []Options{{"us": "u.s."}, {"us": true}, {"usa": "US"}} {
		if err := newStyleConsistency().(Configurable).Configure(bad); err == nil {
			t.Errorf("Configure(%v) accepted", bad)
		}
	}
}

func TestNumberWords(t *testing.T) {
	for n := 0; n < 100; n++ {
		w, ok := numberWords(n)
		if !ok {
			t.Fatalf("numberWords(%d) failed", n)
		}
		if back, ok := numberWordValue(w); !ok || back != n {
			t.Errorf("numberWordValue(%q) = %d, %v; want %d", w, back, ok, n)
		}
	}
	for _, w := range []string{"hundred", "twenty-", "one-two", "ten-five", ""} {
		if _, ok := numberWordValue(w); ok {
			t.Errorf("numberWordValue(%q) accepted", w)
		}
	}
}
