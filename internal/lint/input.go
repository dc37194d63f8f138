// Package lint ties the pieces together for every front end (CLI, git hook, HTTP server): it validates
// input, finds the configuration that governs a file, and runs the rule engine.
package lint

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxInputSize bounds one input. A story is tens of kilobytes; anything this large is a mistake (a
// database dump, a video) and is refused rather than read into memory whole.
const MaxInputSize = 64 << 20

// InputError is a problem with an input itself (binary, not UTF-8, too large): it is reported, the input
// is skipped, and the run exits with status 2.
type InputError struct {
	Name string
	Msg  string
}

func (e *InputError) Error() string { return e.Name + ": " + e.Msg }

// CheckSize refuses an input of size bytes over MaxInputSize; callers that can learn the size before
// reading (a regular file's Stat) call it first, so a huge file is refused without being read.
func CheckSize(name string, size int64) error {
	if size > MaxInputSize {
		return &InputError{name, fmt.Sprintf("file is %d MiB, over the %d MiB limit; not linted", size>>20, MaxInputSize>>20)}
	}
	return nil
}

// Validate refuses input copydesk cannot lint as text.
func Validate(name string, data []byte) error {
	if err := CheckSize(name, int64(len(data))); err != nil {
		return err
	}
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		return &InputError{name, "binary file (contains NUL bytes); skipped"}
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		line := bytes.Count(data[:off], []byte("\n")) + 1
		col := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
		return &InputError{name, fmt.Sprintf("not valid UTF-8 at line %d, column %d (byte %d); convert the file to UTF-8 first", line, col, off)}
	}
	return nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
