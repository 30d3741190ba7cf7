package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// asciiLower maps ASCII bytes to lower case.
var asciiLower = func() (t [128]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// foldInto folds s into buf (see appendFold) and returns the folded bytes,
// or nil when they do not fit. It is the allocation-free form used by the
// matcher.
func foldInto(buf *[96]byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		buf[i] = asciiLower[c]
	}
	if i == len(s) {
		return buf[:i]
	}
	f := appendFold(buf[:i:len(buf)], s[i:])
	if len(f) > len(buf) || &f[0] != &buf[0] {
		return nil // grew beyond the buffer
	}
	return f
}

// appendFold appends the case-folded form of s to dst: lower case, with ß
// and ẞ written "ss" (so GROSSBRITANNIEN folds like Großbritannien).
// Invalid bytes are copied unchanged.
func appendFold(dst []byte, s string) []byte {
	// ASCII prefix: lower through the table.
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	n := len(dst)
	dst = append(dst, s[:i]...)
	for k := n; k < len(dst); k++ {
		dst[k] = asciiLower[dst[k]]
	}
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, asciiLower[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(dst, c)
		case r == 'ß' || r == 'ẞ':
			dst = append(dst, 's', 's')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// capitalize returns s with its first rune in upper case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	u := unicode.ToUpper(r)
	if u == r {
		return s
	}
	return string(utf8.AppendRune(nil, u)) + s[n:]
}

// isCapitalizedOf reports whether s is w with its first rune in upper case
// (Russisch for russisch).
func isCapitalizedOf(s, w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError || n == 0 {
		return false
	}
	u := unicode.ToUpper(r)
	if u == r {
		return false
	}
	m := utf8.RuneLen(u)
	if m < 0 || len(s) != len(w)-n+m {
		return false
	}
	r2, n2 := utf8.DecodeRuneInString(s)
	return r2 == u && n2 == m && s[m:] == w[n:]
}

// firstUpper reports whether the first rune of s is upper-case.
func firstUpper(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// firstLower reports whether the first rune of s is lower-case.
func firstLower(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// wordShape reports whether s has an upper-case first rune, and whether it
// is all caps (at least two letters, none lower-case), like the tokenizer's
// Upper and AllCaps flags.
func wordShape(s string) (upper, allCaps bool) {
	letters := 0
	lower := false
	for i, r := range s {
		if i == 0 {
			upper = unicode.IsUpper(r)
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lower = true
			}
		}
	}
	return upper, letters >= 2 && !lower
}

// isLetters reports whether s is non-empty and consists of letters only.
func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return false
		}
		i += n - 1
	}
	return true
}

// lastRune returns the last rune of s (utf8.RuneError for "").
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isVowel reports whether r is a (German) vowel letter.
func isVowel(r rune) bool {
	return strings.ContainsRune("aeiouäöüyAEIOUÄÖÜY", r)
}

// last2 returns the last two bytes of s as a 16-bit key.
func last2(s string) uint16 {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return uint16(s[0])
	}
	return uint16(s[len(s)-2])<<8 | uint16(s[len(s)-1])
}

// bitset16 is a set of 16-bit keys.
type bitset16 [1 << 16 / 64]uint64

func (b *bitset16) add(k uint16)      { b[k>>6] |= 1 << (k & 63) }
func (b *bitset16) has(k uint16) bool { return b[k>>6]&(1<<(k&63)) != 0 }

// keyFilter is a compact Bloom-style filter over the keys of the token
// maps (exact, folded and adjective stems). A key is summarised by its
// length and a few of its bytes, so testing costs no hashing of the whole
// string, and the 128 KB table stays in cache while the maps may not: most
// tokens of a text are rejected without a map lookup.
type keyFilter [1 << 14]uint64

func filterHash(n int, b0, b1, m, e1, e0 byte) uint64 {
	x := uint64(n) | uint64(b0)<<8 | uint64(b1)<<16 | uint64(m)<<24 | uint64(e1)<<32 | uint64(e0)<<40
	x ^= x >> 29
	x *= 0x9E3779B97F4A7C15
	return x
}

func hashString(s string) uint64 {
	n := len(s)
	if n < 2 {
		if n == 0 {
			return filterHash(0, 0, 0, 0, 0, 0)
		}
		return filterHash(1, s[0], s[0], s[0], s[0], s[0])
	}
	return filterHash(n, s[0], s[1], s[n>>1], s[n-2], s[n-1])
}

func hashBytes(s []byte) uint64 {
	n := len(s)
	if n < 2 {
		if n == 0 {
			return filterHash(0, 0, 0, 0, 0, 0)
		}
		return filterHash(1, s[0], s[0], s[0], s[0], s[0])
	}
	return filterHash(n, s[0], s[1], s[n>>1], s[n-2], s[n-1])
}

// The filter is blocked: both bits of a key are in one 64-bit word, so a
// test costs one memory access.
func (f *keyFilter) addHash(h uint64) {
	f[h>>(64-14)] |= 1<<(h&63) | 1<<((h>>6)&63)
}

func (f *keyFilter) hasHash(h uint64) bool {
	m := uint64(1)<<(h&63) | uint64(1)<<((h>>6)&63)
	return f[h>>(64-14)]&m == m
}

func (f *keyFilter) add(s string)           { f.addHash(hashString(s)) }
func (f *keyFilter) has(s string) bool      { return f.hasHash(hashString(s)) }
func (f *keyFilter) hasBytes(s []byte) bool { return f.hasHash(hashBytes(s)) }
