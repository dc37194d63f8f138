package rules

import (
	"fmt"
	"strings"
)

// eachTSVRow calls row with the fields of every data row of an embedded tab-separated file: blank lines
// and # comments are skipped and the first remaining line is the header. Every row must have the given
// number of columns, the last of which is its source: data without a source does not ship. Errors name the
// file and line.
func eachTSVRow(file, tsv string, columns int, row func(f []string) error) error {
	header := true
	for n, line := range strings.Split(tsv, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != columns {
			return fmt.Errorf("%s:%d: want %d tab-separated columns, got %d", file, n+1, columns, len(f))
		}
		if strings.TrimSpace(f[columns-1]) == "" {
			return fmt.Errorf("%s:%d: every entry needs a source", file, n+1)
		}
		if err := row(f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n+1, err)
		}
	}
	return nil
}
