package tagger

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/internal/stem/german"
)

// Flag is a bit set of token properties. The bits are those of
// internal/tokenize's Flag, so tokenize.Flag values convert directly.
type Flag uint16

// The token flags.
const (
	Upper     Flag = 1 << iota // the first letter or digit is an upper-case letter
	AllCaps                    // at least two letters and no lower-case letter
	Hyphen                     // inner hyphen(s) between word characters
	Digit                      // contains a digit
	SentStart                  // first token of a sentence
	Abbrev                     // abbreviation ending in "." (z.B., Dr.)
	Apos                       // ends in a possessive or elision apostrophe
)

// GazHit is one gazetteer match covering a token.
type GazHit struct {
	Type      string // PER, LOC, ORG, OTH
	Form      string // name, deriv, part
	Begin     bool   // the token begins the match (B), else it is inside (I)
	Ambiguous bool   // the entry is ambiguous (prior < 1)
}

// Token is one token of a [Sequence], with everything the features look at.
// Only Text is required; the other fields may be left zero (no gazetteer,
// no rules, …), but a model must be used with tokens filled the same way as
// its training data. [Prepare] fills Lower, Stem, Shape and Flags.
type Token struct {
	Text           string
	Lower          string   // strings.ToLower(Text); computed on the fly when empty
	Stem           string   // german.Stem(Text); no stem features when empty
	Shape          string   // Shape(Text); computed on the fly when empty
	Flags          Flag     // DefaultFeatures reads only SentStart (the rest it computes from Text)
	Gaz            []GazHit // gazetteer matches covering the token
	Rule           string   // label of a rule that fired on the token, or ""
	FirstName      bool     // the token is a known first name
	LowerElsewhere bool     // its lower-cased form occurs lower-case elsewhere in the document
	// Word optionally numbers the token's word, for a caller that tags
	// many sequences with one Tagger and numbers its words anyway: the
	// Tagger remembers where it cached the weights of each number's word
	// and looks there first instead of by text: checking that the entry is
	// still this token's word, so that a number reused for another word
	// only costs time, unless the Sequence's Words promises that the
	// numbers are exact. 0: none.
	Word int32
}

// Sequence is a sentence (or any token sequence) to tag.
type Sequence struct {
	Tokens []Token
	// Words, when not 0, names the numbering of the tokens' Word fields
	// and promises that it is exact: two tokens with the same Word, in
	// sequences with the same Words, have the same Text, Lower, Stem and
	// Shape. A Tagger then takes a number's cached word without comparing
	// the strings (which costs a cache miss or two per token). A caller
	// that numbers words anew, or reuses numbers for other words, takes a
	// new value (see [NewWordNumbering]). 0: the numbers are hints, checked
	// against the text.
	Words uint64
}

// wordNumberings counts the numberings handed out by NewWordNumbering.
var wordNumberings atomic.Uint64

// NewWordNumbering returns a value for [Sequence.Words] that no other call
// returns, for a caller that starts numbering its words.
func NewWordNumbering() uint64 { return wordNumberings.Add(1) }

// NewSequence returns a sequence of the given words, prepared with
// [Prepare] and [MarkLowerElsewhere].
func NewSequence(words []string) *Sequence {
	s := &Sequence{Tokens: make([]Token, len(words))}
	for i, w := range words {
		s.Tokens[i].Text = w
	}
	Prepare(s)
	MarkLowerElsewhere(s)
	return s
}

// Prepare fills Lower, Stem and Shape of every token from its Text, and
// sets Flags from the text when they are zero (SentStart on the first
// token). It allocates; tagging itself does not.
func Prepare(s *Sequence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lower = strings.ToLower(t.Text)
		t.Stem = german.Stem(t.Text)
		t.Shape = Shape(t.Text)
		if t.Flags == 0 {
			t.Flags = TextFlags(t.Text)
			if i == 0 {
				t.Flags |= SentStart
			}
		}
	}
}

// MarkLowerElsewhere sets LowerElsewhere on every token of the sequences
// (one document) that starts with an upper-case letter while its lower-cased
// form occurs as an all-lower-case token somewhere in the sequences.
func MarkLowerElsewhere(doc ...*Sequence) {
	lower := make(map[string]bool)
	for _, s := range doc {
		for _, t := range s.Tokens {
			if t.Text != "" && t.Text == strings.ToLower(t.Text) && hasLetter(t.Text) {
				lower[t.Text] = true
			}
		}
	}
	for _, s := range doc {
		for i := range s.Tokens {
			t := &s.Tokens[i]
			r, _ := utf8.DecodeRuneInString(t.Text)
			t.LowerElsewhere = unicode.IsUpper(r) && lower[strings.ToLower(t.Text)]
		}
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// TextFlags computes Upper, AllCaps, Hyphen, Digit and Apos from a token's
// text.
func TextFlags(text string) Flag {
	var f Flag
	letters, lowers := 0, 0
	first := true
	prevWord := false
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if first && word {
			first = false
			if unicode.IsUpper(r) {
				f |= Upper
			}
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lowers++
			}
		}
		if unicode.IsDigit(r) {
			f |= Digit
		}
		if r == '-' && prevWord && i+1 < len(text) {
			n, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsLetter(n) || unicode.IsDigit(n) {
				f |= Hyphen
			}
		}
		prevWord = word
	}
	if letters >= 2 && lowers == 0 {
		f |= AllCaps
	}
	if strings.HasSuffix(text, "'") || strings.HasSuffix(text, "’") || strings.HasSuffix(text, "'s") {
		if letters > 0 {
			f |= Apos
		}
	}
	return f
}

// Shape returns the word shape of text: upper-case letters become X,
// lower-case letters x, digits d, other characters stay; runs of the same
// class longer than 4 are cut to 4 (Merkel → Xxxxx, EU-Gipfel → XX-Xxxxx,
// 2022 → dddd).
func Shape(text string) string {
	var buf [64]byte
	return string(appendShape(buf[:0], text, 4))
}

// shapeClass maps a rune to its shape character.
func shapeClass(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'A' <= r && r <= 'Z':
			return 'X'
		case 'a' <= r && r <= 'z':
			return 'x'
		case '0' <= r && r <= '9':
			return 'd'
		}
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// appendShape appends the shape of text with runs cut to maxRun.
func appendShape(dst []byte, text string, maxRun int) []byte {
	var prev rune = -1
	run := 0
	for _, r := range text {
		c := shapeClass(r)
		if c == prev {
			run++
			if run > maxRun {
				continue
			}
		} else {
			prev, run = c, 1
		}
		dst = utf8.AppendRune(dst, c)
	}
	return dst
}

// appendLower appends strings.ToLower(text) to dst.
func appendLower(dst []byte, text string) []byte {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}
