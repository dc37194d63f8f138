package rules

import "github.com/copydesk/copydesk/internal/document"

// memoKey names an analysis of a document that several rules share (document.Document.Memo).
type memoKey int

const (
	memoPeople memoKey = iota
	memoLowerText
	memoPromo
	memoRepeats
	memoKnownNames
	memoNamePairs
	memoBlockWords
)

// memoized returns compute(d), computed once per document however many rules ask. The result is shared:
// callers must not modify it.
func memoized[T any](d *document.Document, key memoKey, compute func(*document.Document) T) T {
	return d.Memo(key, func() any { return compute(d) }).(T)
}

// lowerText is the document's Text lower-cased by asciiLower (byte offsets unchanged), computed once.
func lowerText(d *document.Document) string {
	return memoized(d, memoLowerText, func(d *document.Document) string { return asciiLower(d.Text) })
}
