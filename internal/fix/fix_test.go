package fix

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/rules"
)

func edit(start, end int, text string) rules.TextEdit {
	return rules.TextEdit{Start: start, End: end, NewText: text}
}

func diag(safe bool, edits ...rules.TextEdit) rules.Diagnostic {
	return rules.Diagnostic{Fixes: []rules.Fix{{Safe: safe, Edits: edits}}}
}

func TestSelectSkipsOverlapsAndUnsafe(t *testing.T) {
	diags := []rules.Diagnostic{
		diag(true, edit(10, 15, "x")),
		diag(true, edit(12, 20, "y")),  // overlaps the first: skipped
		diag(false, edit(30, 31, "z")), // unsafe: skipped unless asked
		diag(true, edit(0, 0, "a"), edit(5, 6, "")),
		diag(true, edit(20, 20, "ins")), // insertion touching nothing taken
	}
	got := Select(diags, false)
	want := []rules.TextEdit{edit(0, 0, "a"), edit(5, 6, ""), edit(10, 15, "x"), edit(20, 20, "ins")}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("edit %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if got := Select(diags, true); len(got) != 5 || got[4] != edit(30, 31, "z") {
		t.Fatalf("with unsafe: %v", got)
	}
}

func TestOverlaps(t *testing.T) {
	cases := []struct {
		a, b rules.TextEdit
		want bool
	}{
		{edit(0, 5, ""), edit(5, 8, ""), false},
		{edit(0, 5, ""), edit(4, 8, ""), true},
		{edit(3, 3, "x"), edit(3, 3, "y"), true},
		{edit(3, 3, "x"), edit(0, 3, "y"), true},
		{edit(3, 3, "x"), edit(4, 6, "y"), false},
		{edit(3, 3, "x"), edit(1, 6, "y"), true},
	}
	for _, c := range cases {
		if got := overlaps(c.a, c.b); got != c.want {
			t.Errorf("overlaps(%v, %v) = %v", c.a, c.b, got)
		}
		if got := overlaps(c.b, c.a); got != c.want {
			t.Errorf("overlaps(%v, %v) = %v (reversed)", c.b, c.a, got)
		}
	}
}

func TestApplyKeepsLineEndings(t *testing.T) {
	src := []byte("one\r\ntwo\r\nthree\r\n")
	got, err := Apply(src, []rules.TextEdit{edit(5, 8, "2\nand a half")})
	if err != nil {
		t.Fatal(err)
	}
	if want := "one\r\n2\r\nand a half\r\nthree\r\n"; string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	got, _ = Apply([]byte("a\nb\n"), []rules.TextEdit{edit(0, 1, "x\ny")})
	if string(got) != "x\ny\nb\n" {
		t.Fatalf("LF file: got %q", got)
	}
}

func TestApplyRejectsBadEdits(t *testing.T) {
	for _, edits := range [][]rules.TextEdit{
		{edit(4, 2, "")},
		{edit(0, 99, "")},
		{edit(3, 5, ""), edit(4, 6, "")},
	} {
		if _, err := Apply([]byte("hello world"), edits); err == nil {
			t.Errorf("Apply(%v) did not fail", edits)
		}
	}
}

func TestWriteFileKeepsModeAndIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != 0o640 {
		t.Fatalf("got %q mode %v", got, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
}

func TestWriteFileRefusesChangedReadOnlyAndMissing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(path, []byte("edited by someone else"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("what we linted"), []byte("fixed"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("changed file: got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "edited by someone else" {
		t.Fatalf("changed file was overwritten: %q", got)
	}

	ro := filepath.Join(dir, "ro.txt")
	if err := os.WriteFile(ro, []byte("x"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(ro, []byte("x"), []byte("y")); err == nil {
		t.Fatal("read-only file was written")
	}
	if err := WriteFile(filepath.Join(dir, "gone.txt"), []byte("x"), []byte("y")); err == nil {
		t.Fatal("vanished file: no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("files left behind: %v", entries)
	}
}
