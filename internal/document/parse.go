package document

// Parse reads src in the given format.
func Parse(path string, f Format, src []byte) *Document {
	switch f {
	case Markdown:
		return ParseMarkdown(path, src)
	case HTML:
		return ParseHTML(path, src)
	}
	return ParseText(path, src)
}
