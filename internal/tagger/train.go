package tagger

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
)

// Example is one training sequence with one BIO tag per token (O, B-X,
// I-X). Tags of types the model does not know become O; an I-X that does
// not continue an X span is read as B-X.
//
// Partial lists entity types that the example's corpus does not annotate
// (SmartData has no OTH): its tokens tagged O may then also be entities of
// these types. Training treats such an example as partially labelled: the
// gold sequence is the best-scoring sequence that agrees with the known
// tags (a latent-variable perceptron update), so the corpus does not teach
// the model that, e.g., every product name is O.
type Example struct {
	Seq     *Sequence
	Tags    []string
	Partial []string
}

// TrainOptions configure [Train]. The zero value trains with the defaults.
type TrainOptions struct {
	// Types are the entity types; the labels are O, B-X, I-X for each.
	// Default PER, LOC, ORG, OTH. Types may carry form suffixes
	// (LOCderiv) to learn those as types of their own.
	Types []string
	// Epochs is the number of passes over the data (default 10).
	Epochs int
	// Seed seeds the shuffling of the examples before each epoch (0 is
	// a valid seed); the same data and options give the same model bytes.
	Seed uint64
	// MinCount drops features seen on fewer than MinCount tokens
	// (default 1: keep all).
	MinCount int
	// Features is the feature set (default DefaultFeatures()).
	Features FeatureSet
	// Prune drops features whose largest absolute weight is below Prune
	// times the 99.9th percentile of the features' largest absolute
	// weights (default 0: only features whose weights all round to zero
	// are dropped). Pruning makes
	// the model smaller and tagging faster.
	Prune float64
	// Log, if not nil, receives one line of progress per epoch.
	Log io.Writer
}

// Train trains a model with the averaged structured perceptron (Collins
// 2002): each epoch visits the examples in a seeded random order, decodes
// each with the BIO-constrained Viterbi algorithm under the current weights,
// and, where the best sequence differs from the gold one, adds the gold
// features and subtracts the predicted ones (for an example with Partial
// types, the gold sequence is itself found by a Viterbi search constrained to
// agree with the known tags). The final weights are the average over all
// steps, quantised to 16 bits; features whose weights all round to zero (or
// fall below Prune) are dropped. Training is deterministic: the same data
// and options give the same model bytes.
func Train(data []Example, opts TrainOptions) (*Model, error) {
	if len(opts.Types) == 0 {
		opts.Types = []string{"PER", "LOC", "ORG", "OTH"}
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.MinCount < 1 {
		opts.MinCount = 1
	}
	if opts.Features.Func == nil {
		opts.Features = DefaultFeatures()
	}
	for i, t := range opts.Types {
		if t == "" || strings.ContainsAny(t, " \t\n") || slices.Contains(opts.Types[:i], t) {
			return nil, fmt.Errorf("tagger: invalid or duplicate type %q", t)
		}
	}
	labels := labelsFor(opts.Types)
	nl := len(labels)
	if nl > maxLabels {
		return nil, fmt.Errorf("tagger: %d labels, at most %d", nl, maxLabels)
	}
	labelIdx := make(map[string]int, nl)
	for i, l := range labels {
		labelIdx[l] = i
	}
	allowed := allowedMatrix(labels)

	// Extract the features and the gold labels of every example.
	t0 := time.Now()
	type seq struct {
		start, n int  // tokens [start, start+n) of the global token arrays
		partial  bool // masks[start:start+n] constrain the gold labels
	}
	var (
		seqs    []seq
		gold    []int   // gold label per token
		tokEnds []int64 // end of each token's features in hashes
		hashes  []uint64
		masks   []uint64 // per token, for partial examples: labels the gold may take
	)
	var f Features
	for ei, ex := range data {
		if ex.Seq == nil || len(ex.Seq.Tokens) == 0 {
			continue
		}
		n := len(ex.Seq.Tokens)
		if len(ex.Tags) != n {
			return nil, fmt.Errorf("tagger: example %d: %d tags for %d tokens", ei, len(ex.Tags), n)
		}
		f.Reset()
		opts.Features.Func(ex.Seq, &f)
		if len(f.Ends) != n {
			return nil, fmt.Errorf("tagger: feature set %q gave features for %d of %d tokens", opts.Features.Name, len(f.Ends), n)
		}
		var oMask uint64 // labels an O token of a partial example may take
		for _, t := range ex.Partial {
			if b, ok := labelIdx["B-"+t]; ok {
				oMask |= 1<<b | 1<<labelIdx["I-"+t]
			}
		}
		seqs = append(seqs, seq{start: len(gold), n: n, partial: oMask != 0})
		if oMask != 0 && len(masks) < len(gold) {
			masks = append(masks, make([]uint64, len(gold)-len(masks))...)
		}
		prev := 0
		for i, tag := range ex.Tags {
			l, ok := labelIdx[tag]
			if !ok {
				l = 0
			}
			if !allowed[prevState(i, prev, nl)*nl+l] {
				l = labelIdx["B-"+tag[2:]] // I-X not continuing X: B-X
			}
			gold = append(gold, l)
			if oMask != 0 {
				mk := uint64(1) << l
				if l == 0 {
					mk |= oMask
				}
				masks = append(masks, mk)
			}
			prev = l
			hashes = append(hashes, f.Token(i)...)
			tokEnds = append(tokEnds, int64(len(hashes)))
		}
	}
	if len(seqs) == 0 {
		return nil, errors.New("tagger: no training examples")
	}

	// Number the features (in order of first occurrence), dropping rare ones.
	ids := make(map[uint64]int32)
	var counts []int32
	var keys []uint64
	for _, h := range hashes {
		id, ok := ids[h]
		if !ok {
			id = int32(len(keys))
			ids[h] = id
			keys = append(keys, h)
			counts = append(counts, 0)
		}
		counts[id]++
	}
	remap := make([]int32, len(keys))
	nf := int32(0)
	var kept []uint64
	for i, c := range counts {
		if int(c) >= opts.MinCount {
			remap[i] = nf
			kept = append(kept, keys[i])
			nf++
		} else {
			remap[i] = -1
		}
	}
	feat := make([]int32, 0, len(hashes))
	featEnds := make([]int64, len(tokEnds))
	start := int64(0)
	for ti, end := range tokEnds {
		for _, h := range hashes[start:end] {
			if id := remap[ids[h]]; id >= 0 {
				feat = append(feat, id)
			}
		}
		featEnds[ti] = int64(len(feat))
		start = end
	}
	hashes, ids, counts, remap, keys = nil, nil, nil, nil, nil
	if opts.Log != nil {
		fmt.Fprintf(opts.Log, "tagger: %d sequences, %d tokens, %d features (min count %d), %d labels, extraction %v\n",
			len(seqs), len(gold), nf, opts.MinCount, nl, time.Since(t0).Round(time.Millisecond))
	}

	// The averaged perceptron: w are the current weights, u the sums of
	// c*update, so that the average is w - u/c.
	w := make([]int32, int(nf)*nl)
	u := make([]int64, int(nf)*nl)
	ntr := (nl + 1) * nl
	tw := make([]int64, ntr+nl) // transitions, then final weights
	tu := make([]int64, ntr+nl)
	var (
		em           []int64
		dec          decoder
		pred, latent []int
		trans, final = make([]int64, ntr), make([]int64, nl)
	)
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	rng := newPCG(opts.Seed)
	c := int64(1)
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		te := time.Now()
		rng.shuffle(order)
		wrongSeqs, wrongToks := 0, 0
		for _, si := range order {
			sq := seqs[si]
			n := sq.n
			g := gold[sq.start : sq.start+n]
			em = grow(em, n*nl)
			for i := 0; i < n; i++ {
				e := em[i*nl : (i+1)*nl]
				for k := range e {
					e[k] = 0
				}
				for _, id := range tokFeats(feat, featEnds, sq.start+i) {
					row := w[int(id)*nl : int(id+1)*nl]
					for k, v := range row {
						e[k] += int64(v)
					}
				}
			}
			copy(trans, tw[:ntr])
			copy(final, tw[ntr:])
			pred = slices.Grow(pred[:0], n)[:n]
			dec.viterbi(em, n, nl, trans, final, allowed, nil, pred)
			if sq.partial {
				// The gold labels: the best sequence agreeing with the
				// known tags.
				latent = slices.Grow(latent[:0], n)[:n]
				dec.viterbi(em, n, nl, trans, final, allowed, masks[sq.start:sq.start+n], latent)
				g = latent
			}
			wrong := false
			for i := 0; i < n; i++ {
				gp, pp := nl, nl
				if i > 0 {
					gp, pp = g[i-1], pred[i-1]
				}
				if g[i] != pred[i] {
					wrong = true
					wrongToks++
					for _, id := range tokFeats(feat, featEnds, sq.start+i) {
						o := int(id) * nl
						w[o+g[i]]++
						u[o+g[i]] += c
						w[o+pred[i]]--
						u[o+pred[i]] -= c
					}
				}
				if gp != pp || g[i] != pred[i] {
					tw[gp*nl+g[i]]++
					tu[gp*nl+g[i]] += c
					tw[pp*nl+pred[i]]--
					tu[pp*nl+pred[i]] -= c
				}
			}
			if g[n-1] != pred[n-1] {
				tw[ntr+g[n-1]]++
				tu[ntr+g[n-1]] += c
				tw[ntr+pred[n-1]]--
				tu[ntr+pred[n-1]] -= c
			}
			if wrong {
				wrongSeqs++
			}
			c++
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "tagger: epoch %d: %d/%d sequences and %d/%d tokens wrong, %v\n",
				epoch, wrongSeqs, len(seqs), wrongToks, len(gold), time.Since(te).Round(time.Millisecond))
		}
	}

	// Average, quantise, prune.
	avg := func(wv, uv int64) float64 { return float64(wv) - float64(uv)/float64(c) }
	maxAbs := 0.0
	for i := range w {
		maxAbs = math.Max(maxAbs, math.Abs(avg(int64(w[i]), u[i])))
	}
	for i := range tw {
		maxAbs = math.Max(maxAbs, math.Abs(avg(tw[i], tu[i])))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := float32(maxAbs / 32767)
	quant := func(v float64) int16 {
		q := math.Round(v / float64(scale))
		return int16(max(-32767, min(32767, q)))
	}
	type row struct {
		key uint64
		q   []int16
	}
	// The pruning threshold is a fraction of the 99.9th percentile of the
	// features' largest weights, not of the single largest weight: that
	// one is an outlier whose size varies twofold between training runs
	// on nearly the same data, and with it the model's size.
	qs := make([]int16, int(nf)*nl) // the quantised weights, row id at qs[id*nl:]
	bigs := make([]int16, nf)       // each row's largest absolute weight
	var sorted []int16
	for id := 0; id < int(nf); id++ {
		big := int16(0)
		for k := 0; k < nl; k++ {
			q := quant(avg(int64(w[id*nl+k]), u[id*nl+k]))
			qs[id*nl+k] = q
			big = max(big, q, -q)
		}
		bigs[id] = big
		if big > 0 {
			sorted = append(sorted, big)
		}
	}
	threshold := 0.0
	if len(sorted) > 0 && opts.Prune > 0 {
		slices.Sort(sorted)
		threshold = opts.Prune * float64(sorted[len(sorted)*999/1000])
	}
	var rows []row
	for id := 0; id < int(nf); id++ {
		if big := float64(bigs[id]); big > 0 && big >= threshold {
			rows = append(rows, row{kept[id], qs[id*nl : (id+1)*nl : (id+1)*nl]})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	mk := make([]uint64, len(rows))
	mw := make([]int16, 0, len(rows)*nl)
	for i, r := range rows {
		mk[i] = r.key
		mw = append(mw, r.q...)
	}
	qt := make([]int16, ntr+nl)
	for i := range tw {
		qt[i] = quant(avg(tw[i], tu[i]))
	}
	return newModel(labels, opts.Features, scale, qt, mk, mw)
}

// prevState returns the Viterbi state before token i: the start state nl
// for the first token, else prev.
func prevState(i, prev, nl int) int {
	if i == 0 {
		return nl
	}
	return prev
}

// tokFeats returns the feature ids of global token ti.
func tokFeats(feat []int32, ends []int64, ti int) []int32 {
	start := int64(0)
	if ti > 0 {
		start = ends[ti-1]
	}
	return feat[start:ends[ti]]
}

// newModel assembles a model from quantised weights: trans holds
// (nl+1)*nl transition weights then nl final weights; keys are sorted and
// w holds len(keys)*nl weights.
func newModel(labels []string, fs FeatureSet, scale float32, trans []int16, keys []uint64, w []int16) (*Model, error) {
	nl := len(labels)
	if nl < 1 || nl > maxLabels {
		return nil, fmt.Errorf("tagger: %d labels (want 1..%d)", nl, maxLabels)
	}
	if len(trans) != (nl+2)*nl || len(w) != len(keys)*nl {
		return nil, errors.New("tagger: weight arrays have the wrong size")
	}
	m := &Model{labels: labels, feats: fs, nl: nl, scale: scale, allowed: allowedMatrix(labels)}
	ntr := (nl + 1) * nl
	m.trans = make([]int64, ntr)
	m.final = make([]int64, nl)
	for i := 0; i < ntr; i++ {
		m.trans[i] = int64(trans[i])
	}
	for i := 0; i < nl; i++ {
		m.final[i] = int64(trans[ntr+i])
	}
	m.table = newWeightTable(keys, w, nl)
	return m, nil
}

// pcg is a fixed 64-bit permuted congruential generator, so that shuffles
// do not depend on the Go version.
type pcg struct{ state uint64 }

func newPCG(seed uint64) *pcg {
	p := &pcg{state: seed*0x9e3779b97f4a7c15 + 0x853c49e6748fea9b}
	p.next()
	return p
}

func (p *pcg) next() uint32 {
	old := p.state
	p.state = old*6364136223846793005 + 1442695040888963407
	x := uint32(((old >> 18) ^ old) >> 27)
	rot := uint32(old >> 59)
	return x>>rot | x<<((-rot)&31)
}

// shuffle permutes s (Fisher–Yates).
func (p *pcg) shuffle(s []int) {
	for i := len(s) - 1; i > 0; i-- {
		j := int(uint64(p.next()) * uint64(i+1) >> 32)
		s[i], s[j] = s[j], s[i]
	}
}
