package hook

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// File is a staged file: its path from the top of the work tree (forward slashes) and its content in
// the index.
type File struct {
	Path string
	Data []byte
	// Size is the blob's full size; Data holds at most the limit StagedFiles was given.
	Size int64
}

// StagedFiles returns the files a commit made now would add or change (added, copied, modified or
// renamed in the index relative to HEAD; a repository without commits yet counts every staged file),
// with their staged content rather than the working tree's. dir is where git runs, so pathspecs, if
// any, are relative to it. keep filters by path before any content is read; limit bounds the bytes read
// of one blob (the rest is skipped, Size tells how big it was). Symbolic links and submodules are left
// out: they have no prose of their own.
func StagedFiles(dir string, pathspecs []string, keep func(path string) bool, limit int64) ([]File, error) {
	// --raw gives each blob's id, so one `git cat-file --batch` reads them all; -z keeps odd names
	// intact; diff.relative is forced off so paths are from the top whatever the user's configuration.
	args := []string{"-c", "diff.relative=false", "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames",
		"--no-ext-diff", "--no-textconv", "--ignore-submodules", "--diff-filter=ACMR", "--"}
	out, err := git(dir, append(args, pathspecs...)...)
	if err != nil {
		return nil, err
	}
	var files []File
	var ids []string
	fields := bytes.Split(bytes.TrimSuffix(out, []byte{0}), []byte{0})
	for i := 0; i+1 < len(fields); i += 2 {
		// ":100644 100644 <old id> <new id> M" then the path.
		meta := strings.Fields(strings.TrimPrefix(string(fields[i]), ":"))
		path := string(fields[i+1])
		if len(meta) < 5 {
			return nil, fmt.Errorf("git diff: unexpected output %q", fields[i])
		}
		if mode := meta[1]; mode != "100644" && mode != "100755" {
			continue // symlink (120000) or submodule (160000)
		}
		if keep != nil && !keep(path) {
			continue
		}
		files = append(files, File{Path: path})
		ids = append(ids, meta[3])
	}
	if len(files) == 0 {
		return nil, nil
	}
	if err := readBlobs(dir, ids, files, limit); err != nil {
		return nil, err
	}
	return files, nil
}

// readBlobs reads the blobs with the given ids into files, in order, with one `git cat-file --batch`.
func readBlobs(dir string, ids []string, files []File, limit int64) error {
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git: %w", err)
	}
	r := bufio.NewReaderSize(stdout, 64<<10)
	readErr := func() error {
		for i := range files {
			header, err := r.ReadString('\n')
			if err != nil {
				return fmt.Errorf("git cat-file: %w", err)
			}
			// "<id> blob <size>", or "<id> missing".
			f := strings.Fields(header)
			if len(f) != 3 || f[1] != "blob" {
				return fmt.Errorf("git cat-file: %s: %s", files[i].Path, strings.TrimSpace(header))
			}
			size, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				return fmt.Errorf("git cat-file: bad header %q", header)
			}
			files[i].Size = size
			n := size
			if limit >= 0 && n > limit {
				n = limit
			}
			files[i].Data = make([]byte, n)
			if _, err := io.ReadFull(r, files[i].Data); err != nil {
				return fmt.Errorf("git cat-file: %s: %w", files[i].Path, err)
			}
			// Skip what is over the limit, and the newline that ends each object.
			if _, err := r.Discard(int(size-n) + 1); err != nil {
				return fmt.Errorf("git cat-file: %s: %w", files[i].Path, err)
			}
		}
		return nil
	}()
	if readErr != nil {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case readErr != nil:
		return readErr
	case waitErr != nil:
		var ee *exec.ExitError
		if errors.As(waitErr, &ee) && stderr.Len() > 0 {
			return fmt.Errorf("git cat-file: %s", strings.TrimSpace(stderr.String()))
		}
		return fmt.Errorf("git cat-file: %w", waitErr)
	}
	return nil
}
