package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/hook"
	"github.com/urfave/cli/v2"
)

// lintStaged lints what is staged for the next commit (`copydesk lint --staged`): the index version of
// each added, copied, modified or renamed file copydesk reads, not the working tree, so a partly staged
// file is judged as it will be committed. Path arguments, if any, are git pathspecs that narrow the
// set. The configuration of each file is still found by walking up from its place in the work tree. With
// nothing to lint it says so on standard error and returns no outcomes.
func lintStaged(c *cli.Context, s *setup) ([]linted, error) {
	var override *document.Format
	if name := c.String("input-format"); name != "" {
		f, err := document.ParseFormat(name)
		if err != nil {
			return nil, usageError("%v", err)
		}
		override = &f
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	top, err := hook.Toplevel(cwd)
	if err != nil {
		return nil, usageError("--staged: %v", err)
	}
	supported := func(p string) bool { _, ok := document.FormatForPath(p); return ok }
	files, err := hook.StagedFiles(cwd, c.Args().Slice(), supported, maxRead)
	if err != nil {
		return nil, usageError("--staged: %v", err)
	}
	if len(files) == 0 {
		_, err := fmt.Fprintln(c.App.ErrWriter, "copydesk: no staged files to lint")
		return nil, err
	}
	out := make([]linted, len(files))
	parallel(len(files), func(i int) {
		f := files[i]
		abs := filepath.Join(top, filepath.FromSlash(f.Path))
		name := abs
		if rel, err := filepath.Rel(cwd, abs); err == nil {
			name = rel
		}
		format, _ := document.FormatForPath(abs)
		if override != nil {
			format = *override
		}
		in := input{path: abs, name: name, format: format}
		out[i] = linted{in: in, data: f.Data}
		out[i].result, out[i].failOn, out[i].err = s.linter.Lint(in.path, in.name, in.format, f.Data)
	})
	return out, nil
}
