package report

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnifiedDiffAppliesWithGit checks every diff by handing it to `git apply` and comparing the result.
func TestUnifiedDiffAppliesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	cases := map[string][2]string{
		"one word":          {"a\nb\nc\n", "a\nB\nc\n"},
		"no final newline":  {"a\nb\nc", "a\nb\nC"},
		"add final newline": {"a\nb", "a\nb\n"},
		"drop a line":       {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n6\n7\n8\n9\n10\n"},
		"two hunks":         {lines(1, 30), strings.Replace(strings.Replace(lines(1, 30), "3\n", "three\n", 1), "27\n", "", 1)},
		"crlf":              {"a\r\nb\r\nc\r\n", "a\r\nbee\r\nc\r\n"},
		"to empty":          {"a\nb\n", ""},
		"from empty":        {"", "a\n"},
		"multibyte":         {"“Quote” — é\nKiev\n", "“Quote” — é\nKyiv\n"},
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		old := lines(1, 40+rng.Intn(40))
		ls := strings.SplitAfter(old, "\n")
		for k := 0; k < 5; k++ {
			j := rng.Intn(len(ls))
			switch rng.Intn(3) {
			case 0:
				ls[j] = ""
			case 1:
				ls[j] = "changed " + ls[j]
			default:
				ls[j] += "inserted\n"
			}
		}
		cases[fmt.Sprintf("random %d", i)] = [2]string{old, strings.Join(ls, "")}
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "story.txt")
			if err := os.WriteFile(path, []byte(c[0]), 0o644); err != nil {
				t.Fatal(err)
			}
			var patch bytes.Buffer
			if err := WriteUnifiedDiff(&patch, "story.txt", []byte(c[0]), []byte(c[1])); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("git", "apply", "--unsafe-paths", "-")
			cmd.Dir = dir
			cmd.Stdin = &patch
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s\npatch:\n%s", err, out, patch.String())
			}
			got, _ := os.ReadFile(path)
			if string(got) != c[1] {
				t.Fatalf("after git apply:\n%q\nwant\n%q", got, c[1])
			}
		})
	}
}

func TestUnifiedDiffHeadersAndHunks(t *testing.T) {
	var b bytes.Buffer
	if err := WriteUnifiedDiff(&b, "./a/story.md", []byte("x\ny\nz\n"), []byte("x\nY\nz\n")); err != nil {
		t.Fatal(err)
	}
	want := "--- a/a/story.md\n+++ b/a/story.md\n@@ -1,3 +1,3 @@\n x\n-y\n+Y\n z\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteUnifiedDiff(&b, "s.txt", []byte("same\n"), []byte("same\n")); err != nil || b.Len() != 0 {
		t.Fatalf("equal inputs gave %q, %v", b.String(), err)
	}
}

func lines(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "%d\n", i)
	}
	return b.String()
}
