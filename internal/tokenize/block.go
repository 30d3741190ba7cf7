package tokenize

import (
	"strings"
	"unicode/utf8"
)

// BlockEnd returns the end of a block of about size bytes of text that
// starts at off, for processing a long text a block at a time: after the
// first line end at or after off+size, else after the first sentence end
// (". ", "! ", "? ") or space, within the next size/4 bytes; else at the
// first rune start at or after off+size. It returns len(text) when the rest
// is no longer than size.
func BlockEnd(text string, off, size int) int {
	end := off + size
	if end >= len(text) || end < off {
		return len(text)
	}
	look := text[end:min(len(text), end+size/4)]
	if i := strings.IndexByte(look, '\n'); i >= 0 {
		return end + i + 1
	}
	for _, sep := range []string{". ", "! ", "? ", " "} {
		if i := strings.Index(look, sep); i >= 0 {
			return end + i + len(sep)
		}
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return end
}
