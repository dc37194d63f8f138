package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/rules"
	"github.com/urfave/cli/v2"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule with its id, category, default severity and what it checks",
		Flags: []cli.Flag{&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"}},
		Action: func(c *cli.Context) error {
			metas := make([]rules.Meta, 0)
			for _, r := range rules.Builtin() {
				metas = append(metas, r.Meta())
			}
			switch c.String("format") {
			case "json":
				enc := json.NewEncoder(c.App.Writer)
				enc.SetIndent("", "  ")
				return enc.Encode(metas)
			case "text":
				return writeRuleTable(c.App.Writer, metas)
			}
			return usageError("rules --format: want text or json")
		},
	}
}

// writeRuleTable lists rules grouped by category, categories in the order they first appear.
func writeRuleTable(w io.Writer, metas []rules.Meta) error {
	var order []string
	byCat := map[string][]rules.Meta{}
	for _, m := range metas {
		if _, seen := byCat[m.Category]; !seen {
			order = append(order, m.Category)
		}
		byCat[m.Category] = append(byCat[m.Category], m)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, cat := range order {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\n", cat)
		for _, m := range byCat[cat] {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", m.ID, m.Severity, m.Summary)
		}
	}
	return tw.Flush()
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print a rule's documentation, with an example",
		ArgsUsage: "RULE",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError("explain: name one rule (see `copydesk rules`)")
			}
			r, err := rules.Lookup(c.Args().First())
			if err != nil {
				return usageError("%v", err)
			}
			writeExplanation(c.App.Writer, r.Meta())
			return nil
		},
	}
}

func writeExplanation(w io.Writer, m rules.Meta) {
	fmt.Fprintf(w, "%s (%s, default severity %s)\n\n%s\n\n", m.ID, m.Category, m.Severity, m.Summary)
	if m.Doc != "" {
		fmt.Fprintf(w, "%s\n\n", wrap(m.Doc, 100))
	}
	if m.Bad != "" {
		fmt.Fprintf(w, "Example:\n  flagged: %s\n", m.Bad)
		if m.Good != "" {
			fmt.Fprintf(w, "  fixed:   %s\n", m.Good)
		}
		fmt.Fprintln(w)
	}
	if len(m.Options) > 0 {
		fmt.Fprintln(w, "Options (in .copydesk.yaml under rules."+m.ID+".options):")
		names := make([]string, 0, len(m.Options))
		for k := range m.Options {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			fmt.Fprintf(w, "  %s: %s\n", k, m.Options[k])
		}
	}
}

// wrap breaks text into lines of at most width characters at word boundaries.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		if n > 0 && n+1+len(word) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}
