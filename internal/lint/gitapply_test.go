package lint

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/report"
)

// TestDiffOfTheCorpusAppliesWithGit fixes every file of the fuzz corpus, in every format, with safe and
// with unsafe fixes, and applies the `lint --diff` output to the original with the real `git apply`: it
// must give exactly the bytes `fix` writes.
func TestDiffOfTheCorpusAppliesWithGit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	applied := 0
	for _, p := range corpusFiles(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for kind := range 6 {
			format, unsafe := fuzzFormats[kind%3], kind >= 3
			name := fmt.Sprintf("%s as %s (unsafe %v)", filepath.Base(p), format, unsafe)
			res, err := fuzzLinter.Fix("", "story.txt", format, src, unsafe)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			var diff bytes.Buffer
			if err := report.WriteUnifiedDiff(&diff, "story.txt", src, res.Data); err != nil {
				t.Fatal(err)
			}
			if diff.Len() == 0 {
				continue
			}
			if err := os.WriteFile(filepath.Join(dir, "story.txt"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(git, "apply", "--whitespace=nowarn", "-")
			cmd.Dir = dir
			cmd.Stdin = &diff
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: git apply: %v\n%s\ndiff:\n%s", name, err, out, diff.String())
				continue
			}
			got, _ := os.ReadFile(filepath.Join(dir, "story.txt"))
			if !bytes.Equal(got, res.Data) {
				t.Errorf("%s: git apply gave\n%q\nfix gave\n%q", name, got, res.Data)
			}
			applied++
		}
	}
	if applied == 0 {
		t.Fatal("no corpus file had a fix to apply")
	}
	t.Logf("%d diffs applied with git", applied)
}
