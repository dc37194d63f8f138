package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// contextLines is the number of unchanged lines around each change, as in `diff -u`.
const contextLines = 3

type lineOp struct {
	kind byte // ' ', '-' or '+'
	text string
}

// WriteUnifiedDiff writes a unified diff from old to new for one file, with `--- a/path` and `+++ b/path`
// headers, so that `git apply` and `patch -p1` accept it. go-diff's own PatchToText is character-based
// and escaped, which neither tool reads; this builds hunks from its line-mode diff instead. It writes
// nothing when the two are equal.
func WriteUnifiedDiff(w io.Writer, path string, old, new []byte) error {
	if string(old) == string(new) {
		return nil
	}
	ops := lineDiff(string(old), string(new))
	var b strings.Builder
	path = strings.TrimPrefix(path, "./")
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", path, path)
	oldLine, newLine := make([]int, len(ops)+1), make([]int, len(ops)+1)
	for i, op := range ops {
		oldLine[i+1], newLine[i+1] = oldLine[i], newLine[i]
		if op.kind != '+' {
			oldLine[i+1]++
		}
		if op.kind != '-' {
			newLine[i+1]++
		}
	}
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-contextLines, 0)
		last := i
		j := i
		for ; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				last = j
			} else if j-last > 2*contextLines {
				break
			}
		}
		end := min(last+contextLines+1, len(ops))
		writeHunk(&b, ops[start:end], oldLine[start], oldLine[end], newLine[start], newLine[end])
		i = end
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeHunk(b *strings.Builder, ops []lineOp, oldFrom, oldTo, newFrom, newTo int) {
	fmt.Fprintf(b, "@@ -%s +%s @@\n", hunkRange(oldFrom, oldTo), hunkRange(newFrom, newTo))
	for _, op := range ops {
		b.WriteByte(op.kind)
		b.WriteString(op.text)
		if !strings.HasSuffix(op.text, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats "start,count"; an empty range names the line before it, as diff does.
func hunkRange(from, to int) string {
	count := to - from
	if count == 0 {
		return fmt.Sprintf("%d,0", from)
	}
	if count == 1 {
		return fmt.Sprintf("%d", from+1)
	}
	return fmt.Sprintf("%d,%d", from+1, count)
}

// lineDiff diffs two texts line by line; each op's text keeps its line ending.
func lineDiff(old, new string) []lineOp {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // a minimal diff; copy is small and a timeout would make output machine-dependent
	a, b, lines := dmp.DiffLinesToRunes(old, new)
	diffs := dmp.DiffMainRunes(a, b, false)
	var ops []lineOp
	for _, d := range diffs {
		kind := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			kind = '-'
		case diffmatchpatch.DiffInsert:
			kind = '+'
		}
		// Each rune of d.Text stands for one whole line.
		for _, r := range d.Text {
			ops = append(ops, lineOp{kind: kind, text: lines[r]})
		}
	}
	return ops
}
