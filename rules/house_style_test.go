package rules

import (
	"strings"
	"testing"
)

// story wraps body paragraphs under a headline, as a plain-text story.
func story(body string) string { return "Talks resume in Jakarta\n\n" + body + "\n" }

func TestHouseStyle(t *testing.T) {
	runStyleCases(t, newHouseStyle, []styleCase{
		// Positives from wire and spun copy.
		{name: "Kiev", src: story("Kiev counters that it is an imperialist land grab."),
			flagged: "Kiev", sev: Warning, safe: true, fixed: story("Kyiv counters that it is an imperialist land grab.")},
		{name: "possessive", src: story("Russian forces shelled Kiev's outskirts."),
			flagged: "Kiev", safe: true, fixed: story("Russian forces shelled Kyiv's outskirts.")},
		{name: "compound", src: story("The Kiev-based analyst said so."),
			flagged: "Kiev", safe: true, fixed: story("The Kyiv-based analyst said so.")},
		{name: "all capitals", src: story("KIEV, Ukraine (Reuters) - Talks began."),
			flagged: "KIEV", safe: true, fixed: story("KYIV, Ukraine (Reuters) - Talks began.")},
		{name: "Peking", src: story("He would woo the province away from both Peking and Moscow."),
			flagged: "Peking", sev: Warning, safe: true, fixed: story("He would woo the province away from both Beijing and Moscow.")},
		{name: "Bombay is info", src: story("The bank is based in Bombay."),
			flagged: "Bombay", sev: Info, safe: true, fixed: story("The bank is based in Mumbai.")},
		{name: "e-mail mid-sentence", src: story("He said in an e-mail that talks would resume."),
			flagged: "e-mail", sev: Info, safe: true, fixed: story("He said in an email that talks would resume.")},
		{name: "E-mail starts a sentence", src: story("E-mail traffic rose."),
			flagged: "E-mail", safe: true, fixed: story("Email traffic rose.")},
		{name: "two-word entry", src: story("The ministry said on its Web site that talks ended."),
			flagged: "Web site", safe: true, fixed: story("The ministry said on its website that talks ended.")},
		{name: "inside a quotation", src: story("“The Kiev of my youth is gone,” she said."),
			flagged: "Kiev", sev: Info, safe: false, fixed: story("“The Kyiv of my youth is gone,” she said.")},

		// Negatives: fixed phrases and words that only look alike.
		{name: "chicken Kiev", src: story("The restaurant serves chicken Kiev.")},
		{name: "Dynamo Kiev", src: story("Dynamo Kiev won the cup in 1961.")},
		{name: "Kievan Rus", src: story("Kievan Rus was a medieval state.")},
		{name: "Kyiv already", src: story("Kyiv says it will fight on.")},
		{name: "Peking duck", src: story("They ate Peking duck and visited Peking University.")},
		{name: "madras cloth", src: story("He wore a madras shirt.")},
		{name: "Calcutta Cup", src: story("England won the Calcutta Cup.")},
		{name: "web alone", src: story("The web of alliances held; the site was closed.")},
	})
}

func TestHouseStyleConfiguration(t *testing.T) {
	src := story("Officials in Kiev and Peking met at the Taj Mahal Palace.")
	_, diags := styleRun(t, newHouseStyle, Options{"substitutions": map[string]any{"Taj Mahal Palace": "Taj hotel"}}, src)
	if len(diags) != 3 {
		t.Fatalf("added substitution: got %d findings, want Kiev, Peking and the new entry: %+v", len(diags), diags)
	}
	doc, diags := styleRun(t, newHouseStyle, Options{"substitutions": map[string]any{"Peking": "Peiping"}, "replace-defaults": true}, src)
	if len(diags) != 1 || string(doc.Source[diags[0].Start:diags[0].End]) != "Peking" || diags[0].Severity != Warning {
		t.Fatalf("replace-defaults: got %+v", diags)
	}
	if got := applyFix(doc.Source, diags[0].Fixes[0]); !strings.Contains(got, "in Kiev and Peiping met") {
		t.Errorf("user substitution applied as %q", got)
	}
	_, diags = styleRun(t, newHouseStyle, Options{"substitutions": map[string]any{"Kiev": "Kyiv city"}}, src)
	if len(diags) != 2 || diags[0].Fixes[0].Edits[0].NewText != "Kyiv city" {
		t.Errorf("a user entry should override the default for the same spelling: %+v", diags)
	}
	for _, bad := range []Options{{"substitution": map[string]any{}}, {"substitutions": "Kiev"}, {"substitutions": map[string]any{"Kiev": ""}}} {
		if err := newHouseStyle().(Configurable).Configure(bad); err == nil {
			t.Errorf("Configure(%v) accepted", bad)
		}
	}
}

func TestHouseStyleData(t *testing.T) {
	d := defaultHouseStyle()
	n := 0
	for _, entries := range d.byFirst {
		for _, e := range entries {
			n++
			if e.source == "" || e.severity == 0 {
				t.Errorf("entry %v lacks a source or severity", e.wrong)
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d entries in the default dictionary", n)
	}
	bad := []string{
		"wrong\tright\tseverity\texcept\tsource\nKiev\tKyiv\twarning\t\n",                 // too few columns
		"wrong\tright\tseverity\texcept\tsource\nKiev\tKyiv\tloud\t\tAP\n",                // bad severity
		"wrong\tright\tseverity\texcept\tsource\nKiev\tKyiv\twarning\t\t \n",              // no source
		"wrong\tright\tseverity\texcept\tsource\nKiev\tKyiv\twarning\tchicken Kyiv\tAP\n", // exception without the word
	}
	for _, tsv := range bad {
		if err := (&houseDict{byFirst: map[string][]*houseEntry{}}).addTSV(tsv); err == nil {
			t.Errorf("malformed dictionary accepted: %q", tsv)
		}
	}
}
