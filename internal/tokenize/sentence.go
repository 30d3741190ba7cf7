package tokenize

import "strings"

// Sentences splits the tokens of text (as returned by Tokenize) into
// sentences. The sentences cover all tokens in order: the first starts at
// token 0, each next one where the previous one ends, the last ends at
// len(toks).
func Sentences(text string, toks []Token) []Sentence {
	return AppendSentences(nil, text, toks)
}

// AppendSentences is like Sentences but appends to dst.
func AppendSentences(dst []Sentence, text string, toks []Token) []Sentence {
	it := sentIter{text: text, toks: toks}
	for {
		first, last, ok := it.next()
		if !ok {
			return dst
		}
		dst = append(dst, Sentence{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last})
	}
}

// MarkedSentences appends the sentences of toks as marked by AppendTokens:
// each starts at a token with SentStart. For the tokens of a text from
// AppendTokens (or Tokenize) they are the sentences AppendSentences finds,
// without splitting the text a second time.
func MarkedSentences(dst []Sentence, toks []Token) []Sentence {
	first := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) || toks[i].Flags&SentStart != 0 {
			dst = append(dst, Sentence{Start: toks[first].Start, End: toks[i-1].End, First: first, Last: i})
			first = i
		}
	}
	return dst
}

// markSentStarts sets SentStart on the first token of every sentence.
func markSentStarts(text string, toks []Token) {
	it := sentIter{text: text, toks: toks}
	for {
		first, _, ok := it.next()
		if !ok {
			return
		}
		toks[first].Flags |= SentStart
	}
}

// parenReach is the number of tokens after a "(" within which a sentence end
// is taken to belong to the parenthesis (guards against a "(" never closed).
const parenReach = 40

// Roles of quote marks and brackets.
const (
	roleNone = iota
	roleOpen
	roleClose
)

// Strengths of a sentence-final token.
const (
	endNone   = iota
	endStrong // . ! ?
	endWeak   // … ... usw. etc.: a boundary only before a capitalised word
)

// quoteState records which quotes are open.
type quoteState struct {
	low    bool // „ waits for “
	single bool // ‚ waits for ‘
	engD   bool // “ waits for ”
	engS   bool // ‘ waits for ’
	guilR  bool // » waits for «
	guilL  bool // « waits for »
	dbl    bool // " is open
	apos   bool // ' is open
}

// sentIter walks the sentences of a token slice.
type sentIter struct {
	text     string
	toks     []Token
	pos      int // first token of the next sentence
	seen     int // roles are known for tokens [0, seen)
	lastRole uint8
	q        quoteState
}

func (it *sentIter) next() (first, last int, ok bool) {
	n := len(it.toks)
	if it.pos >= n {
		return 0, 0, false
	}
	first = it.pos
	paren := -1 // outermost open "(" of this sentence
	for i := first; i < n-1; i++ {
		switch it.role(i) {
		case roleOpen:
			if paren < 0 && it.toks[i].Text == "(" {
				paren = i
			}
		case roleClose:
			if it.toks[i].Text == ")" {
				paren = -1
			}
		}
		lineBreak := false
		if g := it.gap(i); len(g) > 1 || len(g) == 1 && g[0] != ' ' {
			if it.paraBreak(i) {
				it.q = quoteState{}
				it.pos = i + 1
				return first, i + 1, true
			}
			lineBreak = true
		}
		st := it.terminal(i)
		if st != endNone && paren > first && i-paren < parenReach && it.toks[i+1].Text == ")" {
			st = endNone // "500 (verunsicherte?) Kunden": the end of a parenthesis
		}
		if st == endNone {
			if lineBreak && it.datelineBreak(i) {
				it.pos = i + 1
				return first, i + 1, true
			}
			continue
		}
		j := i + 1
		for j < n && !it.paraBreak(j-1) && it.role(j) == roleClose {
			j++ // closing quotes and brackets belong to the ending sentence
		}
		if j == n {
			break
		}
		if it.paraBreak(j - 1) {
			it.q = quoteState{}
			it.pos = j
			return first, j, true
		}
		if it.startsSentence(j, st) {
			it.pos = j
			it.q.dbl, it.q.apos = false, false
			return first, j, true
		}
		i = j - 1
	}
	it.pos = n
	return first, n, true
}

// gap returns the text between tokens i and i+1 (empty if the offsets do not
// fit the text).
func (it *sentIter) gap(i int) string {
	a, b := it.toks[i].End, it.toks[i+1].Start
	if a < 0 || b > len(it.text) || a >= b {
		return ""
	}
	return it.text[a:b]
}

// paraBreak reports whether an empty line (or a paragraph separator) lies
// between tokens i and i+1.
func (it *sentIter) paraBreak(i int) bool {
	g := it.gap(i)
	if len(g) < 2 {
		return false
	}
	nl := 0
	for k := 0; k < len(g); k++ {
		switch g[k] {
		case '\n':
			nl++
		case '\r':
			if k+1 >= len(g) || g[k+1] != '\n' {
				nl++
			}
		case 0xE2:
			if strings.HasPrefix(g[k:], "\u2029") {
				return true
			}
		}
	}
	return nl >= 2
}

// datelineBreak reports a boundary at a single line break before a dateline
// (a headline followed by "BERLIN (dpa) - …" or "PARIS/BERLIN (AFP) - …").
func (it *sentIter) datelineBreak(i int) bool {
	if i+2 >= len(it.toks) || strings.IndexByte(it.gap(i), '\n') < 0 {
		return false
	}
	t := &it.toks[i+1]
	if t.Kind != Word || !allCaps(t.Text) {
		return false
	}
	x := it.toks[i+2].Text
	return x == "(" || x == "/" || x == ","
}

// allCaps reports whether w has at least two letters and no lower-case one.
func allCaps(w string) bool {
	letters := 0
	for i := 0; i < len(w); {
		cls, n := wordRune(w, i)
		if cls&cLower != 0 {
			return false
		}
		if cls&cLetter != 0 {
			letters++
		}
		i += n
	}
	return letters >= 2
}

// terminal returns how strongly token i ends a sentence.
func (it *sentIter) terminal(i int) int {
	t := &it.toks[i]
	x := t.Text
	if x == "" {
		return endNone
	}
	switch t.Kind {
	case Punct:
		switch x[0] {
		case '!', '?':
			return endStrong
		case '.':
			if len(x) == 1 {
				return it.detachedAbbrev(i)
			}
			return endWeak
		}
		if strings.HasPrefix(x, seqEllipsis) {
			return endWeak
		}
	case Word:
		if x[len(x)-1] == '.' {
			switch abbrevClass(x[:len(x)-1]) {
			case abbrMayEnd, abbrMonth:
				return endWeak
			}
		}
	}
	return endNone
}

// detachedAbbrev returns the strength of a lone "." at i that follows, after
// white space, an abbreviation written without its dot, as in pre-tokenized
// text ("Dr . Müller", "z . B .", "13 Mrd . Euro").
func (it *sentIter) detachedAbbrev(i int) int {
	if i == 0 {
		return endStrong
	}
	p := &it.toks[i-1]
	if p.Kind != Word || p.End >= it.toks[i].Start || p.Text == "" {
		return endStrong
	}
	w := p.Text
	if _, n := wordRune(w, 0); n == len(w) && firstClass(w)&cLetter != 0 {
		return endNone // a single letter: z . B .
	}
	switch abbrevClass(w) {
	case abbrInside:
		if realWords[w] {
			return endStrong
		}
		return endNone
	case abbrMayEnd, abbrMonth:
		return endWeak
	}
	return endStrong
}

// realWords are abbreviations without their dot that are also ordinary
// words: "auf diese Art ." ends a sentence.
var realWords = map[string]bool{"Art": true, "Gen": true, "Kap": true, "Red": true, "No": true,
	"Do": true, "Mi": true, "Di": true, "Mo": true, "Sa": true, "Mag": true, "Best": true, "Fr": true}

// startsSentence reports whether token j can start a sentence after a
// sentence-final token of strength st.
func (it *sentIter) startsSentence(j, st int) bool {
	t := &it.toks[j]
	if t.Kind == Punct {
		if it.role(j) == roleOpen {
			// a quote mark that nothing follows does not open anything
			return j+1 < len(it.toks) && !it.paraBreak(j)
		}
		x := t.Text
		return st == endStrong && (strings.HasPrefix(x, "-") || strings.HasPrefix(x, "–") || strings.HasPrefix(x, "—"))
	}
	cls := firstClass(t.Text)
	switch {
	case cls&cUpper != 0:
		return true
	case cls&cLower != 0:
		return false
	}
	return st == endStrong
}

// firstClass returns the class of the first word character of w, looking
// past a leading sign, hyphen, apostrophe or '#'/'@'.
func firstClass(w string) uint16 {
	for i := 0; i < len(w) && i < 4; {
		cls, _ := wordRune(w, i)
		if cls != 0 {
			return cls
		}
		switch w[i] {
		case '-', '+', '\'', '#', '@':
			i++
			continue
		}
		return 0
	}
	return 0
}

// role returns the role of token i as quote mark or bracket and updates the
// quote state. Roles are computed once, in order.
func (it *sentIter) role(i int) uint8 {
	if i < it.seen {
		return it.lastRole
	}
	it.seen = i + 1
	it.lastRole = it.computeRole(i)
	return it.lastRole
}

func (it *sentIter) computeRole(i int) uint8 {
	t := &it.toks[i]
	if t.Kind != Punct || len(t.Text) > 3 {
		return roleNone
	}
	q := &it.q
	switch t.Text {
	case "(", "[", "{":
		return roleOpen
	case ")", "]", "}":
		return roleClose
	case "„":
		q.low = true
		return roleOpen
	case "‚":
		q.single = true
		return roleOpen
	case "“":
		if q.low {
			q.low = false
			return roleClose
		}
		q.engD = true
		return roleOpen
	case "”":
		q.low, q.engD = false, false
		return roleClose
	case "‘":
		if q.single {
			q.single = false
			return roleClose
		}
		q.engS = true
		return roleOpen
	case "’":
		q.engS = false
		return roleClose
	case "»", "›":
		if q.guilL {
			q.guilL = false
			return roleClose
		}
		q.guilR = true
		return roleOpen
	case "«", "‹":
		if q.guilR {
			q.guilR = false
			return roleClose
		}
		q.guilL = true
		return roleOpen
	case `"`:
		return it.ambiguous(i, &q.dbl)
	case "'":
		return it.ambiguous(i, &q.apos)
	}
	return roleNone
}

// ambiguous decides the role of a " or ' quote mark at token i from the
// white space around it. A mark with space on both sides (pre-tokenized text)
// closes a quote opened in the same sentence; right after a sentence end it
// opens a quote only if another such mark follows before the next sentence
// end ('gesagt . " Dann' closes, 'gesagt . " Wir kommen " , sagte' opens).
func (it *sentIter) ambiguous(i int, open *bool) uint8 {
	t := &it.toks[i]
	s := it.text
	before, after := true, true
	if t.Start > 0 && t.Start <= len(s) {
		before = spaceBefore(s, t.Start) || opensAt(s, t.Start-1)
	}
	if t.End >= 0 && t.End < len(s) {
		after = isSpaceOrEnd(s, t.End)
	}
	switch {
	case before && !after:
		*open = true
		return roleOpen
	case !before && after:
		*open = false
		return roleClose
	}
	if *open {
		*open = false
		return roleClose
	}
	if i > 0 && it.terminal(i-1) != endNone {
		for k := i + 1; k < len(it.toks) && k < i+quoteLook; k++ {
			if it.toks[k].Text == t.Text {
				*open = true
				return roleOpen
			}
			if it.terminal(k) == endStrong {
				break
			}
		}
		return roleClose
	}
	*open = true
	return roleOpen
}

// quoteLook is how many tokens ambiguous looks ahead for a closing mark.
const quoteLook = 60
