package fix

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// onlyFiles fails the test when dir holds anything but names (a temporary file left behind).
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Fatalf("%s holds %v, want %v", dir, got, names)
	}
}

func TestWriteFileThroughASymlinkWritesTheTarget(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "stories"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "stories", "story.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(target, []byte("old\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("stories", "story.txt"), link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := WriteFile(link, []byte("old\r\n"), []byte("new\r\n")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	got, _ := os.ReadFile(target)
	st, _ := os.Stat(target)
	if string(got) != "new\r\n" || st.Mode().Perm() != 0o600 {
		t.Fatalf("target holds %q, mode %v", got, st.Mode().Perm())
	}
	onlyFiles(t, dir, "link.txt", "stories")
	onlyFiles(t, filepath.Join(dir, "stories"), "story.txt")

	// A link whose target is gone is a vanished file: nothing is created.
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new\r\n"), []byte("newer")); !errors.Is(err, ErrVanished) {
		t.Fatalf("dangling link: got %v", err)
	}
	onlyFiles(t, filepath.Join(dir, "stories"))
}

func TestWriteFileRefusesAReadOnlyFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	err := WriteFile(path, []byte("old"), []byte("new"))
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("read-only folder: got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("file in a read-only folder changed to %q", got)
	}
	onlyFiles(t, dir, "story.txt")
}

func TestWriteFileReportsAVanishedFile(t *testing.T) {
	dir := t.TempDir()
	err := WriteFile(filepath.Join(dir, "gone.txt"), []byte("x"), []byte("y"))
	if !errors.Is(err, ErrVanished) || !strings.Contains(err.Error(), "gone.txt: file was removed or moved") {
		t.Fatalf("got %v", err)
	}
	onlyFiles(t, dir)
}

// TestWriteFileDetectsAnEditSinceTheRead simulates another editor saving the file between copydesk's
// read and its write: WriteFile is given the bytes as they were read (now stale).
func TestWriteFileDetectsAnEditSinceTheRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	read := []byte("The the talks.\n")
	if err := os.WriteFile(path, read, 0o644); err != nil {
		t.Fatal(err)
	}
	edited := []byte("The the talks.\nA paragraph the editor just added.\n")
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, read, []byte("The talks.\n")); !errors.Is(err, ErrChanged) {
		t.Fatalf("got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(edited) {
		t.Fatalf("the editor's version was overwritten: %q", got)
	}
	onlyFiles(t, dir, "story.txt")
}
