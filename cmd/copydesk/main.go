// Command copydesk is an editorial copy-desk linter: it finds the defects that pasted, machine-translated
// and spun copy leaves behind, explains each, and proposes the fix as a patch.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// Exit codes, as ruff, eslint and Vale use them.
const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it takes the arguments and streams and returns the exit code, so tests
// can call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(flagsFirst(app, args))
	if err == nil {
		return exitClean
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, "copydesk:", msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(stderr, "copydesk:", err)
	return exitUsage
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "copydesk",
		Usage:   "lint news copy for spun, machine-translated and pasted-in defects",
		Version: version,
		Reader:  stdin, Writer: stdout, ErrWriter: stderr,
		// Errors are printed once, by run, with the right exit code.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		Commands: []*cli.Command{
			lintCommand(),
			fixCommand(),
			rulesCommand(),
			explainCommand(),
			serveCommand(),
			hookCommand(),
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return cli.Exit(err.Error(), exitUsage)
		},
	}
}

// batchGCPercent is the garbage collector's target for lint and fix, which allocate much short-lived
// memory per file and keep little: at the default 100 the collector ran every few files and took about a
// tenth of the time on two cores; at 400 it runs a quarter as often. Peak memory stays small, as little is
// live at a time (44 MB rather than 28 MB linting 100 MB of stories as many files; a single large file,
// whose parse is all live, is as before). A GOGC set in the environment wins.
const batchGCPercent = 400

// tuneGC sets batchGCPercent unless GOGC is set.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
}

// usageError is a mistake in how copydesk was called.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), exitUsage)
}
