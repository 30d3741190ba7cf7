// Package tokenize splits German (news) text into tokens and sentences.
//
// # Byte offsets
//
// Every Token carries Start and End, UTF-8 byte offsets into the text that
// was passed to Tokenize or AppendTokens, end exclusive, and
// text[t.Start:t.End] == t.Text always holds: Text is a substring of the
// input, never a copy or a normalised form. Tokens are in text order and do
// not overlap (t[i].End <= t[i+1].Start). Sentence.Start and Sentence.End are
// byte offsets in the same sense (the Start of the sentence's first token and
// the End of its last), and Sentence.First and Sentence.Last index the token
// slice, end exclusive. Parts returns byte spans of the original text, too.
//
// Invalid UTF-8 never panics: an invalid byte stays inside the token it
// occurs in (or forms a word of its own), so offsets remain valid into the
// original bytes. White space (including no-break and thin spaces), control
// characters and format characters outside words separate tokens and belong
// to no token. Tokenization and sentence splitting take linear time in the
// length of the input.
//
// # Tokens
//
// Words keep inner hyphens (Nato-Außenminister, 10-Punkte-Plan,
// deutsch-französischen; see Parts), a trailing hyphen of an elided compound
// (Ein- in "Ein- und Ausfuhr"), inner apostrophes (Ku'damm, Macron's) and a
// possessive or elision apostrophe at the end (Merz', hab'; flag Apos).
// Abbreviations keep their dot (z.B., Dr., Nr., usw., single letters such as
// the initial in "W. Bush"; flag Abbrev), and so do ordinals (3. Dezember,
// im 19. Jahrhundert). A number followed by a dot before a capitalised word
// that is no month ("auf Platz 2. Dann …", "im Jahr 2022. Die …") ends a
// sentence: the dot is then a token of its own. Numbers keep their separators
// (1.000, 3,5, 3:1, 24.02.2022, 2022/23). A slash between words splits them
// (BERLIN / PARIS). Quotes („ “ » « " ' ‚ ‘), brackets and dashes are Punct
// tokens of their own, % € $ § ° and emoji Symbol tokens; URLs, e-mail
// addresses, #hashtags and @mentions are single tokens, and so is an agency
// trailer such as /abc/DP/xy.
//
// Pre-tokenized text (tokens joined by single spaces, as in GermEval 2014:
// "Das ist „ gut “ .", "z. B.", "Dr . Müller") is tokenized into exactly its
// space-separated tokens, except where the rules above differ: a slash
// between words is split (München/Hamburg), % is separated (34,4%), and a
// number with a dot at the end of the text or before a capitalised word
// loses its dot (… bis 1939.). On the GermEval 2014 dev set 99.76% of the
// gold tokens come out exactly.
//
// # Sentences
//
// Sentences ends a sentence after . ! ? (and after … or an abbreviation such
// as usw. or etc. before a capitalised word) when the next token does not
// start with a lower-case letter; closing quotes and brackets right after the
// end belong to the ending sentence (… gesagt.“ Dann …). An empty line always
// ends a sentence, and so does a line break before a dateline (BERLIN (dpa)).
package tokenize
