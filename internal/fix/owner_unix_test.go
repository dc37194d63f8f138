//go:build unix

package fix

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWriteFileKeepsTheOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 4321, 4322); err != nil {
		t.Skipf("chown: %v", err)
	}
	if err := WriteFile(path, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if sys, ok := st.Sys().(*syscall.Stat_t); !ok || sys.Uid != 4321 || sys.Gid != 4322 {
		t.Fatalf("owner after the fix: %+v", st.Sys())
	}
}
