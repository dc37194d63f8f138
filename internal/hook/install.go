package hook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the comment that identifies a pre-commit hook copydesk wrote. Install overwrites and
// Uninstall removes only hooks that carry it.
const Marker = "# copydesk-managed-hook"

// HookName is the git hook copydesk installs.
const HookName = "pre-commit"

// ErrForeignHook is returned when a pre-commit hook that copydesk did not write is in the way.
var ErrForeignHook = errors.New("a pre-commit hook that copydesk did not write is already installed")

// ErrNoHook is returned by Uninstall when there is no copydesk hook to remove.
var ErrNoHook = errors.New("no pre-commit hook is installed")

// Script returns the hook: a POSIX shell script that runs `copydesk lint --staged` with the extra
// arguments, calling binary by its absolute path and falling back to copydesk on PATH.
func Script(binary string, args []string) string {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n")
	b.WriteString(Marker + ": written by `copydesk hook install`; `copydesk hook uninstall` removes it.\n")
	b.WriteString(`#
# Lints what the commit records: the staged (index) version of each story file (.txt, .md, .markdown,
# .html, .htm), not the working tree, so a partly staged file is judged as it will be committed. The
# configuration is found by walking up from each file in the work tree. Findings at or above --fail-on
# (default: error, or the configuration's fail-on) stop the commit; skip the check once with
# git commit --no-verify.
#
# copydesk is called by the absolute path of the binary that installed this hook, because git GUIs, IDEs
# and hook runners often start hooks with a PATH that lacks the Go bin folder. If that binary has since
# been moved or removed, the copydesk found on PATH is used instead.
`)
	fmt.Fprintf(&b, "copydesk=%s\n", shellQuote(filepath.ToSlash(binary)))
	b.WriteString(`if [ ! -x "$copydesk" ]; then
	if ! command -v copydesk >/dev/null 2>&1; then
		echo "copydesk pre-commit hook: $copydesk is gone and copydesk is not on PATH;" >&2
		echo "reinstall copydesk, or commit with --no-verify to skip the check." >&2
		exit 1
	fi
	copydesk=copydesk
fi
`)
	b.WriteString(`exec "$copydesk" lint --staged`)
	for _, a := range args {
		b.WriteString(" " + shellQuote(a))
	}
	b.WriteString("\n")
	return b.String()
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@+,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// IsOurs reports whether hook text was written by copydesk.
func IsOurs(script []byte) bool { return strings.Contains(string(script), Marker) }

// Install writes the pre-commit hook for the repository containing dir, running binary with args. It
// replaces a hook copydesk wrote; any other hook only when force is set (else ErrForeignHook). It
// returns the hook's path.
func Install(dir, binary string, args []string, force bool) (string, error) {
	hooks, err := HooksDir(dir)
	if err != nil {
		return "", err
	}
	path := filepath.Join(hooks, HookName)
	old, err := os.ReadFile(path)
	switch {
	case err == nil && !IsOurs(old) && !force:
		return path, fmt.Errorf("%s: %w; rerun with --force to replace it, or add `copydesk lint --staged` to it", path, ErrForeignHook)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return path, err
	}
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return path, err
	}
	// Write beside it and rename, so a failed write never leaves half a hook that blocks every commit.
	tmp, err := os.CreateTemp(hooks, ".pre-commit-*")
	if err != nil {
		return path, err
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // gone after the rename; the leftover after a failure
	if _, err := tmp.WriteString(Script(binary, args)); err != nil {
		_ = tmp.Close()
		return path, err
	}
	if err := tmp.Close(); err != nil {
		return path, err
	}
	if err := os.Chmod(tmp.Name(), 0o755); err != nil {
		return path, err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return path, err // a symlink is replaced, never written through
	}
	return path, os.Rename(tmp.Name(), path)
}

// Uninstall removes the pre-commit hook of the repository containing dir if copydesk wrote it: a hook
// it did not write is left alone (ErrForeignHook), and a missing one is ErrNoHook. It returns the path.
func Uninstall(dir string) (string, error) {
	hooks, err := HooksDir(dir)
	if err != nil {
		return "", err
	}
	path := filepath.Join(hooks, HookName)
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return path, fmt.Errorf("%s: %w", path, ErrNoHook)
	case err != nil:
		return path, err
	case !IsOurs(old):
		return path, fmt.Errorf("%s: %w; leaving it alone", path, ErrForeignHook)
	}
	return path, os.Remove(path)
}
