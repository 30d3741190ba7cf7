package gazetteer

import (
	"slices"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Match is one occurrence of gazetteer names in a text.
//
// All offsets are UTF-8 byte offsets into the text given to MatchTokens (or
// Match, Lookup), end exclusive: text[m.Start:m.End] is the matched token or
// token sequence, text[m.PartStart:m.PartEnd] the name inside it.
type Match struct {
	Start, End  int // byte span of the whole matched token(s)
	First, Last int // token indices [First, Last)
	// Form is FormName for a name or alias (Putin, Putins), FormDeriv for a
	// derived word (russische, Pariser) and FormPart for a name inside a
	// compound token (Nato-Staaten, Kremlchef).
	//
	// A derived adjective inside a hyphenated token (deutsch-französischen)
	// is reported with Form FormDeriv and PartStart:PartEnd on the part, one
	// Match per part. So: PartStart:PartEnd differs from Start:End exactly
	// when the match is inside a compound token.
	Form Form
	// PartStart, PartEnd: byte span of the name itself. For FormPart it is
	// the name inside the token (EU in EU-Kommission, Kreml in Kremlchef);
	// for whole-token matches it equals Start, End.
	PartStart, PartEnd int
	// Entries are the candidates, best first (prior, then population, then
	// freq, then ID). The slice is shared: do not modify it.
	Entries []*Entry
	// Inflected is set when the match needed an ending to be stripped or a
	// name-internal adjective to be inflected: Putins, Merz', Bundestages,
	// Vereinigten Staaten, russischen, Russische.
	Inflected bool
	// Folded is set when an all-caps token matched a name of different case
	// (MOSKAU for Moskau). An all-caps alias matched as written (NATO, EU)
	// is not folded.
	Folded bool
}

// Text returns the matched text text[m.Start:m.End].
func (m *Match) Text(text string) string { return text[m.Start:m.End] }

// Part returns the name inside the match, text[m.PartStart:m.PartEnd].
func (m *Match) Part(text string) string { return text[m.PartStart:m.PartEnd] }

// MatchTokens finds gazetteer names in text, given its tokens from package
// internal/tokenize (Tokenize or AppendTokens on the same text), and appends
// the matches to dst in text order.
//
// Matching rules, in short (the package documentation has the details):
//   - Names of several tokens (Frankfurt am Main, Vereinigte Staaten) match
//     as a whole; of overlapping candidates the longest wins, then the
//     earliest.
//   - Case is exact (essen does not match Essen), except that all-caps
//     tokens match case-insensitively (MOSKAU; Folded is then set).
//   - The last token may carry a genitive or plural ending (Putins, Merz',
//     Bundestages, Grünen) when the stripped form is a name and the token
//     itself is not; adjectives inside names may be inflected (Vereinigten
//     Staaten). Inflected is then set.
//   - Derived adjectives inflect (russisch, russische, Russischen), derived
//     nouns match as written (Russen, Pariser).
//   - A name inside a hyphenated token (Nato-Staaten) or at the start of a
//     closed compound with a known head (Kremlchef) gives a FormPart match,
//     unless the whole token is a name (Nordrhein-Westfalen).
//
// Several matches may share one span: a name and a derived form of different
// entries (one Match per form), or several parts of one hyphenated token.
// MatchTokens does not allocate except for growing dst (and, rarely, when
// candidates of one span must be merged).
func (g *Gazetteer) MatchTokens(text string, toks []tokenize.Token, dst []Match) []Match {
	return g.matchTokens(text, toks, nil, nil, dst)
}

// matchTokens is MatchTokens and MatchTokensMemo (ids and memo nil for
// the former).
func (g *Gazetteer) matchTokens(text string, toks []tokenize.Token, ids []int32, memo *Memo, dst []Match) []Match {
	m := g.m
	if m == nil || len(m.vars) == 0 {
		return dst
	}
	st := matchState{ids: ids, memo: memo}
	base := len(dst)
	for i := range toks {
		t := &toks[i]
		if m.mayStartAt(&st, toks, i) {
			if c := m.walk(&st, toks, i); c.end > 0 {
				mt := Match{Start: t.Start, End: toks[c.end-1].End, First: i, Last: c.end}
				mt.PartStart, mt.PartEnd = mt.Start, mt.End
				dst = m.emit(&st, dst, toks, i, &c, mt, false)
				continue
			}
		}
		if t.Kind != tokenize.Word {
			continue
		}
		switch {
		case t.Flags&tokenize.Hyphen != 0:
			// The parts are walked as tokens of their own: no word numbers.
			st.ids = nil
			dst = m.matchParts(&st, dst, t, i)
			st.ids = ids
		case t.Flags&(tokenize.Upper|tokenize.AllCaps) == tokenize.Upper && len(t.Text) >= 8:
			dst = m.matchCompound(&st, dst, t, i)
		}
	}
	return resolveOverlaps(dst, base)
}

// mayStart reports whether a match may start at token t: whether t may be
// the first token of a surface, or a one-token surface with an ending
// (Putins, russischen), or a name-internal adjective. It is a cheap
// necessary condition that spares most tokens the walk; hyphenated tokens
// and closed compounds are not covered.
func (m *matcher) mayStart(t *tokenize.Token) bool {
	s := t.Text
	n := len(s)
	if n == 0 {
		return false
	}
	if t.Flags&tokenize.AllCaps != 0 {
		return true // folded: the walk decides
	}
	if m.startX.has(s) {
		return true
	}
	if t.Kind != tokenize.Word || n < 2 || len(suffixesByLast[s[n-1]]) == 0 {
		return false
	}
	if t.Flags&tokenize.Upper != 0 || firstUpper(s) {
		return true // name endings, adjectives inside names
	}
	// Lower case: only a derived adjective with an ending (russischen).
	e := adjEnding(s[n-1], s[n-2])
	return e != "" && n > len(e) && m.keysX.has(s[:n-len(e)])
}

// matchState is the per-call scratch space of MatchTokens (on the stack).
type matchState struct {
	fbuf  [96]byte           // folded form of the current all-caps token
	flen  int                // length of the folded form in fbuf, -1 if none
	kbuf  [96]byte           // folded key of a map lookup
	spans [16]tokenize.Span  // hyphen parts
	parts [16]tokenize.Token // hyphen parts as tokens
	one   [1]tokenize.Token  // several hyphen parts joined as one token
	ids   []int32            // the caller's word numbers (MatchTokensMemo)
	memo  *Memo
}

// cand is a candidate match found by a walk.
type cand struct {
	end  int    // token index after the match; 0: none
	node int32  // trie node of the match
	kind int8   // suffix kind stripped from the last token, -1 for none
	adj  uint16 // bit j: token j matched a name-internal adjective class
	stem string // the last token without the suffix (not for all-caps tokens)
}

// wstate is a state of a walk: a trie node and the adjective positions.
type wstate struct {
	nd  int32
	adj uint16
}

// maxStates bounds the states of a walk (a token may match its own class
// and the class of a name-internal adjective).
const maxStates = 4

// lookup returns the class of token t. An all-caps token is folded into
// st.fbuf (for strip and adjLookup); another token is tested against the
// filter as written and folded only for the map lookup. At the start of a
// walk only tokens that start a surface count, and a lower-case token only
// when some surface starts in lower case with its class (essen and der do
// not start a name; russisch does).
func (m *matcher) lookup(st *matchState, t *tokenize.Token, start bool) (uint32, bool) {
	if t.Flags&tokenize.AllCaps != 0 {
		f := foldInto(&st.fbuf, t.Text)
		if f == nil {
			st.flen = -1
			return 0, false
		}
		st.flen = len(f)
		filter := m.keysF
		if start {
			filter = m.startF
		}
		if !filter.hasBytes(f) {
			return 0, false
		}
		v, ok := m.folded[string(f)]
		return v, ok
	}
	st.flen = -1
	filter := m.keysX
	if start {
		filter = m.startX
	}
	if !filter.has(t.Text) {
		return 0, false
	}
	return m.classOf(st, t.Text)
}

// classOf returns the class of s (a token or stem as written, which has
// passed a filter).
func (m *matcher) classOf(st *matchState, s string) (uint32, bool) {
	f := foldInto(&st.kbuf, s)
	if f == nil {
		return 0, false
	}
	v, ok := m.folded[string(f)]
	return v, ok
}

// adjEnding returns the adjective ending of s, chosen by its last byte
// (the endings -en, -em, -er, -es and -e differ there), or "".
func adjEnding(last, prev byte) string {
	switch last {
	case 'e':
		return "e"
	case 'n', 'm', 'r', 's':
		if prev == 'e' {
			return adjEndingText[last]
		}
	}
	return ""
}

var adjEndingText = [256]string{'n': "en", 'm': "em", 'r': "er", 's': "es"}

// adjLookup returns the class of the name-internal adjective stem of t
// (Vereinigten → vereinigt), after lookup has run on t. The token must be
// capitalised or all caps.
func (m *matcher) adjLookup(st *matchState, t *tokenize.Token) (uint32, bool) {
	if t.Kind != tokenize.Word || len(m.adjF) == 0 || len(t.Text) < minAdjStem+1 {
		return 0, false
	}
	if t.Flags&tokenize.AllCaps != 0 {
		if st.flen < minAdjStem+1 {
			return 0, false
		}
		fb := st.fbuf[:st.flen]
		e := adjEnding(fb[len(fb)-1], fb[len(fb)-2])
		l := len(fb) - len(e)
		if e == "" || l < minAdjStem || !m.adjFil.has(last2b(fb[:l])) || !m.keysF.hasBytes(fb[:l]) {
			return 0, false
		}
		c, ok := m.adjF[string(fb[:l])]
		return c, ok
	}
	s := t.Text
	if t.Flags&tokenize.Upper == 0 && !firstUpper(s) {
		return 0, false
	}
	e := adjEnding(s[len(s)-1], s[len(s)-2])
	l := len(s) - len(e)
	if e == "" || l < minAdjStem || !m.adjFil.has(last2(s[:l])) || !m.keysX.has(s[:l]) {
		return 0, false
	}
	f := foldInto(&st.kbuf, s[:l])
	if f == nil {
		return 0, false
	}
	c, ok := m.adjF[string(f)]
	return c, ok
}

// step returns the child of trie node nd (0: the root) for class c, or 0.
func (m *matcher) step(nd int32, c uint32) int32 {
	if nd == 0 {
		return m.roots[c]
	}
	return m.edges[uint64(nd)<<32|uint64(c)]
}

// walk finds the longest surface that starts at toks[i].
func (m *matcher) walk(st *matchState, toks []tokenize.Token, i int) cand {
	var best cand
	var cur, next [maxStates]wstate
	ncur := 1
	limit := min(len(toks), i+m.maxLen)
	k := i
	// The first step depends on the word (see firstStep): from the memo
	// when it has it.
	w := st.word(toks, i)
	if w != nil && w.done&memoFirst != 0 && int(w.first.stemL) <= len(toks[i].Text) {
		f := &w.first
		if f.node != 0 {
			best = cand{end: i + 1, node: f.node, kind: f.kind}
			if f.kind >= 0 {
				best.stem = toks[i].Text[:f.stemL]
			}
		}
		ncur = copy(cur[:], f.next[:f.n]) // with nothing after i, the loop below ends at once
		k = i + 1
	}
	for ; k < limit && ncur > 0; k++ {
		t := &toks[k]
		v, inVocab := m.lookupAt(st, toks, k, k == i)
		if inVocab && k == i && m.cflags[v]&cfLowerStart == 0 && firstLower(t.Text) {
			inVocab = false // essen, der: no surface starts in lower case
		}
		known := inVocab && m.cflags[v]&(cfSingle|cfGiven) != 0
		var ac uint32
		hasAdj := false
		if k+1 < limit {
			ac, hasAdj = m.adjLookupAt(st, toks, k)
		}
		nn := 0
		found := false
		for s := 0; s < ncur; s++ {
			p := cur[s]
			if inVocab {
				if child := m.step(p.nd, v); child != 0 {
					if !found && m.nodes[child].vn > 0 {
						c := cand{end: k + 1, node: child, kind: -1, adj: p.adj}
						if m.verifyAny(st, toks, i, &c) {
							best, found = c, true
						}
					}
					if nn < maxStates {
						next[nn] = wstate{child, p.adj}
						nn++
					}
				}
			}
			if hasAdj && nn < maxStates {
				if child := m.step(p.nd, ac); child != 0 {
					next[nn] = wstate{child, p.adj | 1<<(k-i)}
					nn++
				}
			}
		}
		if !found && t.Kind == tokenize.Word {
			for s := 0; s < ncur; s++ {
				if c, ok := m.stripAt(st, toks, i, k, cur[s], known); ok {
					best = c
					break
				}
			}
		}
		cur, ncur = next, nn
		if k == i && w != nil && i+1 < limit && nn <= len(w.first.next) && len(best.stem) < 256 {
			w.done |= memoFirst
			w.first = firstStep{node: best.node, kind: best.kind, stemL: uint8(len(best.stem)), n: uint8(nn)}
			copy(w.first.next[:], cur[:nn])
		}
	}
	return best
}

// suffix is a suffix kind with one of its spellings.
type suffix struct {
	kind int
	text string
}

// suffixesByLast lists the suffixes to try by the last byte of a token, in
// order of preference (the order of the kinds).
var suffixesByLast = func() (t [256][]suffix) {
	for kind := 0; kind < numSfx; kind++ {
		spellings := []string{sfxText[kind]}
		if kind == sfxApos {
			spellings = []string{"'s", "’s", "'", "’"}
		}
		for _, sp := range spellings {
			l := sp[len(sp)-1]
			t[l] = append(t[l], suffix{kind, sp})
		}
	}
	return t
}()

// strip tries the suffix kinds on the last token toks[k] of a walk from
// toks[i] in state p. Name endings are stripped only from a capitalised
// token that is not itself a one-token surface or a first name.
func (m *matcher) strip(st *matchState, toks []tokenize.Token, i, k int, p wstate, known bool) (cand, bool) {
	t := &toks[k]
	s := t.Text
	caps := t.Flags&tokenize.AllCaps != 0
	var fb []byte
	if caps {
		if st.flen < 2 {
			return cand{}, false
		}
		fb = st.fbuf[:st.flen]
	} else if len(s) < 2 {
		return cand{}, false
	}
	var sfxs []suffix
	if caps {
		sfxs = suffixesByLast[fb[len(fb)-1]]
	} else {
		sfxs = suffixesByLast[s[len(s)-1]]
	}
	if len(sfxs) == 0 {
		return cand{}, false
	}
	nameOK := !known && (caps || t.Flags&tokenize.Upper != 0 || firstUpper(s))
	for _, sfx := range sfxs {
		kind := sfx.kind
		if kind < sfxAE && !nameOK {
			continue
		}
		var v uint32
		var ok bool
		c := cand{end: k + 1, kind: int8(kind), adj: p.adj}
		if caps {
			l := len(fb) - len(sfx.text)
			if l <= 0 || string(fb[l:]) != sfx.text || !m.filter[kind].has(last2b(fb[:l])) || !m.keysF.hasBytes(fb[:l]) {
				continue
			}
			v, ok = m.folded[string(fb[:l])]
		} else {
			l := len(s) - len(sfx.text)
			if l <= 0 || s[l:] != sfx.text || !m.filter[kind].has(last2(s[:l])) || !m.keysX.has(s[:l]) {
				continue
			}
			c.stem = s[:l]
			v, ok = m.classOf(st, c.stem)
		}
		if !ok {
			continue
		}
		c.node = m.step(p.nd, v)
		if c.node == 0 || m.nodes[c.node].vn == 0 {
			continue
		}
		if m.verifyAny(st, toks, i, &c) {
			return c, true
		}
	}
	return cand{}, false
}

// last2b is last2 for a byte slice.
func last2b(b []byte) uint16 {
	switch len(b) {
	case 0:
		return 0
	case 1:
		return uint16(b[0])
	}
	return uint16(b[len(b)-2])<<8 | uint16(b[len(b)-1])
}

// verifyAny reports whether some variant at c.node matches toks[i:c.end].
func (m *matcher) verifyAny(st *matchState, toks []tokenize.Token, i int, c *cand) bool {
	nd := m.nodes[c.node]
	for _, vi := range m.vidx[nd.v0 : nd.v0+nd.vn] {
		if ok, _, _ := m.verify(&m.vars[vi], toks, i, c); ok {
			return true
		}
	}
	return false
}

// verify checks the case of toks[i:c.end] against variant v (whose tokens
// fold like them): each token must be as written, or all caps (folded), or
// a name-internal adjective with any ending (bit set in c.adj), or the
// capitalised first token of an adjective stem. The last token is compared
// without the suffix c.kind, which v must allow.
func (m *matcher) verify(v *variant, toks []tokenize.Token, i int, c *cand) (ok, folded, infl bool) {
	if c.kind >= 0 && v.allow&(1<<c.kind) == 0 {
		return false, false, false
	}
	n := c.end - i
	if int(v.ntok) != n {
		return false, false, false
	}
	for j := 0; j < n; j++ {
		w := m.tok(v.tok0 + int32(j))
		t := &toks[i+j]
		caps := t.Flags&tokenize.AllCaps != 0
		s := t.Text
		if j == n-1 && c.kind >= 0 {
			if caps {
				folded = true
				continue
			}
			s = c.stem
		}
		switch {
		case s == w:
		case caps:
			folded = true
		case c.adj&(1<<j) != 0:
			infl = true
		case v.adj && j == 0 && isCapitalizedOf(s, w):
		default:
			return false, false, false
		}
	}
	if c.kind >= 0 {
		infl = true
	}
	return true, folded, infl
}

// emit appends the matches of candidate c (a walk over toks from i) to
// dst: one Match per form, with the entries of all variants that pass the
// case check. When some variant matches without case folding, the folded
// ones are dropped (exact case first). In part mode a name has FormPart.
func (m *matcher) emit(st *matchState, dst []Match, toks []tokenize.Token, i int, c *cand, mt Match, part bool) []Match {
	nd := m.nodes[c.node]
	vars := m.vidx[nd.v0 : nd.v0+nd.vn]
	if len(vars) > 64 {
		vars = vars[:64]
	}
	// One verification per variant: bit k of okSet, foldSet, inflSet.
	var okSet, foldSet, inflSet uint64
	for k, vi := range vars {
		if ok, folded, infl := m.verify(&m.vars[vi], toks, i, c); ok {
			okSet |= 1 << k
			if folded {
				foldSet |= 1 << k
			}
			if infl {
				inflSet |= 1 << k
			}
		}
	}
	if okSet&^foldSet != 0 {
		okSet &^= foldSet // exact case first
	}
	for _, form := range [2]Form{FormName, FormDeriv} {
		var sel uint64
		var first *variant
		n := 0
		for k, vi := range vars {
			if okSet&(1<<k) == 0 || m.vars[vi].form != form {
				continue
			}
			if n == 0 {
				first = &m.vars[vi]
			}
			sel |= 1 << k
			n++
		}
		if n == 0 {
			continue
		}
		entries := m.entries(first)
		if n > 1 {
			entries = m.mergedEntries(vars, sel, n, first)
		}
		mm := mt
		mm.Form = form
		if part && form == FormName {
			mm.Form = FormPart
		}
		mm.Entries = entries
		mm.Inflected = inflSet&sel != 0
		mm.Folded = foldSet&sel != 0
		dst = append(dst, mm)
	}
	return dst
}

// mergedEntries returns the entries of the n selected variants (bit k of
// sel for vars[k]), best first: the precomputed list of their surface group
// when they form a whole group, else a new merged list.
func (m *matcher) mergedEntries(vars []int32, sel uint64, n int, first *variant) []*Entry {
	if g := first.group; g >= 0 && int(m.groups[g].n) == n && len(vars) <= 64 {
		same := true
		for k, vi := range vars {
			if sel&(1<<k) != 0 && m.vars[vi].group != g {
				same = false
				break
			}
		}
		if same {
			gr := &m.groups[g]
			return m.ents[gr.e0 : gr.e0+gr.en : gr.e0+gr.en]
		}
	}
	var out []*Entry
	for k := range min(len(vars), 64) {
		if sel&(1<<k) == 0 {
			continue
		}
		if out == nil {
			out = m.entries(&m.vars[vars[k]])
			continue
		}
		out = mergeEntries(out, m.entries(&m.vars[vars[k]]))
	}
	return out
}

// mergeEntries returns the union of two best-first entry lists, best first.
func mergeEntries(a, b []*Entry) []*Entry {
	out := make([]*Entry, 0, len(a)+len(b))
	out = append(out, a...)
	for _, e := range b {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, compareEntries)
	return out
}

// matchParts matches the parts of a hyphenated token toks[ti]: the longest
// name or derived form at each part (several parts joined, as in
// Baden-Württemberg-Wahl, or a multi-token name, as in New-York-Reise).
func (m *matcher) matchParts(st *matchState, dst []Match, t *tokenize.Token, ti int) []Match {
	spans := tokenize.Parts(*t, st.spans[:0])
	n := len(spans)
	if n < 2 || n > len(st.parts) {
		return dst
	}
	for j, sp := range spans {
		if sp.Start < t.Start || sp.End > t.End || sp.Start >= sp.End {
			return dst
		}
		txt := t.Text[sp.Start-t.Start : sp.End-t.Start]
		st.parts[j] = partToken(txt, sp.Start, sp.End)
	}
	pt := st.parts[:n]
	for p := 0; p < n; {
		if utf8.RuneCountInString(pt[p].Text) < 2 {
			p++
			continue
		}
		var c cand
		q := 0
		joined := false
		hi := n
		if p == 0 {
			hi = n - 1 // the whole token has been tried already
		}
		for qq := hi; qq >= p+2; qq-- {
			st.one[0] = partToken(t.Text[pt[p].Start-t.Start:pt[qq-1].End-t.Start], pt[p].Start, pt[qq-1].End)
			if cc := m.walk(st, st.one[:], 0); cc.end > 0 {
				c, q, joined = cc, qq, true
				break
			}
		}
		if q == 0 {
			if cc := m.walk(st, pt, p); cc.end > p {
				c, q = cc, cc.end
			}
		}
		if q == 0 {
			p++
			continue
		}
		mt := Match{Start: t.Start, End: t.End, First: ti, Last: ti + 1, PartStart: pt[p].Start, PartEnd: pt[q-1].End}
		// Parts that make up the whole token are the name itself, written
		// with hyphens (New-York for New York): a whole-token match.
		whole := mt.PartStart == mt.Start && mt.PartEnd == mt.End
		if joined {
			dst = m.emit(st, dst, st.one[:], 0, &c, mt, !whole)
		} else {
			dst = m.emit(st, dst, pt, p, &c, mt, !whole)
		}
		p = q
	}
	return dst
}

// partToken makes a word token of a hyphen part with the tokenizer's case
// flags.
func partToken(txt string, start, end int) tokenize.Token {
	var f tokenize.Flag
	up, caps := wordShape(txt)
	if up {
		f |= tokenize.Upper
	}
	if caps {
		f |= tokenize.AllCaps
	}
	return tokenize.Token{Text: txt, Start: start, End: end, Kind: tokenize.Word, Flags: f}
}

// matchCompound matches a closed compound whose first part is an ORG or
// LOC name and whose rest is a known head: Kremlchef, Natogipfel,
// Bundestagswahl (with linking s).
func (m *matcher) matchCompound(st *matchState, dst []Match, t *tokenize.Token, ti int) []Match {
	s := t.Text
	for _, h := range m.heads[s[len(s)-1]] {
		if len(s) < len(h)+4 || s[len(s)-len(h):] != h {
			continue
		}
		pre := s[:len(s)-len(h)]
		for try := 0; try < 2; try++ {
			if try == 1 {
				if pre[len(pre)-1] != 's' {
					break
				}
				pre = pre[:len(pre)-1]
			}
			if utf8.RuneCountInString(pre) < 4 {
				break
			}
			if !m.keysX.has(pre) {
				continue
			}
			v, ok := m.classOf(st, pre)
			if !ok {
				continue
			}
			nd := m.roots[v]
			if nd == 0 {
				continue
			}
			var entries []*Entry
			for _, k := range m.vidx[m.nodes[nd].v0 : m.nodes[nd].v0+m.nodes[nd].vn] {
				vr := &m.vars[k]
				if vr.form != FormName || vr.ntok != 1 || vr.cn == 0 || m.tok(vr.tok0) != pre {
					continue
				}
				if entries == nil {
					entries = m.compound(vr)
				} else {
					entries = mergeEntries(entries, m.compound(vr))
				}
			}
			if entries != nil {
				return append(dst, Match{
					Start: t.Start, End: t.End, First: ti, Last: ti + 1,
					Form: FormPart, PartStart: t.Start, PartEnd: t.Start + len(pre),
					Entries: entries,
				})
			}
		}
	}
	return dst
}

// resolveOverlaps removes, from dst[base:], the groups of matches (matches
// with the same token range) that overlap a better group: longest wins,
// then earliest. It works in place and does not allocate.
func resolveOverlaps(dst []Match, base int) []Match {
	ms := dst[base:]
	overlap := false
	pf, pl := -1, -1
	for k := range ms {
		if ms[k].First == pf && ms[k].Last == pl {
			continue
		}
		if ms[k].First < pl {
			overlap = true
			break
		}
		pf, pl = ms[k].First, ms[k].Last
	}
	if !overlap {
		return dst
	}
	type group struct{ a, b, first, last int }
	const maxGroups = 32
	var gs [maxGroups]group
	w := 0
	for k := 0; k < len(ms); {
		// A cluster: a run of groups chained by overlaps (at most
		// maxGroups; a longer run is cut, which only makes the choice
		// local).
		ng := 0
		maxLast := -1
		for k < len(ms) && ng < maxGroups {
			f, l := ms[k].First, ms[k].Last
			if ng > 0 && f >= maxLast {
				break
			}
			a := k
			for k++; k < len(ms) && ms[k].First == f && ms[k].Last == l; k++ {
			}
			gs[ng] = group{a, k, f, l}
			ng++
			maxLast = max(maxLast, l)
		}
		var keep, decided uint32
		for {
			bi := -1
			for x := 0; x < ng; x++ {
				if decided&(1<<x) == 0 && (bi < 0 || gs[x].last-gs[x].first > gs[bi].last-gs[bi].first) {
					bi = x
				}
			}
			if bi < 0 {
				break
			}
			keep |= 1 << bi
			decided |= 1 << bi
			for x := 0; x < ng; x++ {
				if gs[x].first < gs[bi].last && gs[bi].first < gs[x].last {
					decided |= 1 << x
				}
			}
		}
		for x := 0; x < ng; x++ {
			if keep&(1<<x) != 0 {
				w += copy(ms[w:], ms[gs[x].a:gs[x].b])
			}
		}
	}
	clear(ms[w:])
	return dst[:base+w]
}
