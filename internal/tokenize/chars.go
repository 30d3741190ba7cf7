package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes. Word characters are letters (cLetter, with cUpper or
// cLower when they have case), digits and cMark characters (combining marks,
// soft hyphen, joiners, invalid bytes) that continue a word but are no letter.
const (
	cLetter uint16 = 1 << iota
	cUpper
	cLower
	cDigit
	cMark
	cSpace   // white space; ASCII control characters are treated as white space
	cEmail   // may occur in the local part of an e-mail address
	cHost    // may occur in a host name label: ASCII letter, digit, '-'
	cMention // may occur in an @mention or #hashtag: ASCII letter, digit, '_'

	cWord = cLetter | cDigit | cMark
)

var ascii = func() (t [utf8.RuneSelf]uint16) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = cLetter | cLower | cEmail | cHost | cMention
		case c >= 'A' && c <= 'Z':
			t[c] = cLetter | cUpper | cEmail | cHost | cMention
		case c >= '0' && c <= '9':
			t[c] = cDigit | cEmail | cHost | cMention
		case c <= ' ' || c == 0x7f:
			t[c] = cSpace
		}
	}
	for _, c := range "._%+-" {
		t[c] |= cEmail
	}
	t['-'] |= cHost
	t['_'] |= cMention | cEmail
	return t
}()

// wordRune returns the class of the word character at s[i] (0 if it is none)
// and its width in bytes. An invalid UTF-8 byte is a one-byte cMark.
func wordRune(s string, i int) (uint16, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return ascii[c] & (cLetter | cUpper | cLower | cDigit), 1
	}
	if c == 0xC3 && i+1 < len(s) {
		// U+00C0..U+00FF: Latin-1 letters (ä ö ü ß …) except × and ÷.
		b := s[i+1]
		if b >= 0x80 && b <= 0xBF {
			switch {
			case b == 0x97 || b == 0xB7:
				return 0, 2
			case b < 0x9F:
				return cLetter | cUpper, 2
			default:
				return cLetter | cLower, 2
			}
		}
	}
	if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&0xC0 == 0x80 {
		// U+2000..U+203F: spaces, dashes, quotes, … – no word characters
		// except the zero-width (non-)joiners.
		if b := s[i+2]; b == 0x8C || b == 0x8D {
			return cMark, 3
		}
		return 0, 3
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return wideClass(r, w), w
}

// wideClass classifies a non-ASCII rune as a word character.
func wideClass(r rune, w int) uint16 {
	switch {
	case r == utf8.RuneError && w <= 1:
		return cMark
	case unicode.IsLetter(r):
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			return cLetter | cUpper
		case unicode.IsLower(r):
			return cLetter | cLower
		}
		return cLetter
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsMark(r), unicode.In(r, unicode.Nl, unicode.No):
		return cMark
	case r == 0xAD || r == 0x200C || r == 0x200D || r == 0x2060:
		// soft hyphen, zero-width (non-)joiner, word joiner
		return cMark
	}
	return 0
}

// spaceAt returns the width of the white space character at s[i], or 0.
// ASCII control characters and the Unicode spaces used in news text count.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if ascii[c]&cSpace != 0 {
			return 1
		}
		return 0
	}
	switch c {
	case 0xC2: // U+0085 NEL, U+00A0 NBSP, C1 controls
		if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0xA0 {
			return 2
		}
	case 0xE1: // U+1680
		if i+2 < len(s) && s[i+1] == 0x9A && s[i+2] == 0x80 {
			return 3
		}
	case 0xE2:
		if i+2 < len(s) {
			b, d := s[i+1], s[i+2]
			if b == 0x80 && (d >= 0x80 && d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) {
				return 3 // U+2000..U+200B, U+2028, U+2029, U+202F
			}
			if b == 0x81 && d == 0x9F {
				return 3 // U+205F
			}
		}
	case 0xE3: // U+3000
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 3
		}
	case 0xEF: // U+FEFF byte order mark
		if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
			return 3
		}
	}
	return 0
}

// isSpaceOrEnd reports whether position i is the end of s or white space.
func isSpaceOrEnd(s string, i int) bool { return i >= len(s) || spaceAt(s, i) > 0 }

// spaceBefore reports whether position i is the start of s or follows white
// space.
func spaceBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	c := s[i-1]
	if c < utf8.RuneSelf {
		return ascii[c]&cSpace != 0
	}
	// find the start of the previous rune (at most 4 bytes back)
	j := i - 1
	for j > 0 && i-j < 4 && s[j]&0xC0 == 0x80 {
		j--
	}
	return spaceAt(s, j) == i-j
}

// wordAt reports whether a word character starts at s[i].
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return ascii[c]&cWord != 0
	}
	cls, _ := wordRune(s, i)
	return cls != 0
}

// letterAt reports whether a letter starts at s[i].
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	cls, _ := wordRune(s, i)
	return cls&cLetter != 0
}

func isDigitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// Three-byte sequences of typographic characters used as prefixes.
const (
	seqRSQuote  = "\u2019" // ’
	seqEllipsis = "\u2026" // …
)

// hyphenAt returns the width of a hyphen-like character at s[i] that can join
// compound parts (- ‐ ‑ –), or 0.
func hyphenAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 {
		switch s[i+2] {
		case 0x90, 0x91, 0x93:
			return 3
		}
	}
	return 0
}

// closerAt returns the width of a closing quote or bracket at s[i], or 0. It
// is used to look past "“ or )" after a dot.
func closerAt(s string, i int) int {
	switch s[i] {
	case ')', ']', '}', '"', '\'':
		return 1
	case 0xC2: // » «
		if i+1 < len(s) && (s[i+1] == 0xBB || s[i+1] == 0xAB) {
			return 2
		}
	case 0xE2: // ‘ ’ “ ” › ‹
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x98, 0x99, 0x9C, 0x9D, 0xB9, 0xBA:
				return 3
			}
		}
	}
	return 0
}
