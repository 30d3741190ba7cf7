package german

import (
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// stackRunes is the word length (in runes) handled without heap buffers.
const stackRunes = 64

// Stem returns the Snowball German stem of word. The word is lower-cased
// first (Unicode simple case mapping, as strings.ToLower); invalid UTF-8
// bytes are read as U+FFFD. The result is always valid UTF-8.
//
// When the stem is a byte prefix of word (the common case for lower-case
// input) the returned string shares word's memory and Stem does not
// allocate.
func Stem(word string) string {
	var runeBuf [stackRunes]rune
	w := snowballword.SnowballWord{RS: lowerRunes(runeBuf[:0], word)}

	// Stem the word. Each step alters w in place.
	preprocess(&w)
	step1(&w)
	step2(&w)
	step3(&w)
	step4(&w)
	postprocess(&w)

	return result(word, w.RS)
}

// lowerRunes appends the lower-cased runes of s to dst.
func lowerRunes(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = append(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// result converts the stem to a string, returning a prefix of word when
// the stem's encoding is one (no allocation).
func result(word string, rs []rune) string {
	var byteBuf [stackRunes * 2]byte
	b := byteBuf[:0]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	if len(b) <= len(word) && word[:len(b)] == string(b) {
		return word[:len(b)]
	}
	return string(b)
}
