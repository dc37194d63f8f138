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
// run to run whatever the scheduling. Every outcome keeps its input bytes and its whole parsed document:
// use lintEach to go through many files in bounded memory.
func lintAll(l *lint.Linter, inputs []input, stdin io.Reader) []linted {
	out := make([]linted, len(inputs))
	parallel(len(inputs), func(i int) { out[i] = lintOne(l, inputs[i], stdin) })
	return out
}

func lintOne(l *lint.Linter, in input, stdin io.Reader) linted {
	out := linted{in: in}
	if out.data, out.err = in.read(stdin); out.err == nil {
		out.result, out.failOn, out.err = l.Lint(in.path, in.name, in.format, out.data)
	}
	return out
}

// lintEach lints the inputs in parallel and hands each outcome to emit in input order, on the calling
// goroutine, as soon as it and every input before it are done. At most a few inputs per processor are in
// flight or waiting for an earlier one, so memory stays bounded however many files there are, as long as
// emit lets go of what it is given. The outcomes emit gets carry no input bytes and a compact document
// (lintedCompact).
func lintEach(l *lint.Linter, inputs []input, stdin io.Reader, emit func(linted)) {
	n := len(inputs)
	if n == 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	window := 4 * workers
	type done struct {
		i int
		l linted
	}
	jobs := make(chan int)
	results := make(chan done, window)
	slots := make(chan struct{}, window) // one per input handed out and not yet emitted
	go func() {
		for i := range n {
			slots <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for range workers {
		go func() {
			for i := range jobs {
				results <- done{i, lintedCompact(lintOne(l, inputs[i], stdin))}
			}
		}()
	}
	pending := make(map[int]linted, window)
	for next := 0; next < n; {
		d := <-results
		pending[d.i] = d.l
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(out)
			<-slots
			next++
		}
	}
}

// lintedCompact drops what formatting no longer needs once a file is linted: the input bytes, and the
// parsed text, tokens and blocks of its document. A clean file keeps only its name.
func lintedCompact(out linted) linted {
	out.data = nil
	if doc := out.result.Doc; doc != nil {
		out.result.Doc = doc.Compact(len(out.result.Diagnostics) > 0)
	}
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
		if r, ok := o.add(l, failOn, stderr); ok {
			results = append(results, r)
		}
	}
	return o, results
}

// add judges one outcome as judge does, returning its result unless it is an input error.
func (o *outcome) add(l linted, failOn rules.Severity, stderr io.Writer) (report.Result, bool) {
	if l.err != nil {
		o.inputErrors++
		fmt.Fprintln(stderr, "copydesk:", l.err)
		return report.Result{}, false
	}
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
	return l.result, true
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
