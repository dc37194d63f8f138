package main

import (
	"fmt"
	"io"

	"github.com/copydesk/copydesk/internal/fix"
	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/urfave/cli/v2"
)

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "apply safe fixes in place (with --unsafe, every suggested fix), then report what remains",
		ArgsUsage: "PATH... (- reads standard input and writes the fixed text to standard output)",
		Flags:     commonFlags(),
		Action:    runFix,
	}
}

func runFix(c *cli.Context) error {
	tuneGC()
	s, err := newSetup(c)
	if err != nil {
		return err
	}
	all := fixAll(s.linter, s.inputs, c.App.Reader, s.unsafe)
	if beforeWrite != nil {
		beforeWrite()
	}
	// With standard input the fixed text owns standard output; the report goes to standard error.
	out := c.App.Writer
	applied := 0
	for i := range all {
		l := &all[i]
		switch {
		case l.err != nil:
		case l.in.path == "":
			_, l.err = c.App.Writer.Write(l.fixed)
			out = c.App.ErrWriter
		case l.applied > 0:
			l.err = fix.WriteFile(l.in.path, l.data, l.fixed)
		}
		if l.err == nil {
			applied += l.applied
		}
	}
	o, results := judge(all, s.failOn, c.App.ErrWriter)
	fmt.Fprintf(out, "applied %d fix%s\n", applied, plural(applied, "es"))
	f, err := report.New("text", report.Options{Color: s.color, Unsafe: s.unsafe})
	if err != nil {
		return err
	}
	if err := f.Format(out, results); err != nil {
		return err
	}
	return o.exit(s.exitZero)
}

// beforeWrite, when set by tests, runs between fixing the inputs in memory and writing them back: the
// window in which another editor may save or delete a file.
var beforeWrite func()

// fixAll fixes the inputs in parallel, in memory; the caller writes them.
func fixAll(l *lint.Linter, inputs []input, stdin io.Reader, unsafe bool) []linted {
	out := make([]linted, len(inputs))
	parallel(len(inputs), func(i int) {
		in := inputs[i]
		out[i] = linted{in: in}
		if out[i].data, out[i].err = in.read(stdin); out[i].err != nil {
			return
		}
		f, err := l.Fix(in.path, in.name, in.format, out[i].data, unsafe)
		out[i].fixed, out[i].applied, out[i].result, out[i].failOn, out[i].err = f.Data, f.Applied, f.Result, f.FailOn, err
	})
	return out
}

func plural(n int, suffix string) string {
	if n == 1 {
		return ""
	}
	return suffix
}
