package topic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of the text: a maximal run of letters, digits and
// combining marks. Hyphens, apostrophes and all other characters separate
// words, so "Nato-Gipfel" is two words. Offsets are byte offsets into the
// text, end exclusive.
type word struct {
	start, end int32
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord is a lookup table for ASCII word bytes.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// appendWords appends the words of text to dst. Texts longer than 2 GiB
// are cut at 2 GiB (offsets are int32).
func appendWords(dst []word, text string, base int) []word {
	if base+len(text) > 1<<31-1 {
		text = text[:max(0, 1<<31-1-base)]
	}
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var in bool
		size := 1
		if c < utf8.RuneSelf {
			in = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			in = r != utf8.RuneError && isWordRune(r)
		}
		if in {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, word{int32(base + start), int32(base + i)})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, word{int32(base + start), int32(base + len(text))})
	}
	return dst
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.IndexFunc(s, unicode.IsLetter) >= 0
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// fold returns s lower-cased with ä, ö, ü folded to a, o, u and ß to ss:
// the spelling that the German stemmer produces, used for the compound
// modifiers of the keyword table (Friedens*, Kriegs*).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	for _, r := range s {
		r = unicode.ToLower(r)
		switch r {
		case 'ä':
			r = 'a'
		case 'ö':
			r = 'o'
		case 'ü':
			r = 'u'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// zones marks the parts of an article that weigh more: the headline, the
// first paragraph (lead) and the dateline at the start of the lead
// ("BERLIN (dpa) - ", "Wien – ").
type zones struct {
	headEnd       int // headline is [0, headEnd)
	leadEnd       int // lead is [headEnd, leadEnd)
	dateStart     int // dateline is [dateStart, dateEnd), empty when none
	dateEnd       int
	head, lead, b float32 // weights
}

// Zone weights.
const (
	weightHead = 2
	weightLead = 1.2
	weightBody = 1.0
	maxHead    = 300 // a headline is at most this many bytes
	maxLead    = 700 // the lead ends at the first line break or this many bytes after its start, at a sentence end
)

// findZones finds the headline, lead and dateline of text. The headline is
// the first line when the text has a line break within maxHead bytes, else
// its first sentence (texts like "Titel. Text …"); the lead is the next
// paragraph, at most about maxLead bytes.
func findZones(text string) zones {
	z := zones{head: weightHead, lead: weightLead, b: weightBody}
	i := skipSpace(text, 0)
	if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 && nl <= maxHead {
		z.headEnd = i + nl
	} else {
		z.headEnd = sentenceEnd(text, i, maxHead)
	}
	ls := skipSpace(text, z.headEnd)
	z.leadEnd = len(text)
	if nl := strings.IndexByte(text[ls:], '\n'); nl >= 0 && nl <= 2*maxLead {
		z.leadEnd = ls + nl
	}
	if z.leadEnd-ls > maxLead {
		z.leadEnd = sentenceEnd(text, ls+maxLead*2/3, maxLead)
		if z.leadEnd <= ls {
			z.leadEnd = min(len(text), ls+maxLead)
		}
	}
	z.dateStart, z.dateEnd = dateline(text, ls)
	return z
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			i++
			continue
		}
		break
	}
	return i
}

// sentenceEnd returns the end of the sentence that starts at or before
// from: the offset just after the first '.', '!' or '?' (or ':') followed
// by a space within limit bytes of from. When there is none it returns
// from (no sentence found).
func sentenceEnd(text string, from, limit int) int {
	end := min(len(text), from+limit)
	for i := from; i < end; i++ {
		switch text[i] {
		case '.', '!', '?':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				// Skip abbreviations like "Dr." or single initials: require
				// two letters before the full stop or a non-period mark.
				if text[i] == '.' && i >= 2 && (text[i-2] == ' ' || text[i-2] == '.') {
					continue
				}
				return i + 1
			}
		}
	}
	return from
}

// dateline finds a dateline at offset i: upper-case words (optionally with
// '/' and spaces), an optional parenthesised agency, then a dash or colon:
// "BERLIN/PARIS (dpa) - ", "Wien – ", "Brüssel/Wien (APA) –". It returns
// the span of the place names, or (i, i) when there is none.
func dateline(text string, i int) (int, int) {
	end := min(len(text), i+80)
	j := i
	placeEnd := i
	words := 0
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case isWordRune(r):
			if words == 0 || text[j-1] == ' ' || text[j-1] == '/' {
				if !unicode.IsUpper(r) {
					return i, i
				}
				words++
			}
			j += size
			placeEnd = j
		case r == '/' || r == ' ' || r == '.' || r == '-' && j+1 < end && text[j+1] != ' ':
			j += size
		case r == '(':
			k := strings.IndexByte(text[j:end], ')')
			if k < 0 || words == 0 {
				return i, i
			}
			j += k + 1
		case r == '-' || r == '–' || r == '—' || r == ':':
			if words == 0 || words > 4 {
				return i, i
			}
			return i, placeEnd
		default:
			return i, i
		}
	}
	return i, i
}

// weight returns the zone weight of the byte offset off.
func (z *zones) weight(off int) float32 {
	switch {
	case off < z.headEnd:
		return z.head
	case off < z.leadEnd:
		return z.lead
	}
	return z.b
}

// wordBlock is the size of the blocks of text the tagger reads words from.
const wordBlock = 256 << 10
