package rules

import "unicode/utf8"

// wordFilter is a quick test that most words of a story fail before a dictionary lookup: it records the
// first byte and length of every key, so a word whose (first byte, length) pair no key has is surely not
// a key, without hashing it. Words are compared ASCII-lower-cased; a word with a non-ASCII byte, whose
// lower-case form may differ in length, always passes.
type wordFilter [utf8.RuneSelf]uint64

// add records a lower-case key.
func (f *wordFilter) add(key string) {
	if key == "" {
		return
	}
	c := key[0]
	if c >= utf8.RuneSelf {
		c = 0 // keys starting with a non-ASCII letter: see mayHave
	}
	f[c] |= 1 << min(len(key), 63)
}

// mayHave reports whether w, in any case, may be a key: false means it is not.
func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	return f.mayHaveASCII(w)
}

// mayHaveASCII is mayHave for a word known to be ASCII.
func (f *wordFilter) mayHaveASCII(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return f[c&0x7F]&(1<<min(len(w), 63)) != 0
}

// mayBe reports whether w may be, byte for byte, a key: false means it is not.
func (f *wordFilter) mayBe(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= utf8.RuneSelf {
		c = 0
	}
	return f[c]&(1<<min(len(w), 63)) != 0
}

// skipWord reports whether neither w nor, when it is a compound, any hyphen-separated part of it can be a
// key: the one test a word of running text needs before the dictionary lookups.
func (f *wordFilter) skipWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c == '-' {
			return false // a compound, or a word with a non-ASCII letter: look it up
		}
	}
	return !f.mayHaveASCII(w)
}
