package hook

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// binDir holds a copydesk binary built once for the tests that commit through the hook.
var binDir string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		if _, err := exec.LookPath("git"); err != nil {
			fmt.Println("skipping: git not found")
			return 0
		}
		dir, err := os.MkdirTemp("", "copydesk-hook-test")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer func() { _ = os.RemoveAll(dir) }()
		exe := "copydesk"
		if runtime.GOOS == "windows" {
			exe += ".exe"
		}
		build := exec.Command("go", "build", "-o", filepath.Join(dir, exe), "github.com/copydesk/copydesk/cmd/copydesk")
		if out, err := build.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "building copydesk: %v\n%s", err, out)
			return 1
		}
		binDir = dir
		return m.Run()
	}())
}

// env is the environment of every command: the test binary first on PATH, and git isolated from the
// user's and system configuration and from any repository the tests run inside.
func env(t *testing.T, path string) []string {
	home := t.TempDir()
	out := []string{"PATH=" + path, "HOME=" + home, "XDG_CONFIG_HOME=" + home, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=" + filepath.Join(home, "gitconfig"), "NO_COLOR=1", "LANG=C"}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GO") || k == "TMPDIR" || k == "SYSTEMROOT" {
			out = append(out, kv) // go build caches and temp folders
		}
	}
	return out
}

type repo struct {
	t   *testing.T
	dir string
	env []string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	r := &repo{t: t, dir: t.TempDir(), env: env(t, binDir+string(os.PathListSeparator)+os.Getenv("PATH"))}
	r.must("git", "init", "-q")
	r.must("git", "config", "user.name", "Copy Desk")
	r.must("git", "config", "user.email", "desk@example.com")
	r.must("git", "config", "commit.gpgsign", "false")
	r.must("git", "config", "core.autocrlf", "false")
	return r
}

// run runs a command in the repository and returns its combined output and error.
func (r *repo) run(name string, args ...string) (string, error) {
	r.t.Helper()
	if name == "copydesk" {
		name = filepath.Join(binDir, name) // exec looks names up in our PATH, not cmd.Env's
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = r.dir
	cmd.Env = r.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (r *repo) must(name string, args ...string) string {
	r.t.Helper()
	out, err := r.run(name, args...)
	if err != nil {
		r.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func (r *repo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) read(name string) string {
	r.t.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(name)))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}

// commit commits what is staged and reports whether the hook let it through.
func (r *repo) commit(msg string) (string, bool) {
	r.t.Helper()
	out, err := r.run("git", "commit", "-q", "-m", msg)
	return out, err == nil
}

const (
	clean = "Talks end without a deal\n\nThe talks ended on Friday without an agreement, officials said.\n"
	dirty = "Talks end without a deal\n\nThe the talks ended on Friday without an agreement, officials said.\n"
	more  = "\nNegotiators will meet again next month in Geneva.\n"
)

func TestPreCommitBlocksStagedFindings(t *testing.T) {
	r := newRepo(t)
	r.write("clean.txt", clean+more+more)
	// The fixture must be clean for every rule family, or the test below proves nothing.
	r.must("copydesk", "lint", "clean.txt")
	if err := os.Remove(filepath.Join(r.dir, "clean.txt")); err != nil {
		t.Fatal(err)
	}
	if out := r.must("copydesk", "hook", "install"); !strings.Contains(out, "installed") {
		t.Fatalf("install said %q", out)
	}
	hookPath := filepath.Join(r.dir, ".git", "hooks", "pre-commit")
	st, err := os.Stat(hookPath)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o111 == 0 {
		t.Errorf("hook is not executable: %v", st.Mode())
	}

	// A clean commit passes.
	r.write("news/story.md", "# "+clean)
	r.must("git", "add", "news/story.md")
	if out, ok := r.commit("clean story"); !ok {
		t.Fatalf("clean commit blocked:\n%s", out)
	}

	// A repeated word is an error: the commit is blocked and the finding shown.
	r.write("news/story.md", "# "+dirty)
	r.must("git", "add", "news/story.md")
	out, ok := r.commit("dirty story")
	if ok {
		t.Fatal("commit with a repeated word went through")
	}
	if !strings.Contains(out, "news/story.md:3:1") || !strings.Contains(out, "repeated-word") {
		t.Errorf("hook output does not name the finding:\n%s", out)
	}

	// Partly staged, clean in the index, the error only in the working tree: judged as committed, so it
	// passes, and the working tree keeps its change.
	r.write("news/story.md", "# "+clean+more)
	r.must("git", "add", "news/story.md")
	r.write("news/story.md", "# "+dirty+more)
	if out, ok := r.commit("clean index, dirty tree"); !ok {
		t.Fatalf("commit of a clean staged version blocked by the working tree:\n%s", out)
	}
	if r.read("news/story.md") != "# "+dirty+more {
		t.Error("the working tree was changed")
	}

	// The reverse: the error staged, the working tree cleaned up but not staged: blocked.
	r.must("git", "add", "news/story.md")
	r.write("news/story.md", "# "+clean+more+more)
	if out, ok := r.commit("dirty index, clean tree"); ok {
		t.Fatalf("commit of a dirty staged version went through:\n%s", out)
	}

	// Files copydesk does not read are not linted; --no-verify still skips the hook.
	r.must("git", "reset", "-q")
	r.write("notes.go", "package the_the // the the\n")
	r.must("git", "add", "notes.go")
	if out, ok := r.commit("not copy"); !ok {
		t.Fatalf("commit of a non-copy file blocked:\n%s", out)
	}
	r.must("git", "add", "news/story.md")
	r.write("news/story.md", "# "+dirty)
	r.must("git", "add", "news/story.md")
	r.must("git", "commit", "-q", "--no-verify", "-m", "forced")
}

func TestLintStagedNothingStaged(t *testing.T) {
	r := newRepo(t)
	out := r.must("copydesk", "lint", "--staged")
	if !strings.Contains(out, "no staged files") {
		t.Errorf("got %q", out)
	}
}

func TestInstallRefusesForeignHook(t *testing.T) {
	r := newRepo(t)
	foreign := "#!/bin/sh\necho someone else's hook\n"
	r.write(".git/hooks/pre-commit", foreign)

	out, err := r.run("copydesk", "hook", "install")
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(out, "--force") {
		t.Fatalf("install over a foreign hook: %v\n%s", err, out)
	}
	if r.read(".git/hooks/pre-commit") != foreign {
		t.Fatal("the foreign hook was changed")
	}
	if out, err := r.run("copydesk", "hook", "uninstall"); err == nil || r.read(".git/hooks/pre-commit") != foreign {
		t.Fatalf("uninstall removed a foreign hook: %s", out)
	}

	r.must("copydesk", "hook", "install", "--force")
	if !IsOurs([]byte(r.read(".git/hooks/pre-commit"))) {
		t.Fatal("--force did not install the hook")
	}
	// Installing again over our own hook is fine; uninstall then removes it, and a second uninstall says
	// there is nothing to remove.
	r.must("copydesk", "hook", "install", "--fail-on", "warning")
	if !strings.Contains(r.read(".git/hooks/pre-commit"), "lint --staged --fail-on warning") {
		t.Errorf("--fail-on not passed on:\n%s", r.read(".git/hooks/pre-commit"))
	}
	r.must("copydesk", "hook", "uninstall")
	if _, err := os.Stat(filepath.Join(r.dir, ".git", "hooks", "pre-commit")); !os.IsNotExist(err) {
		t.Fatalf("hook still there: %v", err)
	}
	if out, err := r.run("copydesk", "hook", "uninstall"); err == nil || !strings.Contains(out, "no pre-commit hook") {
		t.Errorf("second uninstall: %v %s", err, out)
	}
}

func TestInstallHonorsHooksPath(t *testing.T) {
	r := newRepo(t)
	r.must("git", "config", "core.hooksPath", ".githooks")
	r.write("sub/dir/keep.txt", "")
	// Installed from a subfolder, the relative hooksPath still resolves from the top of the work tree.
	cmd := exec.Command(filepath.Join(binDir, "copydesk"), "hook", "install")
	cmd.Dir = filepath.Join(r.dir, "sub", "dir")
	cmd.Env = r.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !IsOurs([]byte(r.read(".githooks/pre-commit"))) {
		t.Fatal("hook not written to core.hooksPath")
	}
	if _, err := os.Stat(filepath.Join(r.dir, ".git", "hooks", "pre-commit")); !os.IsNotExist(err) {
		t.Error("hook written to .git/hooks despite core.hooksPath")
	}
	r.write("story.txt", dirty)
	r.must("git", "add", "story.txt")
	if _, ok := r.commit("dirty"); ok {
		t.Fatal("hook in core.hooksPath did not run")
	}
}

// A hook whose binary has gone falls back to copydesk on PATH, and says so when there is none.
func TestHookFallsBackToPath(t *testing.T) {
	r := newRepo(t)
	if _, err := Install(r.dir, filepath.Join(t.TempDir(), "gone", "copydesk"), nil, false); err != nil {
		t.Fatal(err)
	}
	r.write("story.txt", dirty)
	r.must("git", "add", "story.txt")
	out, ok := r.commit("dirty")
	if ok || !strings.Contains(out, "repeated-word") {
		t.Fatalf("fallback to PATH: ok=%v\n%s", ok, out)
	}
	gitPath, _ := exec.LookPath("git")
	r.env = env(t, filepath.Dir(gitPath)+string(os.PathListSeparator)+"/usr/bin:/bin")
	if _, err := exec.LookPath(filepath.Join("/usr/bin", "copydesk")); err == nil {
		t.Skip("a copydesk is installed system-wide")
	}
	out, ok = r.commit("dirty")
	if ok || !strings.Contains(out, "not on PATH") {
		t.Fatalf("without copydesk: ok=%v\n%s", ok, out)
	}
}

func TestStagedFiles(t *testing.T) {
	r := newRepo(t)
	r.write("a.md", "index version\n")
	r.write("odd name\nwith newline é.txt", "odd\n")
	r.write("skip.go", "package x\n")
	r.write("big.txt", strings.Repeat("x", 100))
	r.write("sub/b.html", "<p>b</p>\n")
	r.must("git", "add", "-A")
	r.write("a.md", "working tree version\n") // not staged
	if runtime.GOOS != "windows" {
		if err := os.Symlink("a.md", filepath.Join(r.dir, "link.md")); err != nil {
			t.Fatal(err)
		}
		r.must("git", "add", "link.md")
	}
	keep := func(p string) bool { return !strings.HasSuffix(p, ".go") }
	files, err := StagedFiles(filepath.Join(r.dir, "sub"), nil, keep, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = fmt.Sprintf("%q/%d", f.Data, f.Size)
	}
	want := map[string]string{
		"a.md":                         `"index vers"/14`,
		"odd name\nwith newline é.txt": `"odd\n"/4`,
		"big.txt":                      `"xxxxxxxxxx"/100`,
		"sub/b.html":                   `"<p>b</p>\n"/9`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	// Pathspecs are relative to the folder git runs in.
	files, err = StagedFiles(filepath.Join(r.dir, "sub"), []string{"."}, keep, -1)
	if err != nil || len(files) != 1 || files[0].Path != "sub/b.html" {
		t.Errorf("pathspec: %+v, %v", files, err)
	}
	// After a commit nothing is staged; a modification and a rename are.
	r.must("git", "commit", "-q", "--no-verify", "-m", "x")
	if files, err := StagedFiles(r.dir, nil, nil, -1); err != nil || len(files) != 0 {
		t.Errorf("after commit: %+v, %v", files, err)
	}
	r.must("git", "mv", "sub/b.html", "sub/c.html")
	r.must("git", "add", "a.md")
	files, err = StagedFiles(r.dir, nil, nil, -1)
	if err != nil || len(files) != 2 || files[0].Path != "a.md" || string(files[0].Data) != "working tree version\n" || files[1].Path != "sub/c.html" {
		t.Errorf("modified and renamed: %+v, %v", files, err)
	}
}

func TestScriptQuoting(t *testing.T) {
	s := Script(`/opt/it's here/copydesk`, []string{"--config", "/a b/c.yaml"})
	for _, want := range []string{`copydesk='/opt/it'\''s here/copydesk'`, `exec "$copydesk" lint --staged --config '/a b/c.yaml'`, Marker} {
		if !strings.Contains(s, want) {
			t.Errorf("script lacks %s:\n%s", want, s)
		}
	}
}
