package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runIn runs copydesk in-process and returns its exit code, standard output and standard error.
func runIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"copydesk"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestFixDoesNotOverwriteAFileChangedOrRemovedMeanwhile deletes one file and edits another after
// copydesk has read and fixed them in memory but before it writes them back.
func TestFixDoesNotOverwriteAFileChangedOrRemovedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	story := "Headline\n\nThe the ministers met.\n"
	paths := map[string]string{}
	for _, name := range []string{"gone.txt", "edited.txt", "fine.txt"} {
		paths[name] = filepath.Join(dir, name)
		if err := os.WriteFile(paths[name], []byte(story), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edited := story + "\nA paragraph the editor added meanwhile.\n"
	beforeWrite = func() {
		if err := os.Remove(paths["gone.txt"]); err != nil {
			t.Error(err)
		}
		if err := os.WriteFile(paths["edited.txt"], []byte(edited), 0o644); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(func() { beforeWrite = nil })
	code, stdout, stderr := runIn(t, "", "fix", "--only", "repeated-word", paths["gone.txt"], paths["edited.txt"], paths["fine.txt"])
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr, "gone.txt: file was removed or moved since it was read; not written") ||
		!strings.Contains(stderr, "edited.txt: file changed on disk since it was read; not overwritten") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if !strings.Contains(stdout, "applied 1 fix\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if _, err := os.Stat(paths["gone.txt"]); !os.IsNotExist(err) {
		t.Errorf("the removed file was written back: %v", err)
	}
	if got, _ := os.ReadFile(paths["edited.txt"]); string(got) != edited {
		t.Errorf("the edited file was overwritten: %q", got)
	}
	if got, _ := os.ReadFile(paths["fine.txt"]); string(got) != "Headline\n\nThe ministers met.\n" {
		t.Errorf("the untouched file was not fixed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestHugeFileIsRefusedWithoutReadingIt lints a 200 MB (sparse) file beside a normal one: it is refused
// by its size, the message giving its real size (a read would stop at the limit, and say 64 MiB), the
// other file is linted and the run exits 2 at once.
func TestHugeFileIsRefusedWithoutReadingIt(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(small, []byte("Headline\n\nThe the end.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"lint", "fix"} {
		start := time.Now()
		code, stdout, stderr := runIn(t, "", cmd, "--only", "repeated-word", huge, small)
		if code != exitUsage || !strings.Contains(stderr, "huge.txt: file is 200 MiB, over the 64 MiB limit; not linted") {
			t.Errorf("%s: exit %d, stderr:\n%s", cmd, code, stderr)
		}
		if !strings.Contains(stdout, "story.txt:3:1") && !strings.Contains(stdout, "applied 1 fix\n") {
			t.Errorf("%s: the other file was not linted:\n%s", cmd, stdout)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: took %v", cmd, took)
		}
	}
}
