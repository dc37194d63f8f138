package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/copydesk/copydesk/internal/hook"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
	"github.com/urfave/cli/v2"
)

func init() {
	// Machine formats (SARIF's tool.driver.version) report the version this binary was built as.
	report.ToolVersion = version
}

func hookCommand() *cli.Command {
	return &cli.Command{
		Name:  "hook",
		Usage: "install or remove the git pre-commit hook that lints staged copy",
		Subcommands: []*cli.Command{
			{
				Name:  "install",
				Usage: "write .git/hooks/pre-commit (or core.hooksPath's) to run `copydesk lint --staged`",
				Description: "The hook lints the staged version of each story file and blocks the commit on findings at\n" +
					"or above --fail-on. It calls this copydesk binary by absolute path, falling back to copydesk\n" +
					"on PATH. A pre-commit hook copydesk did not write is left alone unless --force is given.",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "force", Usage: "replace a pre-commit hook that copydesk did not write"},
					&cli.StringFlag{Name: "fail-on", Usage: "block the commit on findings at or above `LEVEL` (default: error, or the config's)"},
					&cli.StringFlag{Name: "config", Usage: "configuration `FILE` the hook passes to copydesk (default: found per file)"},
				},
				Action: runHookInstall,
			},
			{
				Name:   "uninstall",
				Usage:  "remove the pre-commit hook, if copydesk wrote it",
				Action: runHookUninstall,
			},
		},
	}
}

func runHookInstall(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("hook install takes no arguments (got %q)", c.Args().First())
	}
	var args []string
	if v := c.String("fail-on"); v != "" {
		if _, err := rules.ParseSeverity(v); err != nil {
			return usageError("--fail-on: %v", err)
		}
		args = append(args, "--fail-on", v)
	}
	if v := c.String("config"); v != "" {
		abs, err := filepath.Abs(v)
		if err != nil {
			return usageError("--config: %v", err)
		}
		args = append(args, "--config", abs)
	}
	bin, err := os.Executable()
	if err == nil {
		bin, err = filepath.EvalSymlinks(bin)
	}
	if err != nil {
		bin = "copydesk" // the hook falls back to PATH
	}
	path, err := hook.Install(".", bin, args, c.Bool("force"))
	if err != nil {
		return cli.Exit(err.Error(), exitUsage)
	}
	_, err = fmt.Fprintf(c.App.Writer, "installed %s\n", path)
	return err
}

func runHookUninstall(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("hook uninstall takes no arguments (got %q)", c.Args().First())
	}
	path, err := hook.Uninstall(".")
	if err != nil {
		return cli.Exit(err.Error(), exitUsage)
	}
	_, err = fmt.Fprintf(c.App.Writer, "removed %s\n", path)
	return err
}
