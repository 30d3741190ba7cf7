package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into tokens and marks the first token of every
// sentence with SentStart. Every token's Text is text[Start:End].
func Tokenize(text string) []Token { return AppendTokens(nil, text) }

// AppendTokens is like Tokenize but appends the tokens to dst and returns the
// extended slice, so that a caller can reuse one buffer for many texts. The
// offsets of the appended tokens refer to text; tokens already in dst are left
// alone.
func AppendTokens(dst []Token, text string) []Token {
	base := len(dst)
	// German news text has about one token per six bytes; reserve that much
	// once (bounded, so that a huge run of white space allocates little).
	if want := min(len(text)/6+8, 1<<15); cap(dst)-len(dst) < want {
		nd := make([]Token, len(dst), len(dst)+want)
		copy(nd, dst)
		dst = nd
	}
	tz := tokenizer{s: text, dst: dst, base: base, sq: -1, sqEng: -1}
	tz.run()
	markSentStarts(text, tz.dst[base:])
	return tz.dst
}

// quoteReach is how far (in bytes) an opening single quote stays pending: a
// trailing apostrophe within this distance closes the quote instead of being
// a possessive apostrophe.
const quoteReach = 400

type tokenizer struct {
	s          string
	dst        []Token
	base       int // index in dst of the first token of s
	sq, sqEng  int // offset of a pending opening ' or ‘ quote, or -1
	domainFail int // a domain scan from any dot offset below this fails
}

func (tz *tokenizer) emit(start, end int, kind Kind, fl Flag) {
	tz.dst = append(tz.dst, Token{Text: tz.s[start:end], Start: start, End: end, Kind: kind, Flags: fl})
}

func (tz *tokenizer) run() {
	s := tz.s
	for p := 0; p < len(s); {
		c := s[p]
		if c < utf8.RuneSelf {
			k := ascii[c]
			switch {
			case k&cSpace != 0:
				p++
			case k&(cLetter|cDigit) != 0:
				p = tz.word(p)
			default:
				p = tz.asciiOther(p)
			}
			continue
		}
		p = tz.wide(p)
	}
}

// word scans a token starting with an ASCII letter or digit at p.
func (tz *tokenizer) word(p int) int {
	s := tz.s
	switch s[p] | 0x20 {
	case 'h', 'w', 'f':
		if e := urlAt(s, p); e > p {
			tz.emit(p, e, URL, 0)
			return e
		}
	}
	return tz.scanWord(p, p)
}

// scanWord scans a word or number token that starts at start; the first word
// character is at p (p > start after a leading sign or hyphen).
func (tz *tokenizer) scanWord(start, p int) int {
	s := tz.s
	n := len(s)
	var (
		fl               Flag
		first            = true
		nLetters, nLower int
		nRunes           int
		startsDigit      bool
		letterSeen       bool
		digitAfterLetter bool
		hyphen           bool
		hostOK           = start == p // ASCII letters, digits and '-' only
		segOK            = true       // dot-separated segments of letters only
		segLen           int          // letters in the current segment
		innerDot         bool         // z.B, u.a, U.S
		aposEnd          = -1         // end of the last inner apostrophe
		last             uint16       // class of the last word character
	)
	q := p
loop:
	for {
		for q < n {
			c := s[q]
			if c-'a' < 26 && !first {
				// fast path: a run of lower-case ASCII letters
				q0 := q
				for q++; q < n && s[q]-'a' < 26; q++ {
				}
				k := q - q0
				nLetters += k
				nLower += k
				segLen += k
				nRunes += k
				letterSeen = true
				last = cLetter | cLower
				continue
			}
			var cls uint16
			w := 1
			if c < utf8.RuneSelf {
				cls = ascii[c] & (cLetter | cUpper | cLower | cDigit)
			} else {
				cls, w = wordRune(s, q)
				hostOK = false
			}
			if cls == 0 {
				break
			}
			if first {
				first = false
				if cls&cUpper != 0 {
					fl |= Upper
				}
				startsDigit = cls&cDigit != 0
			}
			if cls&cLetter != 0 {
				nLetters++
				letterSeen = true
				segLen++
				if cls&cLower != 0 {
					nLower++
				}
			} else if cls&cDigit != 0 {
				fl |= Digit
				segOK = false
				if letterSeen {
					digitAfterLetter = true
				}
			}
			nRunes++
			last = cls
			q += w
		}
		if q >= n || last == 0 {
			break
		}
		c := s[q]
		switch c {
		case '-':
			if wordAt(s, q+1) {
				hyphen, innerDot, segOK, segLen = true, false, false, 0
				q++
				continue loop
			}
			// trailing hyphen of an elided compound: "Ein- und Ausfuhr"
			if nx := q + 1; last&(cLetter|cDigit) != 0 && (isSpaceOrEnd(s, nx) || s[nx] == ',' || s[nx] == '/') {
				q = nx
			}
			break loop
		case '.':
			nx := q + 1
			if last&cDigit != 0 && isDigitAt(s, nx) { // 1.000, 3.5, 24.02.2022
				q = nx
				hostOK = false
				continue loop
			}
			if nx < n {
				if s[nx] == '-' && wordAt(s, nx+1) && (innerDot || nRunes == 1 || abbrevClass(s[start:q]) != abbrNone) {
					// Dipl.-Ing., U.S.-Präsident
					q = nx + 1
					hyphen, innerDot, segOK, segLen, hostOK = true, false, false, 0, false
					continue loop
				}
				if letterAt(s, nx) {
					if hostOK && q >= tz.domainFail {
						e, stop := domainEnd(s, start, q)
						if e > 0 {
							tz.emit(start, e, URL, 0)
							return e
						}
						tz.domainFail = stop
					}
					if segOK && segLen >= 1 && segLen <= 2 && letterRun(s, nx, 3) <= 2 {
						innerDot, segLen, hostOK = true, 0, false
						q = nx
						continue loop
					}
					if q-start == 3 && (s[start:q] == "Ver" || s[start:q] == "ver") && strings.HasPrefix(s[nx:], "di") && !wordAt(s, nx+2) {
						q = nx + 2 // ver.di
						nLetters += 2
						nLower += 2
						break loop
					}
				}
			}
			if nx < n && s[nx] == '.' { // an ellipsis follows
				break loop
			}
			word := s[start:q]
			switch {
			case innerDot, nRunes == 1 && nLetters == 1 && start == p, abbrevClass(word) != abbrNone:
				fl |= Abbrev
				q = nx
			case hyphen && abbrevClass(word[lastHyphen(word):]) != abbrNone:
				fl |= Abbrev
				q = nx
			case startsDigit && nLetters == 0:
				if tz.ordinal(q, q-p <= 3 && nRunes == q-p) {
					q = nx
				}
			case nLower == 0 && start == p && IsRoman(word):
				if tz.ordinal(q, true) {
					q = nx
				}
			}
			break loop
		case ',':
			if last&cDigit != 0 && isDigitAt(s, q+1) { // 3,5
				q++
				hostOK = false
				continue loop
			}
			break loop
		case ':':
			if last&cDigit != 0 && isDigitAt(s, q+1) { // 3:1, 12:30
				q++
				hostOK = false
				continue loop
			}
			if last&cLetter != 0 && genderSuffix(s, q+1) { // Bürger:innen
				q++
				hostOK = false
				continue loop
			}
			break loop
		case '*':
			if last&cLetter != 0 && genderSuffix(s, q+1) { // Lehrer*innen
				q++
				hostOK = false
				continue loop
			}
			break loop
		case '_':
			if wordAt(s, q+1) {
				q++
				hostOK = false
				continue loop
			}
			break loop
		case '/':
			if last&cDigit != 0 && isDigitAt(s, q+1) { // 24/7, 2022/23
				q++
				hostOK = false
				continue loop
			}
			if q-start == 2 && s[start:q] == "km" && q+1 < n && s[q+1] == 'h' && !wordAt(s, q+2) {
				q += 2 // km/h
			}
			break loop
		case '&':
			if nLower == 0 && nLetters >= 1 && q-start <= 3 && !hyphen && q+1 < n && ascii[s[q+1]&0x7f]&cUpper != 0 && s[q+1] < utf8.RuneSelf {
				q++ // H&M, AT&T, S&P
				hostOK = false
				continue loop
			}
			break loop
		case '\'', 0xE2, 0xC2:
			aw := 0
			switch {
			case c == '\'':
				aw = 1
			case c == 0xE2 && strings.HasPrefix(s[q:], seqRSQuote):
				aw = 3
			case c == 0xC2 && q+1 < n && s[q+1] == 0xB4: // ´ used as apostrophe
				aw = 2
			case c == 0xE2:
				if hw := hyphenAt(s, q); hw > 0 {
					if wordAt(s, q+hw) {
						hyphen, innerDot, segOK, segLen, hostOK = true, false, false, 0, false
						q += hw
						continue loop
					}
					if s[q+2] != 0x93 && last&(cLetter|cDigit) != 0 && isSpaceOrEnd(s, q+hw) {
						q += hw // trailing ‐ or ‑
					}
				}
				break loop
			default:
				break loop
			}
			nx := q + aw
			if last&cLetter != 0 && letterAt(s, nx) { // Macron's, Ku'damm, d'Or
				q = nx
				aposEnd = nx
				hostOK = false
				continue loop
			}
			if last&cDigit != 0 && aw != 2 && digits3(s, nx) { // 400'000
				q = nx
				continue loop
			}
			if last&cLetter != 0 && aw != 2 && !wordAt(s, nx) && !tz.quotePending(aw == 1, q) {
				q = nx // Merz', Lagarde', hab'
				fl |= Apos
			}
			break loop
		default:
			break loop
		}
	}
	if aposEnd >= 0 && q == aposEnd+1 && s[aposEnd] == 's' {
		fl |= Apos // Macron's
	}
	if nLetters >= 2 && nLower == 0 {
		fl |= AllCaps
	}
	if hyphen {
		fl |= Hyphen
	}
	if q == start { // defensive: always make progress
		_, w := utf8.DecodeRuneInString(s[start:])
		q = start + w
	}
	kind := Word
	if startsDigit && (nLetters == 0 || !hyphen && !digitAfterLetter && nLetters <= 3 && nLower == nLetters) {
		kind = Number
	}
	tz.emit(start, q, kind, fl)
	return q
}

// lastHyphen returns the offset just after the last '-' in w (0 if none).
func lastHyphen(w string) int { return strings.LastIndexByte(w, '-') + 1 }

// letterRun returns the number of letters starting at s[i], counting at most
// max+1.
func letterRun(s string, i, max int) int {
	k := 0
	for i < len(s) && k <= max {
		cls, w := wordRune(s, i)
		if cls&cLetter == 0 {
			break
		}
		k++
		i += w
	}
	return k
}

// digits3 reports whether exactly three ASCII digits start at s[i].
func digits3(s string, i int) bool {
	return i+3 <= len(s) && isDigitAt(s, i) && isDigitAt(s, i+1) && isDigitAt(s, i+2) && !isDigitAt(s, i+3)
}

// genderSuffix reports whether "in" or "innen" followed by a non-letter
// starts at s[i] (Bürger:innen, Lehrer*in).
func genderSuffix(s string, i int) bool {
	if strings.HasPrefix(s[min(i, len(s)):], "innen") {
		return !letterAt(s, i+5)
	}
	return strings.HasPrefix(s[min(i, len(s)):], "in") && !letterAt(s, i+2)
}

// quotePending reports whether a trailing apostrophe at q closes a pending
// opening single quote (' when ascii, ‘ otherwise).
func (tz *tokenizer) quotePending(ascii bool, q int) bool {
	o := tz.sqEng
	if ascii {
		o = tz.sq
	}
	return o >= 0 && q-o < quoteReach
}

// ordinal decides whether the dot at q after a number (or Roman numeral) is
// part of an ordinal (3. Dezember) rather than the end of a sentence. small
// is true for numbers of at most three digits and Roman numerals.
func (tz *tokenizer) ordinal(q int, small bool) bool {
	s := tz.s
	n := len(s)
	r := q + 1
	for r < n {
		w := closerAt(s, r)
		if w == 0 {
			break
		}
		r += w
	}
	if r >= n {
		return false // end of text
	}
	if spaceAt(s, r) == 0 {
		return true // "8.September", "3., 4. und 5. Mai", "2.)"
	}
	nl := 0
	for r < n {
		w := spaceAt(s, r)
		if w == 0 {
			break
		}
		if s[r] == '\n' || w == 3 && s[r+2] == 0xA9 {
			nl++
		}
		r += w
	}
	if r >= n || nl >= 2 {
		return false // end of text or paragraph
	}
	cls, _ := wordRune(s, r)
	switch {
	case cls&cDigit != 0:
		return small // "am 3. 4. Mai" but "im Jahr 1980. 1981 …"
	case cls&cLower != 0:
		return true
	case cls&cUpper != 0:
		e := r
		for e < n && e-r < 32 {
			c2, w := wordRune(s, e)
			if c2&cLetter == 0 {
				break
			}
			e += w
		}
		if ordinalNext[s[r:e]] {
			return true
		}
	case cls != 0:
		return true
	default:
		if !opensAt(s, r) {
			return true // , ; : ) …
		}
	}
	if len(tz.dst) == tz.base {
		return true // "1. Die Regierung …" at the start: an enumeration
	}
	prev := &tz.dst[len(tz.dst)-1]
	var buf [16]byte
	if prev.Kind == Word {
		if k, ok := lowerKey(&buf, prev.Text); ok && ordinalContext[k] {
			return true
		}
	}
	if !small {
		return false // "im Jahr 2022. Die …"
	}
	if prev.Kind == Word {
		if prev.Flags&Upper != 0 {
			return false // "auf Platz 2. Die …"
		}
		if k, ok := lowerKey(&buf, prev.Text); ok && sentenceVerbs[k] {
			return false // "Sie wurde 2. Dann …"
		}
	}
	return true
}

// opensAt reports whether an opening quote, bracket or a dash starts at s[i].
func opensAt(s string, i int) bool {
	switch s[i] {
	case '"', '\'', '(', '[', '-':
		return true
	case 0xC2:
		return i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB)
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x93, 0x94, 0x98, 0x9A, 0x9C, 0x9E, 0xB9, 0xBA: // – — ‘ ‚ “ „ ‹ ›
				return true
			}
		}
	}
	return false
}

// asciiOther handles a token starting with ASCII punctuation or a symbol.
func (tz *tokenizer) asciiOther(p int) int {
	s := tz.s
	n := len(s)
	c := s[p]
	switch c {
	case '.':
		return tz.run1(p, Punct)
	case '!', '?':
		e := p + 1
		for e < n && (s[e] == '!' || s[e] == '?') {
			e++
		}
		tz.emit(p, e, Punct, 0)
		return e
	case '-':
		if (spaceBefore(s, p) || s[p-1] == '(' || s[p-1] == '/') && wordAt(s, p+1) {
			return tz.scanWord(p, p+1) // -Zeitung (in "Dada-Kunst und -Zeitung"), -5
		}
		return tz.run1(p, Punct)
	case '+':
		if (spaceBefore(s, p) || s[p-1] == '(') && isDigitAt(s, p+1) {
			return tz.scanWord(p, p+1) // +3,5
		}
		return tz.run1(p, Symbol)
	case '#', '@':
		if c == '@' {
			if e := tz.email(p); e > 0 {
				return e
			}
		}
		if p == 0 || ascii[s[p-1]&0x7f]&cMention == 0 || s[p-1] >= utf8.RuneSelf {
			e := p + 1
			for e < n {
				if s[e] == '_' {
					e++
					continue
				}
				cls, w := wordRune(s, e)
				if cls&(cLetter|cDigit) == 0 || c == '@' && w > 1 {
					break
				}
				e += w
			}
			if e > p+1 {
				kind := Hashtag
				if c == '@' {
					kind = Mention
				}
				tz.emit(p, e, kind, 0)
				return e
			}
		}
		return tz.run1(p, Symbol)
	case '/':
		if spaceBefore(s, p) {
			if e := trailerEnd(s, p); e > 0 {
				tz.emit(p, e, Symbol, 0) // agency trailer /abc/DP/xy
				return e
			}
		}
		tz.emit(p, p+1, Punct, 0)
		return p + 1
	case '\'':
		return tz.singleQuote(p, 1, &tz.sq)
	case '"', '(', ')', '[', ']', '{', '}':
		tz.emit(p, p+1, Punct, 0)
		return p + 1
	case ',', ';', ':', '*', '\\', '_':
		return tz.run1(p, Punct)
	}
	return tz.run1(p, Symbol) // $ % & = < > | ~ ^ `
}

// run1 emits a run of the byte s[p] as one token.
func (tz *tokenizer) run1(p int, kind Kind) int {
	s := tz.s
	e := p + 1
	for e < len(s) && s[e] == s[p] {
		e++
	}
	tz.emit(p, e, kind, 0)
	return e
}

// singleQuote handles ' or ’ (width w) at p: an elision ('s, 'n, ’ne), an
// abbreviated year ('90er) or a quote mark. pend tracks a pending opening
// quote.
func (tz *tokenizer) singleQuote(p, w int, pend *int) int {
	s := tz.s
	if spaceBefore(s, p) {
		nx := p + w
		if isDigitAt(s, nx) && isDigitAt(s, nx+1) && !isDigitAt(s, nx+2) {
			return tz.scanWord(p, nx) // '90er, ’89
		}
		for _, suf := range [...]string{"s", "n", "ne", "nen", "nem", "ner"} {
			if strings.HasPrefix(s[nx:], suf) && !wordAt(s, nx+len(suf)) {
				e := nx + len(suf)
				tz.emit(p, e, Word, Apos)
				return e
			}
		}
	}
	tz.emit(p, p+w, Punct, 0)
	tz.track(p, w, pend)
	return p + w
}

// track updates a pending opening single quote after the quote mark at p.
func (tz *tokenizer) track(p, w int, pend *int) {
	s := tz.s
	before := spaceBefore(s, p) || opensAt(s, p-1)
	after := isSpaceOrEnd(s, p+w)
	switch {
	case before && !after:
		*pend = p
	case !before && after:
		*pend = -1
	case before && after:
		if *pend >= 0 && p-*pend < quoteReach {
			*pend = -1
		} else {
			*pend = p
		}
	}
}

// wide handles a token starting with a non-ASCII character.
func (tz *tokenizer) wide(p int) int {
	s := tz.s
	n := len(s)
	if cls, w := wordRune(s, p); cls != 0 {
		if cls == cMark && w > 1 {
			if r, _ := utf8.DecodeRuneInString(s[p:]); unicode.Is(unicode.Cf, r) {
				return p + w // soft hyphen or joiner outside a word
			}
		}
		return tz.scanWord(p, p)
	}
	if w := spaceAt(s, p); w > 0 {
		return p + w
	}
	r, w := utf8.DecodeRuneInString(s[p:])
	switch r {
	case '„', '‚', '“', '”', '»', '«', '›', '‹':
		tz.emit(p, p+w, Punct, 0)
		return p + w
	case '‘':
		tz.emit(p, p+w, Punct, 0)
		tz.track(p, w, &tz.sqEng)
		return p + w
	case '’':
		if tz.sqEng >= 0 && p-tz.sqEng < quoteReach && !spaceBefore(s, p) {
			tz.sqEng = -1
			tz.emit(p, p+w, Punct, 0)
			return p + w
		}
		return tz.singleQuote(p, w, &tz.sqEng)
	case '…':
		e := p + w
		for strings.HasPrefix(s[e:], seqEllipsis) {
			e += w
		}
		tz.emit(p, e, Punct, 0)
		return e
	case '−': // minus sign
		if (spaceBefore(s, p) || s[p-1] == '(') && isDigitAt(s, p+w) {
			return tz.scanWord(p, p+w)
		}
	case '°':
		if e := p + w; e < n && (s[e] == 'C' || s[e] == 'F') && !wordAt(s, e+1) {
			tz.emit(p, e+1, Symbol, 0) // °C
			return e + 1
		}
		tz.emit(p, p+w, Symbol, 0)
		return p + w
	case '§', '†', '‡', '¶', '№', '•', '·':
		kind := Symbol
		if r == '•' || r == '·' {
			kind = Punct
		}
		tz.emit(p, p+w, kind, 0)
		return p + w
	}
	switch {
	case unicode.In(r, unicode.Cc, unicode.Cf):
		return p + w // control and format characters separate tokens like space
	case unicode.In(r, unicode.So, unicode.Sk):
		// emoji and pictographs, with modifiers, joiners and variation selectors
		e := p + w
		for e < n {
			r2, w2 := utf8.DecodeRuneInString(s[e:])
			if !(r2 == 0x200D || r2 == 0xFE0F || r2 == 0xFE0E || unicode.In(r2, unicode.So, unicode.Sk, unicode.Mn, unicode.Me)) {
				break
			}
			e += w2
		}
		tz.emit(p, e, Symbol, 0)
		return e
	case unicode.IsSymbol(r): // € $ £ ¥ + − × …
		tz.emit(p, p+w, Symbol, 0)
		return p + w
	case unicode.IsPunct(r): // – — ‐ ¿ ¡ and friends: a run of the same rune is one token
		e := p + w
		for e+w <= n && s[e:e+w] == s[p:p+w] {
			e += w
		}
		tz.emit(p, e, Punct, 0)
		return e
	}
	tz.emit(p, p+w, Symbol, 0) // private use, unassigned
	return p + w
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// urlAt returns the end of a URL starting with a scheme or "www." at p, or -1.
func urlAt(s string, p int) int {
	rest := s[p:]
	var i int
	switch {
	case hasPrefixFold(rest, "https://"):
		i = 8
	case hasPrefixFold(rest, "http://"):
		i = 7
	case hasPrefixFold(rest, "ftp://"):
		i = 6
	case hasPrefixFold(rest, "www.") && len(rest) > 4 && rest[4] < utf8.RuneSelf && ascii[rest[4]]&cHost != 0:
		i = 4
	default:
		return -1
	}
	e := urlEnd(s, p, p+i)
	if e <= p+i {
		return -1
	}
	return e
}

// urlEnd extends a URL whose text starts at start from i to the next white
// space or quote, then drops trailing punctuation that belongs to the
// sentence (a final ')' only when it is unbalanced).
func urlEnd(s string, start, i int) int {
	e := i
	open := 0
	for e < len(s) {
		c := s[e]
		if c < utf8.RuneSelf {
			if ascii[c]&cSpace != 0 || c == '"' || c == '<' || c == '>' {
				break
			}
			switch c {
			case '(', '[':
				open++
			case ')', ']':
				open--
			}
			e++
			continue
		}
		if spaceAt(s, e) > 0 || closerAt(s, e) > 0 || opensAt(s, e) {
			break
		}
		_, w := utf8.DecodeRuneInString(s[e:])
		e += w
	}
	for e > start {
		switch s[e-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			e--
			continue
		case ')', ']':
			if open < 0 {
				open++
				e--
				continue
			}
		}
		break
	}
	return e
}

// email handles an '@' at p that follows the local part of an e-mail
// address: the tokens already emitted for the local part (max, ., mustermann)
// are replaced by one Email token. It returns the end of the address, or -1.
func (tz *tokenizer) email(p int) int {
	s := tz.s
	ls := p
	for ls > 0 && s[ls-1] < utf8.RuneSelf && ascii[s[ls-1]]&cEmail != 0 {
		ls--
	}
	// drop tokens inside the local part; never cut into an earlier token
	k := len(tz.dst)
	for k > tz.base && tz.dst[k-1].Start >= ls {
		k--
	}
	if k > tz.base && tz.dst[k-1].End > ls {
		ls = tz.dst[k-1].End
	}
	if ls == p || s[ls] == '.' || s[p-1] == '.' {
		return -1
	}
	e, ok := hostEnd(s, p+1)
	if !ok {
		return -1
	}
	tz.dst = tz.dst[:k]
	tz.emit(ls, e, Email, 0)
	return e
}

// hostEnd scans a host name of at least two labels from i and reports its
// end and whether the last label looks like a top-level domain (two or more
// ASCII letters).
func hostEnd(s string, i int) (int, bool) {
	labels, lastStart, e := 0, i, i
	for {
		ls := i
		for i < len(s) && s[i] < utf8.RuneSelf && ascii[s[i]]&cHost != 0 {
			i++
		}
		if i == ls {
			break
		}
		labels++
		lastStart, e = ls, i
		if i+1 < len(s) && s[i] == '.' && s[i+1] < utf8.RuneSelf && ascii[s[i+1]]&cHost != 0 {
			i++
			continue
		}
		break
	}
	if labels < 2 || e-lastStart < 2 {
		return e, false
	}
	for j := lastStart; j < e; j++ {
		if ascii[s[j]]&cLetter == 0 {
			return e, false
		}
	}
	return e, true
}

// domainEnd checks whether the word s[start:q] followed by a dot at q begins a
// bare domain (tagesschau.de, t-online.de, news.bbc.co.uk) with a known
// lower-case top-level domain; it returns the end of the URL (with a path
// after '/') or -1, and the offset up to which the dotted run was scanned.
func domainEnd(s string, start, q int) (int, int) {
	e, ok := hostEnd(s, start)
	if !ok || !tlds[s[strings.LastIndexByte(s[:e], '.')+1:e]] || q-start < 2 && strings.IndexByte(s[q+1:e], '.') < 0 {
		return -1, e
	}
	if e < len(s) && s[e] == '/' {
		return urlEnd(s, start, e+1), e
	}
	return e, e
}

// trailerEnd returns the end of an agency trailer such as /abc/DP/xy at p
// (preceded by white space), or -1. A single segment (/ck) counts only at the
// end of the text.
func trailerEnd(s string, p int) int {
	isAlnum := func(c byte) bool { return c < utf8.RuneSelf && ascii[c]&(cLetter|cDigit) != 0 }
	i, segs := p, 0
	for i < len(s) && s[i] == '/' {
		j := i + 1
		for j < len(s) && j-i <= 8 && isAlnum(s[j]) {
			j++
		}
		if j == i+1 {
			break
		}
		if j < len(s) && isAlnum(s[j]) {
			return -1
		}
		segs++
		i = j
	}
	end := i
	if end < len(s) && s[end] == '/' && segs > 0 {
		end++
	}
	if !isSpaceOrEnd(s, end) {
		return -1
	}
	if segs >= 2 {
		return end
	}
	if segs == 1 {
		for j := end; j < len(s); {
			w := spaceAt(s, j)
			if w == 0 {
				return -1
			}
			j += w
		}
		return end
	}
	return -1
}
