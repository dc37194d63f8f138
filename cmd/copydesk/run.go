package main

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/copydesk/copydesk/internal/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

// linted is the outcome for one input: a result, or the error that kept it from being linted.
type linted struct {
	in     input
	data   []byte // the input as read
	result report.Result
	failOn rules.Severity // from the input's configuration; zero when unset
	err    error
	// fixed and applied are set by fix: the fixed bytes and how many edits made them.
	fixed   []byte
	applied int
}

// parallel calls work(0..n-1) on as many goroutines as there are processors.
func parallel(n int, work func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				work(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// lintAll lints the inputs in parallel and returns the outcomes in input order, so output is the same from
// run to run whatever the scheduling.
func lintAll(l *lint.Linter, inputs []input, stdin io.Reader) []linted {
	out := make([]linted, len(inputs))
	parallel(len(inputs), func(i int) {
		in := inputs[i]
		out[i] = linted{in: in}
		if out[i].data, out[i].err = in.read(stdin); out[i].err == nil {
			out[i].result, out[i].failOn, out[i].err = l.Lint(in.path, in.name, in.format, out[i].data)
		}
	})
	return out
}

// outcome sums up a run for the exit code.
type outcome struct {
	inputErrors int
	failing     int
}

// judge prints input errors to stderr and counts findings at or above the failing level; failOn from the
// command line wins over each file's configuration. It returns the results to report.
func judge(all []linted, failOn rules.Severity, stderr io.Writer) (outcome, []report.Result) {
	var o outcome
	results := make([]report.Result, 0, len(all))
	for _, l := range all {
		if l.err != nil {
			o.inputErrors++
			fmt.Fprintln(stderr, "copydesk:", l.err)
			continue
		}
		results = append(results, l.result)
		level := failOn
		if level == 0 {
			level = l.failOn
		}
		if level == 0 {
			level = rules.Error
		}
		for _, d := range l.result.Diagnostics {
			if d.Severity >= level {
				o.failing++
			}
		}
	}
	return o, results
}

// exit turns an outcome into the process's exit status.
func (o outcome) exit(exitZero bool) error {
	switch {
	case o.inputErrors > 0:
		return exitError{exitUsage}
	case o.failing > 0 && !exitZero:
		return exitError{exitFindings}
	}
	return nil
}

// exitError is an exit status with nothing more to print.
type exitError struct{ code int }

func (e exitError) Error() string { return "" }
func (e exitError) ExitCode() int { return e.code }
