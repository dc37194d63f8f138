package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
)

// commonFlags are shared by lint and fix.
func commonFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "configuration file (default: .copydesk.yaml found by walking up from each file)"},
		&cli.StringFlag{Name: "input-format", Usage: "treat every input as `FORMAT`: text, markdown or html (default: from the extension)"},
		&cli.StringFlag{Name: "stdin-filename", Usage: "`NAME` of standard input (\"-\"), for reports and its format"},
		&cli.StringSliceFlag{Name: "only", Usage: "run only these `RULE`s (repeat or comma-separate)"},
		&cli.StringSliceFlag{Name: "disable", Usage: "turn these `RULE`s off"},
		&cli.StringFlag{Name: "fail-on", Usage: "exit 1 on findings at or above `LEVEL`: info, warning or error (default: error, or the config's)"},
		&cli.BoolFlag{Name: "exit-zero", Usage: "exit 0 even when findings fail the run"},
		&cli.BoolFlag{Name: "unsafe", Usage: "also apply (fix, --diff) the fixes marked unsafe"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "colorize output: auto, always or never (NO_COLOR is honoured)"},
		&cli.StringSliceFlag{Name: "against", Usage: "check quotations, wording, names and numbers against this `SOURCE` (the wire story or transcript the copy was written from; repeatable)"},
	}
}

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "report defects in files, folders or standard input",
		ArgsUsage: "PATH... (folders recurse into .txt, .md, .markdown, .html, .htm; - reads standard input)",
		Flags: append(commonFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: " + strings.Join(report.Names(), ", ")},
			&cli.BoolFlag{Name: "diff", Usage: "print the safe fixes (with --unsafe, all fixes) as one unified diff instead of diagnostics"},
			&cli.BoolFlag{Name: "staged", Usage: "lint the staged (index) version of the files git would commit; PATHs, if any, are pathspecs"},
			&cli.BoolFlag{Name: "ndjson", Usage: "read {\"id\",\"title\",\"body\",\"format\"} objects from standard input, one a line, and write one result a line"},
		),
		Action: runLint,
	}
}

// setup reads the flags lint and fix share.
type setup struct {
	linter   *lint.Linter
	inputs   []input
	failOn   rules.Severity
	exitZero bool
	unsafe   bool
	color    bool
}

func newSetup(c *cli.Context) (*setup, error) {
	if c.NArg() == 0 && !c.Bool("staged") && !c.Bool("ndjson") {
		return nil, usageError("%s: name at least one file or folder, or - for standard input", c.Command.Name)
	}
	s := &setup{exitZero: c.Bool("exit-zero"), unsafe: c.Bool("unsafe")}
	if v := c.String("fail-on"); v != "" {
		sev, err := rules.ParseSeverity(v)
		if err != nil {
			return nil, usageError("--fail-on: %v", err)
		}
		s.failOn = sev
	}
	var err error
	if s.color, err = useColor(c.String("color")); err != nil {
		return nil, err
	}
	s.linter = &lint.Linter{ConfigPath: c.String("config"), Only: splitList(c.StringSlice("only")), Disable: splitList(c.StringSlice("disable"))}
	// Build the engine once up front so a bad configuration or rule name is one clear error, not one a file.
	if _, _, err := s.linter.Setup(""); err != nil {
		return nil, usageError("%v", err)
	}
	if s.linter.Sources, err = readSources(c.StringSlice("against"), c.String("input-format")); err != nil {
		return nil, err
	}
	if c.Bool("staged") || c.Bool("ndjson") {
		return s, nil // the inputs come from the git index or from standard input
	}
	if s.inputs, err = collectInputs(c.Args().Slice(), c.String("input-format"), c.String("stdin-filename")); err != nil {
		return nil, err
	}
	return s, nil
}

func runLint(c *cli.Context) error {
	tuneGC()
	s, err := newSetup(c)
	if err != nil {
		return err
	}
	if c.Bool("ndjson") {
		return runNDJSON(c, s)
	}
	if !c.Bool("staged") && !c.Bool("diff") {
		f, err := report.New(c.String("format"), report.Options{Color: s.color, Unsafe: s.unsafe})
		if err != nil {
			return usageError("--format: %v", err)
		}
		return lintFiles(c, s, f)
	}
	var all []linted
	if !c.Bool("staged") {
		all = lintAll(s.linter, s.inputs, c.App.Reader)
	} else if all, err = lintStaged(c, s); err != nil || all == nil {
		return err // nil when nothing is staged
	}
	o, results := judge(all, s.failOn, c.App.ErrWriter)
	if c.Bool("diff") {
		if err := writeDiffs(c, s.linter, all, s.unsafe); err != nil {
			return err
		}
		return o.exit(s.exitZero)
	}
	f, err := report.New(c.String("format"), report.Options{Color: s.color, Unsafe: s.unsafe})
	if err != nil {
		return usageError("--format: %v", err)
	}
	if err := f.Format(c.App.Writer, results); err != nil {
		return err
	}
	return o.exit(s.exitZero)
}

// lintFiles lints the named files and reports them in order. A formatter that can stream (text) writes
// each file's diagnostics as soon as that file and those before it are done; the others get compact
// results (no input bytes, no parsed text) at the end. Either way memory does not grow with the size of
// the files, only, for the non-streaming formats, with the number of files that have findings.
func lintFiles(c *cli.Context, s *setup, f report.Formatter) error {
	var o outcome
	w := c.App.Writer
	if st, ok := f.(report.Streamer); ok {
		bw := bufio.NewWriterSize(w, 64<<10)
		var sum report.Summary
		var werr error
		lintEach(s.linter, s.inputs, c.App.Reader, func(l linted) {
			r, ok := o.add(l, s.failOn, c.App.ErrWriter)
			if !ok || werr != nil {
				return
			}
			sum.Add(r)
			if werr = st.WriteResult(bw, r); werr == nil && len(r.Diagnostics) > 0 {
				werr = bw.Flush() // findings reach a pipe as their file is done
			}
		})
		if werr != nil {
			return werr
		}
		if err := st.WriteSummary(bw, sum); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		return o.exit(s.exitZero)
	}
	var results []report.Result
	lintEach(s.linter, s.inputs, c.App.Reader, func(l linted) {
		if r, ok := o.add(l, s.failOn, c.App.ErrWriter); ok {
			results = append(results, r)
		}
	})
	if err := f.Format(w, results); err != nil {
		return err
	}
	return o.exit(s.exitZero)
}

// writeDiffs prints one unified diff covering every input: the same edits `copydesk fix` would make,
// continuing from the lint already done.
func writeDiffs(c *cli.Context, l *lint.Linter, all []linted, unsafe bool) error {
	for _, in := range all {
		if in.err != nil {
			continue
		}
		f, err := l.FixFrom(in.in.path, in.in.name, in.in.format, in.data, in.result, in.failOn, unsafe)
		if err != nil {
			return fmt.Errorf("%s: %w", in.in.name, err)
		}
		if err := report.WriteUnifiedDiff(c.App.Writer, in.in.name, in.data, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// useColor decides whether to colorize: --color wins; under auto, NO_COLOR, TERM=dumb or a stdout that
// is not a terminal turn color off.
func useColor(mode string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		return !color.NoColor && isatty.IsTerminal(os.Stdout.Fd()), nil
	}
	return false, usageError("--color: want auto, always or never, not %q", mode)
}

func splitList(items []string) []string {
	var out []string
	for _, it := range items {
		for _, s := range strings.Split(it, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// readSources reads and parses the --against files, each in the format its extension names unless
// --input-format says otherwise.
func readSources(paths []string, formatName string) ([]*document.Document, error) {
	var docs []*document.Document
	for _, path := range paths {
		f, _ := document.FormatForPath(path)
		if formatName != "" {
			var err error
			if f, err = document.ParseFormat(formatName); err != nil {
				return nil, usageError("%v", err)
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, usageError("--against: %v", err)
		}
		if err := lint.Validate(path, data); err != nil {
			return nil, usageError("--against: %v", err)
		}
		docs = append(docs, document.Parse(path, f, data))
	}
	return docs, nil
}
