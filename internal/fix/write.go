package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged means the file on disk is no longer the one that was linted, so writing the fix would
// overwrite someone else's edit.
var ErrChanged = errors.New("file changed on disk since it was read; not overwritten")

// ErrVanished means the file was deleted or moved since it was read; it is not written back.
var ErrVanished = errors.New("file was removed or moved since it was read; not written")

// WriteFile replaces path with data atomically: it writes a temporary file in the same folder with the
// original's permissions (and, where it can, owner), syncs it, checks that the file on disk still holds
// orig, and renames the temporary file over it. A symbolic link is followed: the file it points to is
// replaced and the link stays a link. A read-only file or folder is refused, as a vanished file is. On
// any error the original is left as it was.
func WriteFile(path string, orig, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, ErrVanished)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s: file is read-only; not changed", path)
	}
	// Checked by hand as well as by the system, which lets root write anywhere: a folder someone made
	// read-only is a request to leave its files alone.
	dir := filepath.Dir(target)
	if dinfo, err := os.Stat(dir); err == nil && dinfo.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s: folder %s is read-only; not changed", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".copydesk-*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	keepOwner(tmp, info)
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	current, err := os.ReadFile(target)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, ErrVanished)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(current, orig) {
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries, so that the rename survives a crash; best effort, as some systems
// cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
