package tagger

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// Model is a trained linear-chain tagger: quantised per-label weights for
// hashed features, label bigram transition weights, and the label set. A
// Model is immutable and safe for concurrent use; tag with [Model.Tag] or,
// to reuse buffers in one goroutine, with a [Tagger].
type Model struct {
	labels  []string
	feats   FeatureSet
	nl      int
	scale   float32 // weight = q * scale
	trans   []int64 // (nl+1)*nl: trans[prev*nl+cur], prev nl is the start
	final   []int64 // nl: weight of ending in a label
	allowed []bool  // (nl+1)*nl: BIO constraint
	table   weightTable
	pool    sync.Pool

	flagOnce sync.Once
	fr       *flagRows // see flagRows
	vpOnce   sync.Once
	vp       vplan // see vplan
}

// vplan returns the Viterbi plan of the model's transitions, built once.
func (m *Model) vplan() *vplan {
	m.vpOnce.Do(func() { m.vp.build(m.nl, m.trans, m.allowed) })
	return &m.vp
}

// weightTable maps feature hashes to rows of nl quantised weights, by open
// addressing with linear probing. A slot is sw words: the key (0 marks a
// free slot), then the row's int16 weights packed four to a word, so that
// a lookup touches one slot only.
//
// A key's home slot is its top bits (home), so that keys inserted in
// increasing order, as a model file stores them, fill the table from the
// front: the build writes memory in order instead of at random, which
// was most of the time of a model load.
type weightTable struct {
	slots []uint64
	sw    int // words per slot
	mask  uint64
	shift uint // home slot of key h: h >> shift
	nl    int
	n     int // number of features
	// bloom is a filter of the keys, 8 or more bits per key: it fits in
	// the CPU cache where the table does not, and most keys a text asks
	// for that the model lacks (rare words and word pairs) are turned away
	// by it without touching the table. A key sets two bits of one word
	// (a blocked Bloom filter): with about 10 bits per key, 4% of the keys
	// the table lacks pass it, against 10% with one bit.
	bloom     []uint64
	bloomMask uint64 // words in bloom - 1
}

// bloomBits returns the word and the bits of key h in the filter: the word
// from the key's high bits, the bits from its low ones.
func (t *weightTable) bloomBits(h uint64) (int, uint64) {
	return int((h >> 40) & t.bloomMask), 1<<(h&63) | 1<<((h>>6)&63)
}

// mayHave reports whether the table may have key h (false: it has not).
func (t *weightTable) mayHave(h uint64) bool {
	w, bits := t.bloomBits(h)
	return t.bloom[w]&bits == bits
}

// maxLoad is the highest load factor of a weight table.
const maxLoad = 0.6

// newWeightTable builds the table for keys and their rows (row r is
// w[r*nl : (r+1)*nl]). Keys must be distinct and non-zero.
func newWeightTable(keys []uint64, w []int16, nl int) weightTable {
	size := 16
	for float64(size)*maxLoad < float64(len(keys)) {
		size <<= 1
	}
	sw := 1 + (nl+3)/4
	t := weightTable{slots: make([]uint64, size*sw), sw: sw, mask: uint64(size - 1), shift: uint(64 - bits.TrailingZeros(uint(size))), nl: nl, n: len(keys)}
	nbits := 1 << 12
	for nbits < 8*len(keys) {
		nbits <<= 1
	}
	t.bloom, t.bloomMask = make([]uint64, nbits/64), uint64(nbits/64-1)
	for r, k := range keys {
		bw, bits := t.bloomBits(k)
		t.bloom[bw] |= bits
		i := t.home(k)
		for t.slots[int(i)*sw] != 0 {
			i = (i + 1) & t.mask
		}
		s := t.slots[int(i)*sw : int(i+1)*sw]
		s[0] = k
		for j, v := range w[r*nl : (r+1)*nl] {
			s[1+j/4] |= uint64(uint16(v)) << (16 * (j % 4))
		}
	}
	return t
}

// rows returns the sorted keys and their weights (row r is
// w[r*nl : (r+1)*nl]).
func (t *weightTable) rows() (keys []uint64, w []int16) {
	type slotRef struct {
		key uint64
		s   []uint64
	}
	refs := make([]slotRef, 0, t.n)
	for i := 0; i+t.sw <= len(t.slots); i += t.sw {
		if k := t.slots[i]; k != 0 {
			refs = append(refs, slotRef{k, t.slots[i+1 : i+t.sw]})
		}
	}
	slices.SortFunc(refs, func(a, b slotRef) int { return cmp.Compare(a.key, b.key) })
	keys = make([]uint64, len(refs))
	w = make([]int16, len(refs)*t.nl)
	for r, ref := range refs {
		keys[r] = ref.key
		for j := 0; j < t.nl; j++ {
			w[r*t.nl+j] = int16(ref.s[j/4] >> (16 * (j % 4)))
		}
	}
	return keys, w
}

// find returns the weight words of feature h (nl int16 weights packed four
// to a word), or nil if the table does not have it.
func (t *weightTable) find(h uint64) []uint64 {
	if h == 0 {
		h = 1 // as Features.Add stores it
	}
	if !t.mayHave(h) {
		return nil
	}
	return t.probe(h)
}

// home returns the home slot of key h.
func (t *weightTable) home(h uint64) uint64 { return h >> t.shift }

// probe is find for a key h ≠ 0 that has passed the filter.
func (t *weightTable) probe(h uint64) []uint64 {
	sw := t.sw
	i := t.home(h)
	for {
		s := t.slots[int(i)*sw : int(i+1)*sw]
		if s[0] == h {
			return s[1:]
		}
		if s[0] == 0 {
			return nil
		}
		i = (i + 1) & t.mask
	}
}

// add adds the weights of feature h, if the table has it, to e.
func (t *weightTable) add(h uint64, e []int64) { addWords(t.find(h), e) }

// addWords adds the packed weights ws to e.
func addWords(ws []uint64, e []int64) {
	k := 0
	for _, x := range ws {
		if k+4 <= len(e) {
			e4 := e[k : k+4 : k+4]
			e4[0] += int64(int16(x))
			e4[1] += int64(int16(x >> 16))
			e4[2] += int64(int16(x >> 32))
			e4[3] += int64(int16(x >> 48))
			k += 4
			continue
		}
		for ; k < len(e); k++ {
			e[k] += int64(int16(x))
			x >>= 16
		}
	}
}

// Labels returns the model's labels: "O", then "B-X", "I-X" for each type X.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Label returns the name of label index i.
func (m *Model) Label(i int) string { return m.labels[i] }

// NumFeatures returns the number of features with non-zero weights.
func (m *Model) NumFeatures() int { return m.table.n }

// FeatureSetName returns the name of the feature set the model was trained
// with.
func (m *Model) FeatureSetName() string { return m.feats.Name }

// labelsFor builds the label list for entity types.
func labelsFor(types []string) []string {
	labels := []string{"O"}
	for _, t := range types {
		labels = append(labels, "B-"+t, "I-"+t)
	}
	return labels
}

// allowedMatrix returns the BIO constraint: I-X only after B-X or I-X
// (never at the start). Row nl is the start state.
func allowedMatrix(labels []string) []bool {
	nl := len(labels)
	a := make([]bool, (nl+1)*nl)
	for cur, lc := range labels {
		typ, isI := strings.CutPrefix(lc, "I-")
		for prev := 0; prev <= nl; prev++ {
			ok := true
			if isI {
				ok = prev < nl && (labels[prev] == "B-"+typ || labels[prev] == lc)
			}
			a[prev*nl+cur] = ok
		}
	}
	return a
}

// Tagger tags sequences with a model, reusing its buffers: after warm-up,
// Tag does not allocate. A Tagger is not safe for concurrent use; create one
// per goroutine with [Model.NewTagger].
type Tagger struct {
	m      *Model
	f      Features
	em     []int64
	dec    decoder
	touch  uint64
	cache  wordCache // for the default features
	ids    []int32   // cache index of every token
	ro     []int32   // row offset of every token, with two pad words on each side
	gazSum []uint64  // gazetteer summary of every token
}

// NewTagger returns a Tagger for m.
func (m *Model) NewTagger() *Tagger { return &Tagger{m: m} }

// Tag appends the label index of every token of s to dst[:0] and returns
// it; m.Label(i) names index i. Model.Tag is safe for concurrent use.
func (m *Model) Tag(s *Sequence, dst []int) []int {
	t, _ := m.pool.Get().(*Tagger)
	if t == nil {
		t = m.NewTagger()
	}
	dst = t.Tag(s, dst)
	m.pool.Put(t)
	return dst
}

// TagStrings returns the label of every token of s.
func (m *Model) TagStrings(s *Sequence) []string {
	idx := m.Tag(s, nil)
	out := make([]string, len(idx))
	for i, l := range idx {
		out[i] = m.labels[l]
	}
	return out
}

// Tag appends the label index of every token of s to dst[:0] and returns it.
// The labels obey the BIO constraint (I-X only after B-X or I-X).
func (t *Tagger) Tag(s *Sequence, dst []int) []int {
	n := len(s.Tokens)
	dst = dst[:0]
	if n == 0 {
		return dst
	}
	if t.m.feats.cached {
		t.emissionsCached(s)
	} else {
		t.emissions(s)
	}
	for i := 0; i < n; i++ {
		dst = append(dst, 0)
	}
	m := t.m
	t.dec.viterbiPlan(m.vplan(), t.em, n, m.final, nil, dst)
	return dst
}

// TagMargins is Tag that also appends to margins[:0] the margin of every
// token's label: the score of the best sequence minus the score of the best
// sequence that gives the token another label (in weight units, >= 0; 0
// is a tie; +Inf when no other label is possible). It is a confidence measure: map it to [0,1] with, e.g.,
// 1/(1+exp(-margin/k)) for some k chosen on held-out data.
func (t *Tagger) TagMargins(s *Sequence, dst []int, margins []float64) ([]int, []float64) {
	dst = t.Tag(s, dst)
	return dst, t.Margins(dst, margins)
}

// Margins appends to margins[:0] the margins of labels (as in TagMargins),
// which must be the result of the Tagger's last Tag call. Computing margins
// costs about as much as decoding; call it only when they are needed.
func (t *Tagger) Margins(labels []int, margins []float64) []float64 {
	margins = margins[:0]
	n := len(labels)
	m := t.m
	nl := m.nl
	if n == 0 || len(t.em) < n*nl {
		return margins
	}
	alpha, beta := t.dec.maxMarginalsPlan(m.vplan(), t.em, n, m.final, true)
	for i, y := range labels {
		best, second := int64(negInf), int64(negInf)
		for k := 0; k < nl; k++ {
			v := alpha[i*nl+k] + beta[i*nl+k]
			if k == y {
				best = v
			} else if v > second {
				second = v
			}
		}
		if second < negInf/2 { // no other label possible
			margins = append(margins, math.Inf(1))
			continue
		}
		margins = append(margins, float64(best-second)*float64(m.scale))
	}
	return margins
}

// emissions computes the emission scores of s into t.em (n×nl).
func (t *Tagger) emissions(s *Sequence) {
	m := t.m
	n, nl := len(s.Tokens), m.nl
	t.f.Reset()
	m.feats.Func(s, &t.f)
	t.em = grow(t.em, n*nl)
	// Load the first word of every feature's home slot, independently of
	// each other, so that the cache misses overlap; the lookups below then
	// mostly hit the cache. (The sum is stored so that the loads are kept.)
	touch := uint64(0)
	sw, shift, slots := m.table.sw, m.table.shift, m.table.slots
	for _, h := range t.f.Hashes {
		if m.table.mayHave(h) {
			touch += slots[int(h>>shift)*sw]
		}
	}
	t.touch = touch
	for i := 0; i < n; i++ {
		e := t.em[i*nl : (i+1)*nl]
		for k := range e {
			e[k] = 0
		}
		if i >= len(t.f.Ends) {
			continue // a broken FeatureFunc: no features
		}
		for _, h := range t.f.Token(i) {
			m.table.add(h, e)
		}
	}
}

// negInf scores impossible states. Sums of two negInf and any reachable
// score do not overflow; scores are clamped at negInf after each step.
const negInf = math.MinInt64 / 4

// decoder holds the Viterbi buffers.
type decoder struct {
	plan  vplan // of the last viterbi call
	back  []uint8
	alpha []int64 // the forward scores (see maxMarginals)
	beta  []int64
	tmp   []int64
	// alphaN is the length of the sequence whose forward scores without a
	// mask are in alpha (from viterbiPlan), -1 if none.
	alphaN int
}

// viterbi finds the best label sequence under emission scores em (n×nl),
// transition scores trans ((nl+1)×nl: trans[prev*nl+cur], prev nl the
// start) and final scores, only through allowed transitions, and writes it
// to out (length n). If mask is not nil, token i may only take the labels
// whose bits are set in mask[i]. Ties go to the lower label index.
func (d *decoder) viterbi(em []int64, n, nl int, trans, final []int64, allowed []bool, mask []uint64, out []int) {
	d.plan.build(nl, trans, allowed)
	d.viterbiPlan(&d.plan, em, n, final, mask, out)
}

// vplan is what the Viterbi recursion needs of the transitions. A label
// that every label may precede (O, B-X) is scored over a dense row of
// weights; a label with fewer allowed predecessors (I-X: its B-X and
// itself) over a list of them, so that under the BIO constraint a token
// costs 5·9 + 4·2 = 53 additions for 9 labels instead of 81.
type vplan struct {
	nl    int
	dense []bool  // dense[y]: every label may precede y
	tt    []int64 // tt[y*nl+p]: the weight of p → y
	off   []int32 // the predecessors of a sparse label y are pred[off[y]:off[y+1]]
	pred  []uint8
	w     []int64 // w[k]: the weight of the transition pred[k] → y
	start []int64 // the weight from the start to label y, negInf if not allowed
	// lead[l]: how far label l must lead every other label in the scores
	// of the previous token to be the best predecessor of every dense
	// label: max over dense y and p ≠ l of tt[y][p] − tt[y][l]. Most
	// tokens have such a leader (O, usually), and their dense labels then
	// cost one addition each.
	lead []int64
	// pair[y]: a sparse label with exactly two predecessors (I-X after
	// B-X or I-X), scored inline: p0 < p1 and their weights.
	pair []predPair
	// The labels by how the decoder scores them: the dense ones, the
	// sparse ones with a pair of predecessors (pairs, y set), the others.
	denseY []uint8
	pairs  []predPair
	otherY []uint8
	// from[l*nl+y]: the weight of l → y (the transitions out of a leader,
	// in one row).
	from []int64
	// bio4: the labels are O, then B-X, I-X for four types, with I-X
	// after B-X or I-X only (the default model): step has a version for
	// exactly these.
	bio4 bool
	// The successors of label y, for the backward pass of maxMarginals:
	// succ[soff[y]:soff[y+1]], with the weights sw of y → succ[k].
	soff []int32
	succ []uint8
	sw   []int64
}

// predPair is a label's two predecessors and their transition weights.
type predPair struct {
	ok        bool
	y, p0, p1 uint8 // the label (in vplan.pairs) and its predecessors
	w0, w1    int64
}

// best is bestPred for a label with the predecessors of pp.
func (pp *predPair) best(delta []int64) (best int64, arg int) {
	best, arg = delta[pp.p0]+pp.w0, int(pp.p0)
	if v := delta[pp.p1] + pp.w1; v > best { // ties go to p0, the lower index
		best, arg = v, int(pp.p1)
	}
	return best, arg
}

// build fills p for nl labels and the transitions trans, allowed.
func (p *vplan) build(nl int, trans []int64, allowed []bool) {
	p.nl = nl
	p.dense, p.tt = p.dense[:0], grow(p.tt, nl*nl)
	p.off = append(p.off[:0], 0)
	p.pred, p.w = p.pred[:0], p.w[:0]
	for y := 0; y < nl; y++ {
		all := true
		for q := 0; q < nl; q++ {
			p.tt[y*nl+q] = trans[q*nl+y]
			if !allowed[q*nl+y] {
				all = false
				continue
			}
			p.pred = append(p.pred, uint8(q))
			p.w = append(p.w, trans[q*nl+y])
		}
		p.dense = append(p.dense, all)
		p.off = append(p.off, int32(len(p.pred)))
	}
	p.pair, p.denseY, p.pairs, p.otherY = p.pair[:0], p.denseY[:0], p.pairs[:0], p.otherY[:0]
	for y := 0; y < nl; y++ {
		var pp predPair
		switch o := p.off[y]; {
		case p.dense[y]:
			p.denseY = append(p.denseY, uint8(y))
		case p.off[y+1]-o == 2:
			pp = predPair{true, uint8(y), p.pred[o], p.pred[o+1], p.w[o], p.w[o+1]}
			p.pairs = append(p.pairs, pp)
		default:
			p.otherY = append(p.otherY, uint8(y))
		}
		p.pair = append(p.pair, pp)
	}
	p.from = append(p.from[:0], trans[:nl*nl]...)
	p.bio4 = nl == 9 && len(p.denseY) == 5 && len(p.pairs) == 4 && len(p.otherY) == 0
	for k, pp := range p.pairs {
		p.bio4 = p.bio4 && int(pp.y) == 2*k+2 && int(pp.p0) == 2*k+1 && int(pp.p1) == 2*k+2
	}
	for k, y := range p.denseY {
		p.bio4 = p.bio4 && int(y) == max(0, 2*k-1)
	}
	p.lead = p.lead[:0]
	for l := 0; l < nl; l++ {
		r := int64(math.MinInt64)
		for y := 0; y < nl; y++ {
			if !p.dense[y] {
				continue
			}
			for q := 0; q < nl; q++ {
				if q != l {
					r = max(r, p.tt[y*nl+q]-p.tt[y*nl+l])
				}
			}
		}
		p.lead = append(p.lead, r)
	}
	p.soff = append(p.soff[:0], 0)
	p.succ, p.sw = p.succ[:0], p.sw[:0]
	for y := 0; y < nl; y++ {
		for q := 0; q < nl; q++ {
			if allowed[y*nl+q] {
				p.succ = append(p.succ, uint8(q))
				p.sw = append(p.sw, trans[y*nl+q])
			}
		}
		p.soff = append(p.soff, int32(len(p.succ)))
	}
	p.start = p.start[:0]
	for y := 0; y < nl; y++ {
		v := int64(negInf)
		if allowed[nl*nl+y] {
			v = trans[nl*nl+y]
		}
		p.start = append(p.start, v)
	}
}

// bestPred returns the best score delta[p] + weight(p → y) over the
// allowed predecessors p of label y, and the first p that reaches it
// (negInf and 0 if y has none).
func (pl *vplan) bestPred(y int, delta []int64) (best int64, arg int) {
	nl := pl.nl
	if pl.dense[y] {
		row := pl.tt[y*nl : (y+1)*nl]
		row = row[:len(delta)]
		best = delta[0] + row[0]
		for p := 1; p < len(row); p++ {
			if v := delta[p] + row[p]; v > best {
				best, arg = v, p
			}
		}
		return best, arg
	}
	ps := pl.pred[pl.off[y]:pl.off[y+1]]
	if len(ps) == 0 {
		return negInf, 0
	}
	ws := pl.w[pl.off[y]:pl.off[y+1]]
	ws = ws[:len(ps)]
	best, arg = delta[ps[0]]+ws[0], int(ps[0])
	for k := 1; k < len(ps); k++ {
		if v := delta[ps[k]] + ws[k]; v > best {
			best, arg = v, int(ps[k])
		}
	}
	return best, arg
}

// step is one token of the Viterbi recursion: from the scores delta of
// the previous token and the emissions e, the scores next and the best
// predecessors b. (A function of its own, so that the compiler keeps its
// few variables in registers.)
func (pl *vplan) step(delta, next, e []int64, b []uint8) {
	if pl.bio4 {
		pl.stepBIO4((*[9]int64)(delta), (*[9]int64)(next), (*[9]int64)(e), (*[9]uint8)(b))
		return
	}
	nl := pl.nl
	delta, next, e, b = delta[:nl], next[:nl], e[:nl], b[:nl]
	// The leader of the previous scores and its lead over the others: if
	// the lead is larger than lead[l], l is the only best predecessor of
	// every dense label.
	l, m1, m2 := 0, delta[0], int64(negInf-1)
	for p := 1; p < len(delta); p++ {
		if v := delta[p]; v > m1 {
			l, m1, m2 = p, v, m1
		} else if v > m2 {
			m2 = v
		}
	}
	if m1-m2 > pl.lead[l] {
		row := pl.from[l*nl : (l+1)*nl]
		for _, y := range pl.denseY {
			next[y] = max(m1+row[y]+e[y], negInf)
			b[y] = uint8(l)
		}
	} else {
		for _, y := range pl.denseY {
			best, arg := pl.bestPred(int(y), delta)
			next[y] = max(best+e[y], negInf)
			b[y] = uint8(arg)
		}
	}
	for k := range pl.pairs {
		pp := &pl.pairs[k]
		best, arg := pp.best(delta)
		next[pp.y] = max(best+e[pp.y], negInf)
		b[pp.y] = uint8(arg)
	}
	for _, y := range pl.otherY {
		best, arg := pl.bestPred(int(y), delta)
		next[y] = max(best+e[y], negInf)
		b[y] = uint8(arg)
	}
}

// stepBIO4 is step for a bio4 plan, over arrays, with its loops written
// out: labels 0 (O), 1, 3, 5, 7 (B-X) are dense, 2, 4, 6, 8 (I-X) are
// pairs.
func (pl *vplan) stepBIO4(delta, next, e *[9]int64, b *[9]uint8) {
	// The leader of the previous scores, m1, and the runner-up, m2 (the
	// calls written out: no loop control, no bounds checks).
	l, m1, m2 := 0, delta[0], int64(negInf-1)
	l, m1, m2 = lead(l, m1, m2, 1, delta[1])
	l, m1, m2 = lead(l, m1, m2, 2, delta[2])
	l, m1, m2 = lead(l, m1, m2, 3, delta[3])
	l, m1, m2 = lead(l, m1, m2, 4, delta[4])
	l, m1, m2 = lead(l, m1, m2, 5, delta[5])
	l, m1, m2 = lead(l, m1, m2, 6, delta[6])
	l, m1, m2 = lead(l, m1, m2, 7, delta[7])
	l, m1, m2 = lead(l, m1, m2, 8, delta[8])
	if m1-m2 > pl.lead[l] {
		row := (*[9]int64)(pl.from[l*9 : l*9+9])
		next[0] = max(m1+row[0]+e[0], negInf)
		next[1] = max(m1+row[1]+e[1], negInf)
		next[3] = max(m1+row[3]+e[3], negInf)
		next[5] = max(m1+row[5]+e[5], negInf)
		next[7] = max(m1+row[7]+e[7], negInf)
		bl := uint8(l)
		b[0], b[1], b[3], b[5], b[7] = bl, bl, bl, bl, bl
	} else {
		for _, y := range pl.denseY {
			best, arg := pl.bestPred(int(y), delta[:])
			next[y] = max(best+e[y], negInf)
			b[y] = uint8(arg)
		}
	}
	ps := (*[4]predPair)(pl.pairs)
	pairBIO4(delta, next, e, b, &ps[0], 1, 2)
	pairBIO4(delta, next, e, b, &ps[1], 3, 4)
	pairBIO4(delta, next, e, b, &ps[2], 5, 6)
	pairBIO4(delta, next, e, b, &ps[3], 7, 8)
}

// lead returns the leader and the two best scores after score v of label
// p, given the leader l and the two best scores m1 >= m2 before it (a tie
// keeps the earlier leader).
func lead(l int, m1, m2 int64, p int, v int64) (int, int64, int64) {
	if v > m1 {
		l, m1, m2 = p, v, m1
	} else if v > m2 {
		m2 = v
	}
	return l, m1, m2
}

// pairBIO4 is the step of label ii (I-X), whose predecessors are bi (B-X)
// and ii.
func pairBIO4(delta, next, e *[9]int64, b *[9]uint8, pp *predPair, bi, ii int) {
	best, arg := delta[bi]+pp.w0, bi
	if v := delta[ii] + pp.w1; v > best { // ties go to B-X, the lower index
		best, arg = v, ii
	}
	next[ii] = max(best+e[ii], negInf)
	b[ii] = uint8(arg)
}

// viterbiPlan is viterbi with the transitions given by a plan.
func (d *decoder) viterbiPlan(pl *vplan, em []int64, n int, final []int64, mask []uint64, out []int) {
	nl := pl.nl
	d.back = growU8(d.back, n*nl)
	// The scores of every token are kept (in alpha): without a mask they
	// are the forward scores that Margins needs.
	d.alpha = grow(d.alpha, n*nl)
	d.alphaN = -1
	if mask == nil {
		d.alphaN = n
	}
	delta := d.alpha[:nl]
	for y := 0; y < nl; y++ {
		delta[y] = negInf
		if pl.start[y] > negInf && (mask == nil || mask[0]&(1<<y) != 0) {
			delta[y] = pl.start[y] + em[y]
		}
	}
	for i := 1; i < n; i++ {
		next := d.alpha[i*nl : (i+1)*nl]
		pl.step(delta, next, em[i*nl:(i+1)*nl], d.back[i*nl:(i+1)*nl])
		if mask != nil {
			for y := range next {
				if mask[i]&(1<<y) == 0 {
					next[y] = negInf
				}
			}
		}
		delta = next
	}
	best, arg := delta[0]+final[0], 0
	for y := 1; y < nl; y++ {
		if v := delta[y] + final[y]; v > best {
			best, arg = v, y
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(d.back[i*nl+arg])
		out[i-1] = arg
	}
}

// maxMarginals returns the forward and backward max-product scores:
// alpha[i*nl+y] is the best score of a prefix ending in label y at token i
// (its emission included), beta[i*nl+y] the best score of the rest of the
// sequence after label y at token i (final weight included), so that
// alpha+beta is the best score of a sequence with label y at token i.
func (d *decoder) maxMarginals(em []int64, n, nl int, trans, final []int64, allowed []bool) (alpha, beta []int64) {
	d.plan.build(nl, trans, allowed)
	return d.maxMarginalsPlan(&d.plan, em, n, final, false)
}

// forward computes the forward scores of em (n tokens) into d.alpha.
func (d *decoder) forward(pl *vplan, em []int64, n int) {
	nl := pl.nl
	d.alpha = grow(d.alpha, n*nl)
	alpha := d.alpha
	for y := 0; y < nl; y++ {
		alpha[y] = negInf
		if pl.start[y] > negInf {
			alpha[y] = pl.start[y] + em[y]
		}
	}
	for i := 1; i < n; i++ {
		prev := alpha[(i-1)*nl : i*nl]
		e := em[i*nl : (i+1)*nl]
		a := alpha[i*nl : (i+1)*nl]
		for y := range e {
			var best int64
			if pp := &pl.pair[y]; pp.ok {
				best, _ = pp.best(prev)
			} else {
				best, _ = pl.bestPred(y, prev)
			}
			a[y] = max(best+e[y], negInf)
		}
	}
	d.alphaN = n
}

// maxMarginalsPlan is maxMarginals with the transitions given by a plan.
// With reuse, the forward scores are taken from the last viterbiPlan call
// if it decoded em (n tokens) without a mask: its recursion is the same.
func (d *decoder) maxMarginalsPlan(pl *vplan, em []int64, n int, final []int64, reuse bool) (alpha, beta []int64) {
	nl := pl.nl
	if !reuse || d.alphaN != n {
		d.forward(pl, em, n)
	}
	d.beta = grow(d.beta, n*nl)
	d.tmp = grow(d.tmp, nl)
	alpha, beta, tmp := d.alpha, d.beta, d.tmp
	copy(beta[(n-1)*nl:], final)
	soff, succ, sw := pl.soff[:nl+1], pl.succ, pl.sw
	for i := n - 2; i >= 0; i-- {
		for q := 0; q < nl; q++ {
			tmp[q] = em[(i+1)*nl+q] + beta[(i+1)*nl+q]
		}
		b := beta[i*nl : (i+1)*nl]
		for y := range b {
			best := int64(negInf)
			if qs := succ[soff[y]:soff[y+1]]; len(qs) > 0 {
				ws := sw[soff[y]:soff[y+1]]
				ws = ws[:len(qs)]
				best = ws[0] + tmp[qs[0]]
				for k := 1; k < len(qs); k++ {
					best = max(best, ws[k]+tmp[qs[k]])
				}
			}
			b[y] = max(best, negInf)
		}
	}
	return alpha, beta
}

func grow(b []int64, n int) []int64 {
	if cap(b) < n {
		return make([]int64, n)
	}
	return b[:n]
}

func growU8(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	return b[:n]
}
