// Package hook installs copydesk as a git pre-commit hook and reads what a commit is about to record:
// the staged (index) version of each file, which is what `copydesk lint --staged` lints.
package hook

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// git runs a git command in dir and returns its standard output; a failure carries git's message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git: %w", err)
	}
	return out, nil
}

// Toplevel returns the root of the work tree that contains dir.
func Toplevel(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("not in a git work tree: %w", err)
	}
	return filepath.FromSlash(strings.TrimSpace(string(out))), nil
}

// HooksDir returns the folder git runs hooks from for the repository containing dir: core.hooksPath when
// it is set, else the hooks folder of the (common) git directory, as `git rev-parse --git-path hooks`
// resolves it.
func HooksDir(dir string) (string, error) {
	top, err := Toplevel(dir)
	if err != nil {
		return "", err
	}
	// Asked from the top of the work tree, where git runs hooks, so a relative core.hooksPath resolves
	// as git itself resolves it.
	out, err := git(top, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", err
	}
	p := filepath.FromSlash(strings.TrimSpace(string(out)))
	if !filepath.IsAbs(p) {
		p = filepath.Join(top, p)
	}
	return p, nil
}
