package topic

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/stem/german"
)

// Example is one labelled text for Train.
type Example struct {
	Label string
	Text  string
	// Doc is the entity document of Text (optional). With documents, the
	// classifier also sees the geographic focus (Inland vs. International).
	Doc *entity.Document
}

// Prediction is a label with its probability.
type Prediction struct {
	Label string  `json:"label"`
	Prob  float64 `json:"prob"`
}

// TrainOption configures Train.
type TrainOption func(*trainOptions)

type trainOptions struct {
	epochs      int
	l2          float64
	rate        float64
	seed        uint64
	topics      bool
	topicWeight float64
	minDF       int
	tagger      *Tagger
}

// WithEpochs sets the number of passes over the training data (default 40).
func WithEpochs(n int) TrainOption { return func(o *trainOptions) { o.epochs = n } }

// WithL2 sets the L2 regularisation strength per example (default 1e-5).
func WithL2(l2 float64) TrainOption { return func(o *trainOptions) { o.l2 = l2 } }

// WithSeed sets the seed of the example order (default 1). Training is
// deterministic for a given seed and data.
func WithSeed(seed uint64) TrainOption { return func(o *trainOptions) { o.seed = seed } }

// WithTopicFeatures turns the built-in tagger's topic scores (and, with
// entity documents, the geographic focus) into features beside the words
// (default on). They carry the tagger's curated knowledge into the
// classifier, which helps most when there are few training texts.
func WithTopicFeatures(on bool) TrainOption { return func(o *trainOptions) { o.topics = on } }

// WithTopicWeight scales the topic and focus features against the words
// (default 1).
func WithTopicWeight(w float64) TrainOption { return func(o *trainOptions) { o.topicWeight = w } }

// WithMinDF drops words that occur in fewer than n training texts
// (default 1: keep all).
func WithMinDF(n int) TrainOption { return func(o *trainOptions) { o.minDF = n } }

// WithTrainTagger uses t instead of the default tagger for the topic
// features. The same tagger is used for prediction; a saved classifier
// always predicts with the default tagger.
func WithTrainTagger(t *Tagger) TrainOption { return func(o *trainOptions) { o.tagger = t } }

// Classifier assigns one of the user's own labels (Inland, Wirtschaft,
// Sport …) to a text. It is a multinomial logistic regression over TF-IDF
// weighted word stems (Snowball German, as the Tagger uses them) and,
// optionally, the built-in tagger's topic shares and geographic focus. Build it with Train or
// LoadClassifier; it is immutable and safe for concurrent use.
type Classifier struct {
	labels      []string
	feats       map[string]int32 // feature key → index
	keys        []string         // index → key (sorted)
	idf         []float32        // per feature (1 for topic features)
	w           []float32        // len(labels) × len(keys), row-major by label
	b           []float32        // per label
	topics      bool
	topicWeight float32
	tagger      *Tagger
}

// Feature key prefixes.
const (
	featWord  = "w:"
	featTopic = "t:"
	featFocus = "f:"
)

type fv struct {
	idx int32
	v   float32
}

// wordCounts returns the stem counts of text.
func wordCounts(text string) map[string]int {
	ws := appendWords(nil, text, 0)
	m := make(map[string]int, len(ws)/2)
	for _, w := range ws {
		s := text[w.start:w.end]
		if !hasLetter(s) {
			continue
		}
		m[german.Stem(s)]++
	}
	return m
}

// topicFeatures returns the tagger's topic and focus features of a text:
// for each top-level and second-level topic with evidence, its share of
// the total top-level weight, and the focus scores of countries.
func topicFeatures(t *Tagger, text string, doc *entity.Document) map[string]float64 {
	res := t.tagAll(text, doc)
	m := make(map[string]float64, 16)
	var total float64
	for _, tp := range res.Topics {
		if tp.Level == 1 {
			total += tp.Weight
		}
	}
	if total > 0 {
		for _, tp := range res.Topics {
			if tp.Level <= 2 {
				m[featTopic+tp.ID] = tp.Weight / total
			}
		}
	}
	for _, f := range res.Focus {
		if !f.Place {
			m[featFocus+f.Country] = f.Score
		}
	}
	return m
}

// tagAll tags without threshold and topic limit, for features.
func (t *Tagger) tagAll(text string, doc *entity.Document) Result {
	o := t.opt
	o.threshold = 1e-9
	o.maxTopics = 0
	o.maxEvidence = 1
	return t.tagWith(&o, text, doc)
}

// Train fits a classifier on labelled examples. It returns an error when
// there are no examples, an example has no label or there are fewer than two
// labels. Training is deterministic: the same examples and options give the
// same classifier (and the same file from Save).
func Train(examples []Example, opts ...TrainOption) (*Classifier, error) {
	o := trainOptions{epochs: 40, l2: 1e-5, rate: 0.5, seed: 1, topics: true, topicWeight: 1, minDF: 1}
	for _, f := range opts {
		f(&o)
	}
	if len(examples) == 0 {
		return nil, errors.New("topic: Train: no examples")
	}
	labelSet := map[string]bool{}
	for i, e := range examples {
		if e.Label == "" {
			return nil, fmt.Errorf("topic: Train: example %d has no label", i)
		}
		labelSet[e.Label] = true
	}
	if len(labelSet) < 2 {
		return nil, errors.New("topic: Train: need at least two labels")
	}
	c := &Classifier{topics: o.topics, topicWeight: float32(o.topicWeight)}
	for l := range labelSet {
		c.labels = append(c.labels, l)
	}
	slices.Sort(c.labels)
	if o.topics {
		c.tagger = o.tagger
		if c.tagger == nil {
			t, err := defaultTagger()
			if err != nil {
				return nil, err
			}
			c.tagger = t
		}
	}
	// Vocabulary and document frequencies.
	counts := make([]map[string]int, len(examples))
	tfeat := make([]map[string]float64, len(examples))
	df := map[string]int{}
	for i, e := range examples {
		counts[i] = wordCounts(e.Text)
		for s := range counts[i] {
			df[featWord+s]++
		}
		if o.topics {
			tfeat[i] = topicFeatures(c.tagger, e.Text, e.Doc)
			for k := range tfeat[i] {
				df[k]++
			}
		}
	}
	for k, n := range df {
		if strings.HasPrefix(k, featWord) && n < o.minDF {
			continue
		}
		c.keys = append(c.keys, k)
	}
	slices.Sort(c.keys)
	c.feats = make(map[string]int32, len(c.keys))
	c.idf = make([]float32, len(c.keys))
	n := float64(len(examples))
	for i, k := range c.keys {
		c.feats[k] = int32(i)
		if strings.HasPrefix(k, featWord) {
			c.idf[i] = float32(math.Log((1+n)/(1+float64(df[k]))) + 1)
		} else {
			c.idf[i] = 1
		}
	}
	// Feature vectors.
	xs := make([][]fv, len(examples))
	ys := make([]int, len(examples))
	for i, e := range examples {
		xs[i] = c.vector(counts[i], tfeat[i])
		ys[i], _ = slices.BinarySearch(c.labels, e.Label)
	}
	c.fit(xs, ys, o)
	return c, nil
}

// vector builds the sparse feature vector: L2-normalised sublinear TF-IDF
// of the words, then the topic features times topicWeight.
func (c *Classifier) vector(counts map[string]int, tf map[string]float64) []fv {
	x := make([]fv, 0, len(counts)+len(tf))
	var norm float64
	for s, n := range counts {
		i, ok := c.feats[featWord+s]
		if !ok {
			continue
		}
		v := (1 + math.Log(float64(n))) * float64(c.idf[i])
		x = append(x, fv{i, float32(v)})
		norm += v * v
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for k := range x {
			x[k].v *= inv
		}
	}
	for k, v := range tf {
		i, ok := c.feats[k]
		if !ok {
			continue
		}
		x = append(x, fv{i, float32(v) * c.topicWeight})
	}
	slices.SortFunc(x, func(a, b fv) int { return int(a.idx - b.idx) })
	return x
}

// fit trains the weights by stochastic gradient descent with AdaGrad step
// sizes on the softmax cross-entropy loss with L2 regularisation. The
// example order is shuffled with a seeded generator, so training is
// deterministic.
func (c *Classifier) fit(xs [][]fv, ys []int, o trainOptions) {
	nl, nf := len(c.labels), len(c.keys)
	w := make([]float64, nl*nf)
	g2 := make([]float64, nl*nf)
	b := make([]float64, nl)
	gb2 := make([]float64, nl)
	p := make([]float64, nl)
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.seed, 0x6b656e6e6572))
	const eps = 1e-8
	for ep := 0; ep < o.epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			x := xs[i]
			for l := 0; l < nl; l++ {
				s := b[l]
				row := w[l*nf:]
				for _, f := range x {
					s += row[f.idx] * float64(f.v)
				}
				p[l] = s
			}
			softmax(p)
			for l := 0; l < nl; l++ {
				gl := p[l]
				if l == ys[i] {
					gl -= 1
				}
				row, rg := w[l*nf:], g2[l*nf:]
				for _, f := range x {
					g := gl*float64(f.v) + o.l2*row[f.idx]
					rg[f.idx] += g * g
					row[f.idx] -= o.rate * g / (math.Sqrt(rg[f.idx]) + eps)
				}
				gb2[l] += gl * gl
				b[l] -= o.rate * gl / (math.Sqrt(gb2[l]) + eps)
			}
		}
	}
	// Weights are kept at the precision Save writes (half), so that a
	// loaded classifier predicts exactly like the trained one.
	c.w = make([]float32, len(w))
	for i, v := range w {
		c.w[i] = fromHalf(toHalf(float32(v)))
	}
	c.b = make([]float32, nl)
	for i, v := range b {
		c.b[i] = float32(v)
	}
}

func softmax(p []float64) {
	m := math.Inf(-1)
	for _, v := range p {
		m = max(m, v)
	}
	var s float64
	for i, v := range p {
		p[i] = math.Exp(v - m)
		s += p[i]
	}
	for i := range p {
		p[i] /= s
	}
}

// Labels returns the labels the classifier knows, sorted.
func (c *Classifier) Labels() []string { return slices.Clone(c.labels) }

// Predict returns the probability of every label for text, highest first.
func (c *Classifier) Predict(text string) []Prediction { return c.PredictDoc(text, nil) }

// PredictDoc is Predict with the entity document of text (see Example.Doc).
func (c *Classifier) PredictDoc(text string, doc *entity.Document) []Prediction {
	var tf map[string]float64
	if c.topics && c.tagger != nil {
		tf = topicFeatures(c.tagger, text, doc)
	}
	x := c.vector(wordCounts(text), tf)
	nf := len(c.keys)
	p := make([]float64, len(c.labels))
	for l := range c.labels {
		s := float64(c.b[l])
		row := c.w[l*nf:]
		for _, f := range x {
			s += float64(row[f.idx]) * float64(f.v)
		}
		p[l] = s
	}
	softmax(p)
	out := make([]Prediction, len(p))
	for l, v := range p {
		out[l] = Prediction{c.labels[l], v}
	}
	slices.SortStableFunc(out, func(a, b Prediction) int {
		switch {
		case a.Prob > b.Prob:
			return -1
		case a.Prob < b.Prob:
			return 1
		}
		return 0
	})
	return out
}

// Classify returns the most probable label of text and its probability.
func (c *Classifier) Classify(text string) (string, float64) {
	p := c.Predict(text)
	return p[0].Label, p[0].Prob
}

// Folds assigns n examples with the given labels to k cross-validation
// folds, stratified by label: each label's examples, in an order shuffled
// with seed, are dealt round-robin, continuing where the previous label
// (in sorted order) stopped. The same labels, k and seed give the same
// folds. It returns the fold (0 … k-1) of every example.
func Folds(labels []string, k int, seed uint64) []int {
	by := map[string][]int{}
	var names []string
	for i, l := range labels {
		if _, ok := by[l]; !ok {
			names = append(names, l)
		}
		by[l] = append(by[l], i)
	}
	slices.Sort(names)
	rng := rand.New(rand.NewPCG(seed, 0x666f6c6473))
	out := make([]int, len(labels))
	if k < 1 {
		return out
	}
	next := 0
	for _, l := range names {
		idx := by[l]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			out[i] = next % k
			next++
		}
	}
	return out
}
