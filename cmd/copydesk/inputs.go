package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lint"
)

// input is one thing to lint: a file, or standard input.
type input struct {
	path   string // file path, or "" for standard input
	name   string // what reports call it
	format document.Format
}

// skippedDirs are folders a recursive lint never enters.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// collectInputs expands the command-line paths: files as given (any extension), folders recursively for
// the extensions copydesk reads, "-" for standard input. formatName overrides the format of every input.
func collectInputs(paths []string, formatName, stdinName string) ([]input, error) {
	var override *document.Format
	if formatName != "" {
		f, err := document.ParseFormat(formatName)
		if err != nil {
			return nil, usageError("%v", err)
		}
		override = &f
	}
	pick := func(path string) document.Format {
		if override != nil {
			return *override
		}
		f, _ := document.FormatForPath(path)
		return f
	}
	var out []input
	for _, p := range paths {
		if p == "-" {
			name := stdinName
			if name == "" {
				name = "<stdin>"
			}
			out = append(out, input{name: name, format: pick(stdinName)})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, usageError("%v", err)
		}
		if !st.IsDir() {
			out = append(out, input{path: p, name: p, format: pick(p)})
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && (skippedDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if _, ok := document.FormatForPath(path); ok && d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, usageError("%v", err)
		}
		sort.Strings(found)
		for _, f := range found {
			out = append(out, input{path: f, name: f, format: pick(f)})
		}
	}
	return out, nil
}

// maxRead lets Validate see that an input is over the limit without reading all of it.
const maxRead = lint.MaxInputSize + 1

// read returns the input's bytes.
func (in input) read(stdin io.Reader) ([]byte, error) {
	if in.path == "" {
		data, err := io.ReadAll(io.LimitReader(stdin, maxRead))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.name, err)
		}
		return data, nil
	}
	f, err := os.Open(in.path)
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read-only: closing cannot lose data
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return io.ReadAll(io.LimitReader(f, maxRead)) // a pipe or device: its size is unknown
	}
	if err := lint.CheckSize(in.name, st.Size()); err != nil {
		return nil, err // refused before reading a byte
	}
	// One read into a buffer of the file's size (plus a byte, to notice a file that grew meanwhile),
	// rather than ReadAll's doublings.
	data := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		switch {
		case err == io.EOF:
			return data, nil
		case err != nil:
			return nil, err
		case len(data) == cap(data):
			rest, err := io.ReadAll(io.LimitReader(f, maxRead-int64(len(data))))
			return append(data, rest...), err
		}
	}
}
