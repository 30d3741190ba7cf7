package tokenize

import "strings"

// Kind is the broad class of a token.
type Kind uint8

// The token kinds.
const (
	Word    Kind = iota // letters, possibly with digits, inner hyphens, apostrophes or dots (z.B.)
	Number              // starts with a digit (or a sign): 2022, 1.000, 3,5, 3:1, 24.02.2022, 3. (ordinal), 20er
	Punct               // punctuation: . , ; : ! ? … ( ) - – „ “ » « " ' …
	Symbol              // % € $ § ° # @ &, emoji, agency trailers such as /abc/DP/xy
	URL                 // https://…, www.…, bare domains such as tagesschau.de
	Email               // name@example.de
	Hashtag             // #Wahl2025
	Mention             // @bundestag
)

var kindNames = [...]string{"Word", "Number", "Punct", "Symbol", "URL", "Email", "Hashtag", "Mention"}

// String returns the name of the kind ("Word", "Number", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Flag is a bit set of token properties.
type Flag uint16

// The token flags.
const (
	Upper     Flag = 1 << iota // the first letter or digit is an upper-case letter
	AllCaps                    // at least two letters and no lower-case letter (BERLIN, NATO, US-EU)
	Hyphen                     // inner hyphen(s) between word characters: the token has several Parts
	Digit                      // contains a digit
	SentStart                  // first token of a sentence (set by Tokenize and AppendTokens)
	Abbrev                     // known or abbreviation-shaped word ending in "." (z.B., Dr., Nr., S.)
	Apos                       // ends in a possessive or elision apostrophe (Merz', Macron's, hab')
)

var flagNames = [...]string{"Upper", "AllCaps", "Hyphen", "Digit", "SentStart", "Abbrev", "Apos"}

// String returns the set flags joined by "|", or "0" when none is set.
func (f Flag) String() string {
	if f == 0 {
		return "0"
	}
	var b strings.Builder
	for i, name := range flagNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(name)
		}
	}
	if rest := f &^ (1<<len(flagNames) - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString("Flag(?)")
	}
	return b.String()
}

// Token is one token of a text.
//
// Start and End are byte offsets into the text that was tokenized, end
// exclusive, and Text is the substring text[Start:End] (no copy).
type Token struct {
	Text       string // == text[Start:End], a substring (no copy)
	Start, End int    // byte offsets into the original text, end exclusive
	Kind       Kind
	Flags      Flag
}

// Is reports whether all flags in f are set on t.
func (t Token) Is(f Flag) bool { return t.Flags&f == f }

// Span is a byte range [Start, End) of the original text.
type Span struct{ Start, End int }

// Sentence is one sentence: the bytes [Start, End) of the original text and
// the tokens [First, Last) of the token slice it was computed from. Start is
// the Start of the first token and End the End of the last one, so leading and
// trailing white space is not part of a sentence.
type Sentence struct{ Start, End, First, Last int }
