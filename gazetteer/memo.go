package gazetteer

import "github.com/kenner-nlp/kenner/internal/tokenize"

// A Memo remembers, per word of a caller's vocabulary, what MatchTokens
// looks up about a token as written: whether a surface may start with it,
// its class in the matcher's tables and the class of its adjective stem.
// These look-ups go to tables too large for the CPU cache, while the words
// of news text repeat; a caller that numbers its words (as the entity
// extractor does) passes a Memo to MatchTokensMemo, and each word is looked
// up once. The zero Memo is ready to use. A Memo is not safe for
// concurrent use.
type Memo struct {
	g     *Gazetteer
	words []memoWord
}

// memoWord is what a Memo keeps for one word; a look-up is done when its
// bit in done is set.
type memoWord struct {
	class, adj uint32
	done, val  uint8 // bits of the memo* kinds below
}

const (
	memoMay   uint8 = 1 << iota // mayStart
	memoStart                   // in the filter of first tokens, with a class
	memoKey                     // in the filter of all tokens, with a class
	memoAdj                     // adjLookup found a class
	memoClass                   // the class look-up (done bit only)
)

// Reset forgets every word: call it when the numbers of words change.
func (mm *Memo) Reset() {
	clear(mm.words)
	mm.words = mm.words[:0]
}

// MatchTokensMemo is MatchTokens for a caller that numbers its words:
// ids[i] is the number (>= 0) of the word toks[i].Text in the caller's
// vocabulary, or -1, and tokens with one number have the same text. memo
// keeps what was looked up per number across calls (see Memo); used with
// another Gazetteer it starts afresh. The matches are those of MatchTokens.
func (g *Gazetteer) MatchTokensMemo(text string, toks []tokenize.Token, ids []int32, memo *Memo, dst []Match) []Match {
	if memo != nil && memo.g != g {
		memo.Reset()
		memo.g = g
	}
	return g.matchTokens(text, toks, ids, memo, dst)
}

// word returns the memo entry of token k, or nil when there is none: no
// memo, no number, or an all-caps token (whose look-ups also fill the
// folding buffer of st).
func (st *matchState) word(toks []tokenize.Token, k int) *memoWord {
	if st.memo == nil || k >= len(st.ids) || st.ids[k] < 0 || toks[k].Flags&tokenize.AllCaps != 0 {
		return nil
	}
	id := int(st.ids[k])
	ws := st.memo.words
	if id >= len(ws) {
		if id < cap(ws) {
			ws = ws[:id+1]
		} else {
			ws = append(ws, make([]memoWord, id+1-len(ws))...)
		}
		st.memo.words = ws
	}
	return &ws[id]
}

// mayStartAt is mayStart of toks[k], through the memo.
func (m *matcher) mayStartAt(st *matchState, toks []tokenize.Token, k int) bool {
	w := st.word(toks, k)
	if w == nil {
		return m.mayStart(&toks[k])
	}
	if w.done&memoMay == 0 {
		w.done |= memoMay
		if m.mayStart(&toks[k]) {
			w.val |= memoMay
		}
	}
	return w.val&memoMay != 0
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
