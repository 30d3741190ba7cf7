package tagger

import (
	"unicode/utf8"
)

// Features collects the hashed features of a sequence, token by token. A
// [FeatureFunc] calls Add for each feature of token 0, then Next, then the
// features of token 1, Next, and so on: exactly one Next per token.
// Buffers are reused between sequences, so collecting features does not
// allocate once they have grown.
type Features struct {
	Hashes  []uint64 // the features of all tokens, token by token
	Ends    []int32  // Ends[i] is the end of token i's features in Hashes
	Scratch []uint64 // free for the FeatureFunc to use; kept between calls
	buf     []byte
}

// Reset empties f, keeping its buffers.
func (f *Features) Reset() {
	f.Hashes = f.Hashes[:0]
	f.Ends = f.Ends[:0]
}

// Add adds feature h to the current token. (Hash 0 is stored as 1: 0 marks
// free slots in the model's table.)
func (f *Features) Add(h uint64) {
	if h == 0 {
		h = 1
	}
	f.Hashes = append(f.Hashes, h)
}

// Next closes the current token.
func (f *Features) Next() { f.Ends = append(f.Ends, int32(len(f.Hashes))) }

// Token returns the features of token i.
func (f *Features) Token(i int) []uint64 {
	start := int32(0)
	if i > 0 {
		start = f.Ends[i-1]
	}
	return f.Hashes[start:f.Ends[i]]
}

// FeatureFunc computes the features of every token of s into f (f is reset
// by the caller). It must call f.Next exactly once per token, and must be
// deterministic: the same sequence gives the same features.
type FeatureFunc func(s *Sequence, f *Features)

// FeatureSet is a named feature function. The name is stored in a model,
// so that a model is used with the features it was trained with; change the
// name whenever the function changes.
type FeatureSet struct {
	Name string
	Func FeatureFunc

	cached bool // Func is defaultFeatures: Tagger may use its word cache
}

// StringFeatures turns a feature function that emits feature strings (e.g.
// "w=Berlin", "suf3=lin") into a FeatureFunc that hashes them. It is
// convenient for experiments; the hashed DefaultFeatures are much faster.
func StringFeatures(fn func(s *Sequence, i int, emit func(feat string))) FeatureFunc {
	return func(s *Sequence, f *Features) {
		emit := func(feat string) { f.Add(HashString(feat)) }
		for i := range s.Tokens {
			fn(s, i, emit)
			f.Next()
		}
	}
}

// DefaultFeatures returns the default feature set for German NER:
//
//   - the word, its lower-case form, stem, shape and short shape;
//   - lower-case prefixes and suffixes of 1–4 characters;
//   - capitalisation and sentence position, all-caps, digit, hyphen and
//     apostrophe flags (computed from Text with [TextFlags], so that they do
//     not depend on who filled Token.Flags; only SentStart is read from
//     Token.Flags, and the first token always counts as a sentence start);
//   - the first and last part of hyphenated words;
//   - a window of ±2 tokens: lower-case words and short shapes, word and
//     shape bigrams;
//   - gazetteer hits (type, form, B/I position, ambiguity) of the token and
//     of its neighbours, rule hits, first names (of the token and the one
//     before), and lower-case-elsewhere.
//
// Label bigram transitions are part of the model itself. All features are
// computed without allocation from the Token fields; Lower and Shape are
// computed from Text when empty, Stem features are left out when Stem is
// empty.
func DefaultFeatures() FeatureSet {
	return FeatureSet{Name: "kenner-default-1", Func: defaultFeatures, cached: true}
}

// Template ids of the default features. They are part of the model format.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tStem
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tFlags
	tCapStart
	tHypFirst
	tHypLast
	tLowerM2
	tLowerM1
	tLowerP1
	tLowerP2
	tShortM2
	tShortM1
	tShortP1
	tShortP2
	tBigramL
	tBigramR
	tShapeTri
	tGaz
	tGazType
	tGazPrev
	tGazNext
	tRule
	tFirst
	tFirstPrev
	tFirstNext
	tLowerElse
)

// Per-token base values, stride slots in Features.Scratch.
const (
	sWord = iota
	sLower
	sStem
	sShape
	sShort
	sPre1
	sSuf1  = sPre1 + 4
	sHyp1  = sSuf1 + 4
	sHyp2  = sHyp1 + 1
	sGaz   = sHyp2 + 1
	sFlag  = sGaz + 1 // flags | 1<<16 first name
	stride = sFlag + 1
)

// pad is the number of padding positions on each side.
const pad = 2

var (
	hBOS = HashString("<s>")
	hEOS = HashString("</s>")
)

func defaultFeatures(s *Sequence, f *Features) {
	n := len(s.Tokens)
	need := (n + 2*pad) * stride
	if cap(f.Scratch) < need {
		f.Scratch = make([]uint64, need)
	}
	sc := f.Scratch[:need]
	for p := 0; p < pad; p++ {
		fillPad(sc[p*stride:(p+1)*stride], hBOS)
		fillPad(sc[(n+pad+p)*stride:(n+pad+p+1)*stride], hEOS)
	}
	for i := range s.Tokens {
		f.buf = baseValues(sc[(i+pad)*stride:(i+pad+1)*stride], &s.Tokens[i], i, f.buf)
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		b := sc[(i+pad)*stride:]
		m1 := sc[(i+pad-1)*stride:]
		m2 := sc[(i+pad-2)*stride:]
		p1 := sc[(i+pad+1)*stride:]
		p2 := sc[(i+pad+2)*stride:]

		f.Add(Mix(tBias, 0))
		f.Add(Mix(tWord, b[sWord]))
		f.Add(Mix(tLower, b[sLower]))
		if b[sStem] != 0 {
			f.Add(Mix(tStem, b[sStem]))
		}
		f.Add(Mix(tShape, b[sShape]))
		f.Add(Mix(tShort, b[sShort]))
		for k := 0; k < 4; k++ {
			if h := b[sPre1+k]; h != 0 {
				f.Add(Mix(tPre1+uint64(k), h))
			}
			if h := b[sSuf1+k]; h != 0 {
				f.Add(Mix(tSuf1+uint64(k), h))
			}
		}
		flags := b[sFlag]
		f.Add(Mix(tFlags, flags&0x7f))
		f.Add(Mix(tCapStart, flags&uint64(Upper|SentStart)))
		if b[sHyp1] != 0 {
			f.Add(Mix(tHypFirst, b[sHyp1]))
			f.Add(Mix(tHypLast, b[sHyp2]))
		}
		f.Add(Mix(tLowerM2, m2[sLower]))
		f.Add(Mix(tLowerM1, m1[sLower]))
		f.Add(Mix(tLowerP1, p1[sLower]))
		f.Add(Mix(tLowerP2, p2[sLower]))
		f.Add(Mix(tShortM2, m2[sShort]))
		f.Add(Mix(tShortM1, m1[sShort]))
		f.Add(Mix(tShortP1, p1[sShort]))
		f.Add(Mix(tShortP2, p2[sShort]))
		f.Add(Mix(Mix(tBigramL, m1[sLower]), b[sLower]))
		f.Add(Mix(Mix(tBigramR, b[sLower]), p1[sLower]))
		f.Add(Mix(Mix(Mix(tShapeTri, m1[sShort]), b[sShort]), p1[sShort]))
		for _, g := range t.Gaz {
			f.Add(Mix(tGaz, gazHash(g, true)))
			f.Add(Mix(tGazType, gazHash(g, false)))
		}
		if m1[sGaz] != 0 {
			f.Add(Mix(tGazPrev, m1[sGaz]))
		}
		if p1[sGaz] != 0 {
			f.Add(Mix(tGazNext, p1[sGaz]))
		}
		if t.Rule != "" {
			f.Add(Mix(tRule, HashString(t.Rule)))
		}
		if t.FirstName {
			f.Add(Mix(tFirst, flags&uint64(Upper)))
		}
		if m1[sFlag]&(1<<16) != 0 {
			f.Add(Mix(tFirstPrev, b[sShort]))
		}
		if p1[sFlag]&(1<<16) != 0 {
			f.Add(Mix(tFirstNext, 1))
		}
		if t.LowerElsewhere {
			f.Add(Mix(tLowerElse, flags&uint64(Upper|SentStart)))
		}
		f.Next()
	}
}

func fillPad(b []uint64, h uint64) {
	for k := range b {
		b[k] = 0
	}
	b[sWord], b[sLower], b[sShape], b[sShort] = h, h, h, h
}

// gazHash hashes a gazetteer hit: type and B/I, with form and ambiguity when
// full is set.
func gazHash(g GazHit, full bool) uint64 {
	h := HashString(g.Type)
	if g.Begin {
		h = Mix(h, 'B')
	} else {
		h = Mix(h, 'I')
	}
	if full {
		h = Mix(h, HashString(g.Form))
		if g.Ambiguous {
			h = Mix(h, 'a')
		}
	}
	return h
}

// baseValues fills the per-token base values of t (position i) into b,
// using buf as scratch; it returns the (possibly grown) buffer.
func baseValues(b []uint64, t *Token, i int, buf []byte) []byte {
	for k := range b {
		b[k] = 0
	}
	b[sWord] = HashString(t.Text)
	// lower-case form, prefixes, suffixes
	var lower []byte
	if t.Lower != "" {
		buf = append(buf[:0], t.Lower...)
	} else {
		buf = appendLower(buf[:0], t.Text)
	}
	lower = buf
	b[sLower] = hashBytes(lower)
	h := uint64(fnvOffset)
	runes := 0
	for j := 0; j < len(lower) && runes < 4; {
		_, sz := utf8.DecodeRune(lower[j:])
		for _, c := range lower[j : j+sz] {
			h ^= uint64(c)
			h *= fnvPrime
		}
		j += sz
		b[sPre1+runes] = h
		runes++
	}
	end := len(lower)
	for k := 0; k < 4 && end > 0; k++ {
		_, sz := utf8.DecodeLastRune(lower[:end])
		end -= sz
		b[sSuf1+k] = hashBytes(lower[end:])
	}
	// hyphen parts
	// Flags from the text, so that they do not depend on who filled
	// Token.Flags; only SentStart is taken from the token.
	flags := TextFlags(t.Text) | t.Flags&SentStart
	if i == 0 {
		flags |= SentStart
	}
	if flags&Hyphen != 0 {
		if k := indexByte(lower, '-'); k > 0 {
			b[sHyp1] = hashBytes(lower[:k])
			l := lastIndexByte(lower, '-')
			b[sHyp2] = hashBytes(lower[l+1:])
		}
	}
	if t.Stem != "" {
		b[sStem] = HashString(t.Stem)
	}
	// shapes
	start := len(buf)
	if t.Shape != "" {
		buf = append(buf, t.Shape...)
	} else {
		buf = appendShape(buf, t.Text, 4)
	}
	shape := buf[start:]
	b[sShape] = hashBytes(shape)
	// short shape: collapse runs of the shape
	h = uint64(fnvOffset)
	var prev rune = -1
	for j := 0; j < len(shape); {
		r, sz := utf8.DecodeRune(shape[j:])
		if r != prev {
			for _, c := range shape[j : j+sz] {
				h ^= uint64(c)
				h *= fnvPrime
			}
			prev = r
		}
		j += sz
	}
	b[sShort] = h
	// gazetteer summary for the neighbours
	if len(t.Gaz) > 0 {
		g := uint64(1)
		for _, hit := range t.Gaz {
			g = Mix(g, gazHash(hit, false))
		}
		b[sGaz] = g
	}
	b[sFlag] = uint64(flags)
	if t.FirstName {
		b[sFlag] |= 1 << 16
	}
	return buf
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func lastIndexByte(b []byte, c byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}
