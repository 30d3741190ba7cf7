package gazetteer

import "github.com/kenner-nlp/kenner/internal/tokenize"

// A Memo remembers, per word of a caller's vocabulary, what MatchTokens
// looks up about a token as written: whether a surface may start with it,
// its class in the matcher's tables, the class of its adjective stem, the
// stems its name and adjective endings leave, and the first step of a walk
// from it. These look-ups go to tables too large for the CPU cache, while
// the words of news text repeat; a caller that numbers its words (as the
// entity extractor does) passes a Memo to MatchTokensMemo, and each word
// is looked up once. A Memo grows to the highest number it is given (53
// bytes per number). The zero Memo is ready to use. A Memo is not safe
// for concurrent use.
type Memo struct {
	g     *Gazetteer
	words []memoWord
	// may is mayStart per number (mayDone, mayYes), apart from words: it
	// is asked of every token, the rest only of tokens that may start a
	// surface, and a byte per word keeps the text's words in few cache
	// lines.
	may []uint8
}

// Bits of Memo.may.
const (
	mayDone uint8 = 1 << iota // mayStart was looked up
	mayYes                    // and holds
)

// memoWord is what a Memo keeps for one word; a look-up is done when its
// bit in done is set.
type memoWord struct {
	class, adj uint32
	done, val  uint8 // bits of the memo* kinds below
	nsfx       uint8 // stripped forms with a class (memoStrip), maxSfx+1: more
	sfx        [maxSfx]memoSfx
	first      firstStep // memoFirst
}

// firstStep is the first step of a walk from a word: the candidate that
// ends after it (node 0: none) and the states it leaves. It depends on the
// word alone, except that the state of a name-internal adjective is only
// looked for when another token follows within the walk's reach: a first
// step is kept only from such a walk.
type firstStep struct {
	node  int32
	kind  int8  // suffix kind of the candidate, -1 for none
	stemL uint8 // with a suffix: the length of the stem
	n     uint8
	next  [2]wstate
}

// memoSfx is a suffix strip can take off a word: its kind, the length of
// the stem and the stem's class.
type memoSfx struct {
	kind  int8
	l     uint8
	class uint32
}

// maxSfx bounds the stripped forms a memo keeps per word; a word with more
// is stripped without the memo.
const maxSfx = 2

const (
	memoStart uint8 = 1 << iota // in the filter of first tokens, with a class
	memoKey                     // in the filter of all tokens, with a class
	memoAdj                     // adjLookup found a class
	memoClass                   // the class look-up (done bit only)
	memoStrip                   // the stems strip may find (done bit only)
	memoFirst                   // the first step of a walk (done bit only)
)

// Reset forgets every word: call it when the numbers of words change.
func (mm *Memo) Reset() {
	clear(mm.words)
	mm.words = mm.words[:0]
	clear(mm.may)
	mm.may = mm.may[:0]
}

// MatchTokensMemo is MatchTokens for a caller that numbers its words:
// ids[i] is the number (>= 0) of the word toks[i].Text in the caller's
// vocabulary, or -1, and tokens with one number must have the same text
// (else the matches are wrong, though nothing panics). memo keeps what was
// looked up per number across calls (see Memo); used with another
// Gazetteer it starts afresh. The matches are those of MatchTokens.
func (g *Gazetteer) MatchTokensMemo(text string, toks []tokenize.Token, ids []int32, memo *Memo, dst []Match) []Match {
	if memo != nil && memo.g != g {
		memo.Reset()
		memo.g = g
	}
	return g.matchTokens(text, toks, ids, memo, dst)
}

// id returns the number of token k in the memo, or -1 when the memo is
// not for it: no memo, no number, or an all-caps token (whose look-ups
// also fill the folding buffer of st).
func (st *matchState) id(toks []tokenize.Token, k int) int {
	if st.memo == nil || k >= len(st.ids) || st.ids[k] < 0 || toks[k].Flags&tokenize.AllCaps != 0 {
		return -1
	}
	return int(st.ids[k])
}

// word returns the memo entry of token k, or nil when there is none (see
// id).
func (st *matchState) word(toks []tokenize.Token, k int) *memoWord {
	id := st.id(toks, k)
	if id < 0 {
		return nil
	}
	ws := st.memo.words
	if id >= len(ws) {
		ws = extend(ws, id)
		st.memo.words = ws
	}
	return &ws[id]
}

// extend returns s grown to hold index i (zero elements: Reset clears
// every element it has used).
func extend[T any](s []T, i int) []T {
	if i < cap(s) {
		return s[:max(len(s), i+1)]
	}
	return append(s, make([]T, i+1-len(s))...)
}

// mayStartAt is mayStart of toks[k], through the memo.
func (m *matcher) mayStartAt(st *matchState, toks []tokenize.Token, k int) bool {
	id := st.id(toks, k)
	if id < 0 {
		return m.mayStart(&toks[k])
	}
	may := st.memo.may
	if id >= len(may) {
		may = extend(may, id)
		st.memo.may = may
	}
	v := may[id]
	if v&mayDone == 0 {
		v = mayDone
		if m.mayStart(&toks[k]) {
			v |= mayYes
		}
		may[id] = v
	}
	return v&mayYes != 0
}

// lookupAt is lookup of toks[k], through the memo.
func (m *matcher) lookupAt(st *matchState, toks []tokenize.Token, k int, start bool) (uint32, bool) {
	w := st.word(toks, k)
	if w == nil {
		return m.lookup(st, &toks[k], start)
	}
	st.flen = -1 // as lookup does for a token that is not all caps
	if w.done&memoClass == 0 {
		w.done |= memoClass
		s := toks[k].Text
		inStart, inKey := m.startX.has(s), m.keysX.has(s)
		if inStart || inKey {
			if c, ok := m.classOf(st, s); ok {
				w.class = c
				if inStart {
					w.val |= memoStart
				}
				if inKey {
					w.val |= memoKey
				}
			}
		}
	}
	bit := memoKey
	if start {
		bit = memoStart
	}
	if w.val&bit == 0 {
		return 0, false
	}
	return w.class, true
}

// adjLookupAt is adjLookup of toks[k] (after lookupAt), through the memo.
func (m *matcher) adjLookupAt(st *matchState, toks []tokenize.Token, k int) (uint32, bool) {
	w := st.word(toks, k)
	if w == nil {
		return m.adjLookup(st, &toks[k])
	}
	if w.done&memoAdj == 0 {
		w.done |= memoAdj
		if c, ok := m.adjLookup(st, &toks[k]); ok {
			w.adj = c
			w.val |= memoAdj
		}
	}
	return w.adj, w.val&memoAdj != 0
}

// stripAt is strip of toks[k], through the memo: the stems of the word
// that have a class are found once; the trie step and the verification
// depend on the walk.
func (m *matcher) stripAt(st *matchState, toks []tokenize.Token, i, k int, p wstate, known bool) (cand, bool) {
	w := st.word(toks, k)
	if w == nil {
		return m.strip(st, toks, i, k, p, known)
	}
	t := &toks[k]
	s := t.Text
	if w.done&memoStrip == 0 {
		w.done |= memoStrip
		m.stems(st, s, w)
	}
	if w.nsfx > maxSfx {
		return m.strip(st, toks, i, k, p, known)
	}
	nameOK := !known && (t.Flags&tokenize.Upper != 0 || firstUpper(s))
	for _, x := range w.sfx[:w.nsfx] {
		if x.kind < sfxAE && !nameOK || int(x.l) > len(s) { // the latter: a misnumbered word
			continue
		}
		c := cand{end: k + 1, kind: x.kind, adj: p.adj, stem: s[:x.l]}
		c.node = m.step(p.nd, x.class)
		if c.node == 0 || m.nodes[c.node].vn == 0 {
			continue
		}
		if m.verifyAny(st, toks, i, &c) {
			return c, true
		}
	}
	return cand{}, false
}

// stems fills w.sfx with the suffixes strip may take off s (a token that
// is not all caps) whose stem has a class, in strip's order of preference.
func (m *matcher) stems(st *matchState, s string, w *memoWord) {
	w.nsfx = 0
	if len(s) < 2 {
		return
	}
	for _, sfx := range suffixesByLast[s[len(s)-1]] {
		l := len(s) - len(sfx.text)
		if l <= 0 || s[l:] != sfx.text || !m.filter[sfx.kind].has(last2(s[:l])) || !m.keysX.has(s[:l]) {
			continue
		}
		v, ok := m.classOf(st, s[:l])
		if !ok {
			continue
		}
		if w.nsfx == maxSfx || l > 255 {
			w.nsfx = maxSfx + 1 // too many to keep: no memo for this word
			return
		}
		w.sfx[w.nsfx] = memoSfx{kind: int8(sfx.kind), l: uint8(l), class: v}
		w.nsfx++
	}
}
