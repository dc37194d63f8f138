package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"copydesk": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each is a txtar archive of input files, commands
// and their expected output (see the testscript package).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		// Scripts about the example story read it from testdata, so there is one copy of it.
		Setup: func(env *testscript.Env) error {
			seed, err := os.ReadFile("../../testdata/spun-reuters-blinken-wang.txt")
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(env.WorkDir, "seed.txt"), seed, 0o644)
		},
	})
}
