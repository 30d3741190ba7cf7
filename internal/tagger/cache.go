package tagger

import "strings"

// Emissions of the default features through a per-Tagger word cache.
//
// Of the ~38 features of a token, 26 depend on one word alone: its own
// word, lower-case, stem, shapes, affixes and hyphen parts (18), and its
// lower-case word and short shape as a neighbour at −2, −1, +1, +2 (2 per
// position). Their summed weights are cached per word, five rows of nl
// weights, so that a token costs 5 cached rows plus the ~8 look-ups of the
// features that depend on the context (flags, bigrams, gazetteer and rule
// hits, first names). Weights are integers, so the sums are exactly those
// of the uncached path (a test checks it).

// maxCachedWords bounds the words of each of the two generations of a
// Tagger's cache: when the current generation is full (checked at the start
// of a sequence), it becomes the old one, and the old one is emptied and
// reused. Words found in the old generation are copied to the current one,
// so that frequent words stay and a stream of new words costs at most
// 2×maxCachedWords entries.
const maxCachedWords = 1 << 14

// cachedWord is the token fields a cached word's rows were computed from:
// a token with the same Text but other fields gets its rows recomputed.
// They are copies owned by the cache (text: set by keep).
type cachedWord struct {
	text, lower, stem, shape string
}

// wordVals is what the emissions read of a cached word. It is kept apart
// from the word's strings, which only a look-up compares, so that the
// values of a sequence's words take few cache lines.
type wordVals struct {
	lowerH, shortH uint64 // hashes of the lower-case word and the short shape
	row            int32  // the rows start at rows[row]: self, as −2, as −1, as +1, as +2
	flags          Flag   // TextFlags(Text)
}

// Slots of a word's rows, in units of nl.
const (
	rowSelf = iota
	rowM2   // the word two tokens before
	rowM1
	rowP1
	rowP2
	nRows
)

// generation is one generation of the cache.
type generation struct {
	idx   map[string]int32
	words []cachedWord
	vals  []wordVals // by index into words
	rows  []int32
	id    uint32 // changes when the generation is emptied (for hints)
}

// reset empties g and gives it the id and the pad rows.
func (g *generation) reset(id uint32, pad []int32) {
	clear(g.idx)
	g.words = g.words[:0]
	g.vals = g.vals[:0]
	g.rows = append(g.rows[:0], pad...)
	g.id = id
}

// The pad rows at the start of a generation's rows: the rows of a BOS
// word, at 0, and of an EOS word, at padEOS(nl), for the neighbours of
// the first and last tokens (their own rows are unused).
func padEOS(nl int) int32 { return int32(nRows * nl) }

// wordHint is where the word a caller numbered (Token.Word) was last
// found: in the generation numbered gen, at words[idx]. words is the
// Sequence.Words of that look-up (0: none).
type wordHint struct {
	gen   uint32
	idx   int32
	words uint64
}

// maxHints bounds the word numbers the cache keeps hints for.
const maxHints = 1 << 20

// wordCache maps words to their cached rows. It belongs to one Tagger.
type wordCache struct {
	cur, old *generation
	gens     [2]generation
	pad      []int32    // BOS and EOS rows, at the start of every generation's rows (padEOS)
	hints    []wordHint // by Token.Word-1
	genID    uint32     // the id of the last generation emptied
	base     []uint64   // scratch for baseValues
	buf      []byte
	touch    uint64 // see fill
}

// prepare readies the cache for a sequence of n tokens.
func (c *wordCache) prepare(m *Model, n int) {
	if c.cur == nil {
		for i := range c.gens {
			c.gens[i].idx = make(map[string]int32, 1024)
		}
		c.cur, c.old = &c.gens[0], &c.gens[1]
		c.base = make([]uint64, stride)
		nr := nRows * m.nl
		c.pad = make([]int32, 2*nr)
		for p, h := range []uint64{hBOS, hEOS} {
			fillPad(c.base, h)
			for r := rowM2; r < nRows; r++ {
				neighbourRow(m, c.base, r, c.pad[p*nr+r*m.nl:p*nr+(r+1)*m.nl])
			}
		}
		c.genID = 2
		c.gens[0].reset(1, c.pad)
		c.gens[1].reset(2, c.pad)
	}
	if len(c.cur.words)+n > maxCachedWords {
		c.cur, c.old = c.old, c.cur
		c.genID++
		if cap(c.cur.rows) > 2*maxCachedWords*nRows*m.nl {
			c.cur.words, c.cur.vals, c.cur.rows = nil, nil, nil // a huge sequence grew them: let them go
		}
		c.cur.reset(c.genID, c.pad)
	}
}

// same reports whether w was computed from t's fields.
func (w *cachedWord) same(t *Token) bool {
	return w.stem == t.Stem && w.lower == t.Lower && w.shape == t.Shape
}

// lookup returns the index of t's word in c.cur.words, computing its rows
// if needed. A token with a word number (Token.Word) is first looked for
// where that number was last found; the entry there must still be t's,
// which is compared unless the number was found there in the same exact
// numbering (words, from Sequence.Words).
func (c *wordCache) lookup(m *Model, t *Token, words uint64) int32 {
	h := int(t.Word) - 1
	if h < 0 || h >= maxHints {
		return c.lookupText(m, t)
	}
	cur := c.cur
	if h < len(c.hints) {
		if r := c.hints[h]; r.gen == cur.id && int(r.idx) < len(cur.words) {
			if words != 0 && r.words == words {
				return r.idx
			}
			if w := &cur.words[r.idx]; w.text == t.Text && w.same(t) {
				c.hints[h].words = words
				return r.idx
			}
		}
	} else {
		c.hints = append(c.hints, make([]wordHint, h+1-len(c.hints))...)
	}
	k := c.lookupText(m, t)
	c.hints[h] = wordHint{cur.id, k, words}
	return k
}

// lookupText is lookup by the token's text.
func (c *wordCache) lookupText(m *Model, t *Token) int32 {
	cur := c.cur
	k, ok := cur.idx[t.Text]
	if ok && cur.words[k].same(t) {
		return k
	}
	// A new word, or a known one with other fields: a new entry (the
	// latter not in the index, as the sequence may use the known one too).
	nr := nRows * m.nl
	k = int32(len(cur.words))
	cur.words = append(cur.words, cachedWord{})
	cur.vals = append(cur.vals, wordVals{row: int32(len(cur.rows))})
	cur.rows = append(cur.rows, make([]int32, nr)...)
	w, v := &cur.words[k], &cur.vals[k]
	if ok {
		c.fill(m, t, v)
		return k
	}
	if j, ok := c.old.idx[t.Text]; ok && c.old.words[j].same(t) {
		// From the old generation: its rows, values and copies of the
		// strings (the old generation's index key is the word's text).
		ov := &c.old.vals[j]
		copy(cur.rows[v.row:int(v.row)+nr], c.old.rows[ov.row:int(ov.row)+nr])
		row := v.row
		*v = *ov
		v.row = row
		*w = c.old.words[j]
		cur.idx[w.text] = k
		return k
	}
	c.fill(m, t, v)
	cur.idx[w.keep(t)] = k
	return k
}

// keep sets w's fields to copies of t's and returns a copy of t.Text, all
// in one allocation, so that the cache keeps none of the caller's strings
// alive.
func (w *cachedWord) keep(t *Token) string {
	all := strings.Join([]string{t.Text, t.Lower, t.Stem, t.Shape}, "")
	a, b, d := len(t.Text), len(t.Text)+len(t.Lower), len(t.Text)+len(t.Lower)+len(t.Stem)
	w.text, w.lower, w.stem, w.shape = all[:a], all[a:b], all[b:d], all[d:]
	return w.text
}

// fill computes the rows and hashes of t's word into w. The hashes of the
// word's features come first, then their table slots are touched all
// together, so that the cache misses of a new word's two dozen look-ups
// overlap instead of following one another; then the weights are added.
func (c *wordCache) fill(m *Model, t *Token, w *wordVals) {
	nl := m.nl
	b := c.base
	c.buf = baseValues(b, t, 1, c.buf)
	w.lowerH, w.shortH = b[sLower], b[sShort]
	w.flags = Flag(b[sFlag]) &^ SentStart
	rows := c.cur.rows[w.row : int(w.row)+nRows*nl]
	clear(rows)
	var hs [maxWordFeatures]uint64
	var at [maxWordFeatures]uint8 // the row of each feature
	n := 0
	add := func(h uint64, r int) {
		if h == 0 {
			h = 1 // as Features.Add stores it
		}
		hs[n], at[n] = h, uint8(r)
		n++
	}
	add(Mix(tBias, 0), rowSelf)
	add(Mix(tWord, b[sWord]), rowSelf)
	add(Mix(tLower, b[sLower]), rowSelf)
	if b[sStem] != 0 {
		add(Mix(tStem, b[sStem]), rowSelf)
	}
	add(Mix(tShape, b[sShape]), rowSelf)
	add(Mix(tShort, b[sShort]), rowSelf)
	for k := 0; k < 4; k++ {
		if h := b[sPre1+k]; h != 0 {
			add(Mix(tPre1+uint64(k), h), rowSelf)
		}
		if h := b[sSuf1+k]; h != 0 {
			add(Mix(tSuf1+uint64(k), h), rowSelf)
		}
	}
	if b[sHyp1] != 0 {
		add(Mix(tHypFirst, b[sHyp1]), rowSelf)
		add(Mix(tHypLast, b[sHyp2]), rowSelf)
	}
	for r := rowM2; r < nRows; r++ {
		tl, ts := neighbourTemplates(r)
		add(Mix(tl, b[sLower]), r)
		add(Mix(ts, b[sShort]), r)
	}
	tab := &m.table
	c.touch = tab.touch(hs[:n])
	for j, h := range hs[:n] {
		if h != 0 { // 0: turned away by the filter (touch)
			addWords32(tab.probe(h), rows[int(at[j])*nl:][:nl])
		}
	}
}

// touch sets to 0 the hashes of hs that the filter turns away and loads
// the home slot of the others, so that the cache misses of the probes
// that follow overlap here. It returns the sum of the words loaded, for
// the caller to keep (so that the loads are not dropped).
func (t *weightTable) touch(hs []uint64) uint64 {
	sum := uint64(0)
	for j, h := range hs {
		if t.mayHave(h) {
			sum += t.slots[int(t.home(h))*t.sw]
		} else {
			hs[j] = 0
		}
	}
	return sum
}

// maxWordFeatures is the most features fill computes for a word: 16 of
// its own and 2 for each of the 4 neighbour positions.
const maxWordFeatures = 24

// neighbourTemplates returns the templates of the lower-case word and the
// short shape of a neighbour at the relative position of row r.
func neighbourTemplates(r int) (lower, short uint64) {
	switch r {
	case rowM1:
		return tLowerM1, tShortM1
	case rowP1:
		return tLowerP1, tShortP1
	case rowP2:
		return tLowerP2, tShortP2
	}
	return tLowerM2, tShortM2
}

// neighbourRow adds to row the weights of the features the word with base
// values b gives the token at the relative position of row r.
func neighbourRow(m *Model, b []uint64, r int, row []int32) {
	tl, ts := neighbourTemplates(r)
	m.table.add32(Mix(tl, b[sLower]), row)
	m.table.add32(Mix(ts, b[sShort]), row)
}

// add32 is add for a row of int32.
func (t *weightTable) add32(h uint64, e []int32) { addWords32(t.find(h), e) }

// addWords32 adds the packed weights ws to e.
func addWords32(ws []uint64, e []int32) {
	k := 0
	for _, x := range ws {
		for j := 0; j < 4 && k < len(e); j++ {
			e[k] += int32(int16(x))
			x >>= 16
			k++
		}
	}
}

// emissionsCached computes the emission scores of s into t.em (n×nl) for
// the default features, through the word cache.
func (t *Tagger) emissionsCached(s *Sequence) {
	m := t.m
	n, nl := len(s.Tokens), m.nl
	c := &t.cache
	c.prepare(m, n)
	t.em = grow(t.em, n*nl)
	if cap(t.ids) < n {
		t.ids = make([]int32, n)
	}
	ids := t.ids[:n]
	for i := range s.Tokens {
		ids[i] = c.lookup(m, &s.Tokens[i], s.Words)
	}
	if cap(t.gazSum) < n {
		t.gazSum = make([]uint64, n)
	}
	gazSum := t.gazSum[:n]
	for i := range s.Tokens {
		g := uint64(0)
		if hits := s.Tokens[i].Gaz; len(hits) > 0 {
			g = 1
			for _, hit := range hits {
				g = Mix(g, gazHash(hit, false))
			}
		}
		gazSum[i] = g
	}
	// The context features' hashes first, all of them, so that their
	// table slots can be touched independently (the cache misses overlap);
	// then every token's sum.
	f := &t.f
	f.Reset()
	words, rows := c.cur.vals, c.cur.rows
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		w := &words[ids[i]]
		m1L, m1S, p1L, p1S := hBOS, hBOS, hEOS, hEOS
		if i > 0 {
			m1L, m1S = words[ids[i-1]].lowerH, words[ids[i-1]].shortH
		}
		if i+1 < n {
			p1L, p1S = words[ids[i+1]].lowerH, words[ids[i+1]].shortH
		}
		f.Add(Mix(Mix(tBigramL, m1L), w.lowerH))
		f.Add(Mix(Mix(tBigramR, w.lowerH), p1L))
		f.Add(Mix(Mix(Mix(tShapeTri, m1S), w.shortH), p1S))
		for _, g := range tok.Gaz {
			f.Add(Mix(tGaz, gazHash(g, true)))
			f.Add(Mix(tGazType, gazHash(g, false)))
		}
		if i > 0 && gazSum[i-1] != 0 {
			f.Add(Mix(tGazPrev, gazSum[i-1]))
		}
		if i+1 < n && gazSum[i+1] != 0 {
			f.Add(Mix(tGazNext, gazSum[i+1]))
		}
		if tok.Rule != "" {
			f.Add(Mix(tRule, HashString(tok.Rule)))
		}
		if i > 0 && s.Tokens[i-1].FirstName {
			f.Add(Mix(tFirstPrev, w.shortH))
		}
		if i+1 < n && s.Tokens[i+1].FirstName {
			f.Add(Mix(tFirstNext, 1))
		}
		f.Next()
	}
	tab := &m.table
	t.touch = tab.touch(f.Hashes)
	fr := m.flagRows()
	// The rows of every token and of two pad words on each side.
	if cap(t.ro) < n+4 {
		t.ro = make([]int32, n+4)
	}
	ro := t.ro[:n+4]
	ro[0], ro[1] = 0, 0
	for i, id := range ids {
		ro[i+2] = words[id].row
	}
	ro[n+2], ro[n+3] = padEOS(nl), padEOS(nl)
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		e := t.em[i*nl : (i+1)*nl]
		w := &words[ids[i]]
		// Features of the flags, from the model's precomputed rows.
		flags := w.flags | tok.Flags&SentStart
		if i == 0 {
			flags |= SentStart
		}
		// The word's own row, its neighbours' rows and the flag row, summed
		// in int32: a row sums at most 16 weights (the word's own; the
		// others 2), so the six rows sum at most 26 int16 weights. Nine
		// labels (four types, as the default model has) have their loops
		// written out.
		o0, o1, o2, o3, o4 := int(w.row), int(ro[i])+rowM2*nl, int(ro[i+1])+rowM1*nl, int(ro[i+3])+rowP1*nl, int(ro[i+4])+rowP2*nl
		fl := fr.flags[flags&0x7f]
		if nl == 9 {
			sum9((*[9]int64)(e), rows, o0, o1, o2, o3, o4, (*[9]int32)(fl))
		} else {
			own, a, b, cc, dd := rows[o0:][:len(e)], rows[o1:][:len(e)], rows[o2:][:len(e)], rows[o3:][:len(e)], rows[o4:][:len(e)]
			fl = fl[:len(e)]
			for k := range e {
				e[k] = int64(own[k] + a[k] + b[k] + cc[k] + dd[k] + fl[k])
			}
		}
		if tok.FirstName {
			addRow(e, fr.first[flags&Upper])
		}
		if tok.LowerElsewhere {
			addRow(e, fr.lowerElse[flags&(Upper|SentStart)])
		}
		if nl == 9 {
			e9 := (*[9]int64)(e)
			for _, h := range f.Token(i) {
				if h != 0 { // 0: turned away by the filter (touch)
					if ws := tab.probe(h); ws != nil { // nil: the filter let an absent key pass
						addWords9(ws, e9)
					}
				}
			}
			continue
		}
		for _, h := range f.Token(i) {
			if h != 0 { // 0: turned away by the filter (touch)
				addWords(tab.probe(h), e)
			}
		}
	}
}

// sum9 sets e, for nine labels, to the sum of the rows at offsets o0 to o4
// of rows and of the flag row fl (see emissionsCached).
func sum9(e *[9]int64, rows []int32, o0, o1, o2, o3, o4 int, fl *[9]int32) {
	r0 := (*[9]int32)(rows[o0:])
	r1 := (*[9]int32)(rows[o1:])
	r2 := (*[9]int32)(rows[o2:])
	r3 := (*[9]int32)(rows[o3:])
	r4 := (*[9]int32)(rows[o4:])
	e[0] = int64(r0[0] + r1[0] + r2[0] + r3[0] + r4[0] + fl[0])
	e[1] = int64(r0[1] + r1[1] + r2[1] + r3[1] + r4[1] + fl[1])
	e[2] = int64(r0[2] + r1[2] + r2[2] + r3[2] + r4[2] + fl[2])
	e[3] = int64(r0[3] + r1[3] + r2[3] + r3[3] + r4[3] + fl[3])
	e[4] = int64(r0[4] + r1[4] + r2[4] + r3[4] + r4[4] + fl[4])
	e[5] = int64(r0[5] + r1[5] + r2[5] + r3[5] + r4[5] + fl[5])
	e[6] = int64(r0[6] + r1[6] + r2[6] + r3[6] + r4[6] + fl[6])
	e[7] = int64(r0[7] + r1[7] + r2[7] + r3[7] + r4[7] + fl[7])
	e[8] = int64(r0[8] + r1[8] + r2[8] + r3[8] + r4[8] + fl[8])
}

// addWords9 is addWords for nine labels (four types in BIO), the default
// model's, written out.
func addWords9(ws []uint64, e *[9]int64) {
	ws = ws[:3]
	x, y := ws[0], ws[1]
	e[0] += int64(int16(x))
	e[1] += int64(int16(x >> 16))
	e[2] += int64(int16(x >> 32))
	e[3] += int64(int16(x >> 48))
	e[4] += int64(int16(y))
	e[5] += int64(int16(y >> 16))
	e[6] += int64(int16(y >> 32))
	e[7] += int64(int16(y >> 48))
	e[8] += int64(int16(ws[2]))
}

func addRow(e []int64, row []int32) {
	for k, v := range row {
		e[k] += int64(v)
	}
}

// flagRows are the summed weights of the features of a token's flags, by
// the flag values they read.
type flagRows struct {
	flags     [0x80][]int32 // tFlags (flags&0x7f) and tCapStart (flags&(Upper|SentStart))
	first     [Upper + 1][]int32
	lowerElse [Upper | SentStart + 1][]int32
}

// flagRows returns m's flag rows, computed on first use.
func (m *Model) flagRows() *flagRows {
	m.flagOnce.Do(func() {
		fr := new(flagRows)
		for f := Flag(0); f < 0x80; f++ {
			row := make([]int32, m.nl)
			m.table.add32(Mix(tFlags, uint64(f)), row)
			m.table.add32(Mix(tCapStart, uint64(f&(Upper|SentStart))), row)
			fr.flags[f] = row
		}
		for f := range fr.first {
			fr.first[f] = make([]int32, m.nl)
			m.table.add32(Mix(tFirst, uint64(f)), fr.first[f])
		}
		for f := range fr.lowerElse {
			fr.lowerElse[f] = make([]int32, m.nl)
			m.table.add32(Mix(tLowerElse, uint64(f)), fr.lowerElse[f])
		}
		m.fr = fr
	})
	return m.fr
}
