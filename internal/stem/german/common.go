package german

import "github.com/kljensen/snowball/snowballword"

// Markers for u and y that act as consonants (between two vowels). They are
// not vowels for the region computation and are turned back to u and y in
// postprocess. Lower-casing the input guarantees no other U or Y occurs.
const (
	markU = 'U'
	markY = 'Y'
)

// isVowel reports whether r is a German vowel: a e i o u y ä ö ü.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü':
		return true
	}
	return false
}

// isSEnding reports whether an s may be removed after r (step 1):
// b d f g h k l m n r t.
func isSEnding(r rune) bool {
	switch r {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

// isStEnding reports whether st may be removed after r (step 2): the
// s-ending letters without r.
func isStEnding(r rune) bool {
	return r != 'r' && isSEnding(r)
}

// isEtEnding reports whether et may be removed after r (step 2):
// d f g k l m n r s t U z ä.
func isEtEnding(r rune) bool {
	switch r {
	case 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', markU, 'z', 'ä':
		return true
	}
	return false
}

// endsWith reports whether rs[:end] ends with the ASCII string suf.
// It does not allocate (unlike converting suf to runes).
func endsWith(rs []rune, end int, suf string) bool {
	if end > len(rs) || len(suf) > end {
		return false
	}
	rs = rs[end-len(suf) : end]
	for i := 0; i < len(suf); i++ {
		if rs[i] != rune(suf[i]) {
			return false
		}
	}
	return true
}

// longestSuffix returns the longest of the ASCII suffixes (which must be
// ordered by decreasing length) that w ends with, or "".
func longestSuffix(w *snowballword.SnowballWord, suffixes []string) string {
	if len(w.RS) == 0 {
		return ""
	}
	last := w.RS[len(w.RS)-1]
	for _, s := range suffixes {
		if rune(s[len(s)-1]) == last && endsWith(w.RS, len(w.RS), s) {
			return s
		}
	}
	return ""
}

// inR1 reports whether the last n runes of w lie in R1.
func inR1(w *snowballword.SnowballWord, n int) bool { return w.FitsInR1(n) }

// inR2 reports whether the last n runes of w lie in R2.
func inR2(w *snowballword.SnowballWord, n int) bool { return w.FitsInR2(n) }
