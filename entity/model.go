package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/tagger"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Model is a learned sequence tagger for entities: an averaged structured
// perceptron over features of kenner's own pipeline (words, stems, shapes,
// gazetteer and rule hits, first names). Train one with Train or
// (*Extractor).Train, save it with Save, and use it with WithModel. A Model
// is immutable and safe for concurrent use.
type Model struct {
	m      *tagger.Model
	once   sync.Once
	labels []label
}

// Save writes the model in its compact binary form.
func (m *Model) Save(w io.Writer) error { return m.m.Save(w) }

// Labels returns the model's labels (O, B-PER, I-PER, …).
func (m *Model) Labels() []string { return m.m.Labels() }

// LoadModel reads a model written by Save.
func LoadModel(r io.Reader) (*Model, error) {
	m, err := tagger.LoadFeatures(r, modelFeatures)
	if err != nil {
		return nil, fmt.Errorf("entity: model: %w", err)
	}
	return &Model{m: m}, nil
}

// modelFeatures is the feature set of entity models: the tagger's default
// set over tokens filled by the extractor.
var modelFeatures = tagger.DefaultFeatures()

// WithModel makes the extractor use the model read from r (written by
// Model.Save) instead of the embedded default model.
func WithModel(r io.Reader) Option {
	return func(o *options) error {
		m, err := LoadModel(r)
		if err != nil {
			return err
		}
		o.model = m
		return nil
	}
}

// WithoutModel makes the extractor run without a learned model (the same as
// leaving StageModel out of WithStages).
func WithoutModel() Option {
	return func(o *options) error {
		o.stages &^= StageModel
		return nil
	}
}

//go:embed data/model.bin
var defaultModelBytes []byte

// DefaultModel returns the embedded default model, read once. It is nil
// with an error if the embedded model cannot be read.
var DefaultModel = sync.OnceValues(func() (*Model, error) {
	if len(defaultModelBytes) == 0 {
		return nil, nil
	}
	return LoadModel(bytes.NewReader(defaultModelBytes))
})

// modelLabelTypes are the entity types the default model learns: the four
// base types and the derived and part forms GermEval annotates.
var modelLabelTypes = []string{
	"PER", "LOC", "ORG", "OTH",
	"PERderiv", "LOCderiv", "ORGderiv", "OTHderiv",
	"PERpart", "LOCpart", "ORGpart", "OTHpart",
}

// sequence fills s.seq with the tokens of sentence sent, with the features
// of the stages run so far: gazetteer hits, accepted mentions, first names
// and lower-case occurrences.
func (x *Extractor) sequence(text string, s *scratch, sent tokenize.Sentence) *tagger.Sequence {
	seq := &s.seq
	seq.Tokens = seq.Tokens[:0]
	s.gazHits = s.gazHits[:0]
	// Gazetteer matches by first token, from the first one that can reach
	// this sentence (binary search: matches are in text order).
	mi := sort.Search(len(s.matches), func(i int) bool { return s.matches[i].Last > sent.First })
	for i := sent.First; i < sent.Last; i++ {
		t := &s.toks[i]
		tt := tagger.Token{Text: t.Text, Flags: tagger.Flag(t.Flags), Word: s.wtok[i] + 1}
		if i == sent.First {
			tt.Flags |= tagger.SentStart
		}
		if t.Kind == tokenize.Word {
			tt.Stem = x.stemAt(i, s)
			if t.Flags&tokenize.Upper != 0 {
				tt.FirstName = s.word(i).has(wFirst)
				tt.LowerElsewhere = s.lowerAt(i)
			}
		}
		// Gazetteer hits covering token i.
		for mi < len(s.matches) && s.matches[mi].Last <= i {
			mi++
		}
		a := len(s.gazHits)
		for j := mi; j < len(s.matches) && s.matches[j].First <= i; j++ {
			m := &s.matches[j]
			if m.Last <= i || len(m.Entries) == 0 {
				continue
			}
			e := m.Entries[0]
			s.gazHits = append(s.gazHits, tagger.GazHit{
				Type: e.Type.String(), Form: m.Form.String(), Begin: i == m.First, Ambiguous: e.Prior < 0.9,
			})
		}
		if b := len(s.gazHits); b > a {
			tt.Gaz = s.gazHits[a:b:b]
		}
		if id := s.owner[i]; id != 0 {
			sp := &s.spans[id-1]
			tt.Rule = ruleLabel(sp)
		}
		seq.Tokens = append(seq.Tokens, tt)
	}
	return seq
}

// ruleLabel names the stage decision on a token for the model's features.
func ruleLabel(sp *span) string {
	if sp.typ == 0 {
		return ""
	}
	switch sp.src {
	case SourceGazetteer:
		return gazLabels[sp.typ][sp.form]
	default:
		return ruleLabels[sp.typ][sp.form]
	}
}

var gazLabels, ruleLabels [5][4]string

func init() {
	for _, t := range []Type{PER, LOC, ORG, OTH} {
		for _, f := range []Form{FormName, FormDeriv, FormPart} {
			gazLabels[t][f] = "g" + t.String() + f.String()
			ruleLabels[t][f] = "r" + t.String() + f.String()
		}
	}
}

// maxStemCache bounds the number of words in an extractor's stem cache.
const maxStemCache = 1 << 14

// stem returns the Snowball stem of w through the extractor's cache.
func (x *Extractor) stem(w string, s *scratch) string {
	if v, ok := x.stems.Load(w); ok {
		return v.(string)
	}
	st := stemWord(w)
	// The cache is bounded, so that a stream of ever new words cannot
	// make it grow without end.
	if len(w) <= 32 && x.nStems.Load() < maxStemCache {
		// Clone: w and st are substrings of the caller's text, which the
		// cache must not keep alive.
		st = strings.Clone(st)
		if _, loaded := x.stems.LoadOrStore(strings.Clone(w), st); !loaded {
			x.nStems.Add(1)
		}
	}
	return st
}

// modelStage tags every sentence with the model and merges its spans with
// those of the gazetteer and the rules.
func (x *Extractor) modelStage(text string, s *scratch) {
	for _, sent := range s.sents {
		if sent.Last <= sent.First {
			continue
		}
		seq := x.sequence(text, s, sent)
		if s.tg == nil || s.tgModel != x.model {
			s.tg, s.tgModel = x.model.m.NewTagger(), x.model
		}
		s.labels = s.tg.Tag(seq, s.labels[:0])
		s.modelSpans = appendModelSpans(s.modelSpans[:0], x.model, s.labels, sent.First)
		s.margins = s.margins[:0] // computed by spanMargin when needed
		x.merge(text, s, sent)
	}
}

// mspan is a span proposed by the model over tokens [first, last).
type mspan struct {
	first, last int
	typ         Type
	form        Form
}

// spanMargin returns the smallest label margin of the tokens of ms, a span
// of sentence sent, computing the sentence's margins on first use (most
// sentences need none: the model only confirms other stages' spans).
func (s *scratch) spanMargin(ms mspan, sent tokenize.Sentence) float64 {
	if len(s.margins) == 0 {
		s.margins = s.tg.Margins(s.labels, s.margins[:0])
	}
	m := math.Inf(1)
	for t := ms.first; t < ms.last; t++ {
		m = min(m, s.margins[t-sent.First])
	}
	return m
}

func appendModelSpans(dst []mspan, m *Model, labels []int, off int) []mspan {
	cur := -1
	var ct Type
	var cf Form
	for i, l := range labels {
		lab := m.label(l)
		if lab.begin || lab.typ == 0 || cur >= 0 && (lab.typ != ct || lab.form != cf) {
			if cur >= 0 {
				dst = append(dst, mspan{first: cur + off, last: i + off, typ: ct, form: cf})
				cur = -1
			}
			if lab.typ != 0 {
				cur, ct, cf = i, lab.typ, lab.form
			}
		}
	}
	if cur >= 0 {
		dst = append(dst, mspan{first: cur + off, last: len(labels) + off, typ: ct, form: cf})
	}
	return dst
}

// label is a parsed model label.
type label struct {
	begin bool
	typ   Type
	form  Form
}

func (m *Model) label(i int) label {
	m.once.Do(func() {
		for _, l := range m.m.Labels() {
			var lb label
			if len(l) > 2 && (l[0] == 'B' || l[0] == 'I') && l[1] == '-' {
				lb.begin = l[0] == 'B'
				t := l[2:]
				lb.form = FormName
				for _, f := range []Form{FormDeriv, FormPart} {
					if n := len(t) - len(f.String()); n > 0 && t[n:] == f.String() {
						lb.form, t = f, t[:n]
					}
				}
				if typ, err := gazetteer.ParseType(t); err == nil {
					lb.typ = typ
				}
			}
			m.labels = append(m.labels, lb)
		}
	})
	if i < 0 || i >= len(m.labels) {
		return label{}
	}
	return m.labels[i]
}

// merge combines the model's spans for one sentence with those of the
// gazetteer and the rules. Measured on GermEval (5-fold cross-validation,
// see examples/train), letting the model decide everything and keeping the
// gazetteer's confident names score the same; so the gazetteer keeps what it
// is sure of (names with a prior ≥ 0.9, and the form of derived words and
// compound parts), and the model decides the rest:
//   - a model span on the same tokens as an earlier span confirms it; for a
//     confident gazetteer span the gazetteer's type, form and link stay,
//     otherwise the model's type and form win;
//   - a model span that overlaps a confident gazetteer span is dropped;
//   - any other model span is added, replacing rule spans it overlaps;
//   - gazetteer spans the model did not confirm stay, rule spans go.
func (x *Extractor) merge(text string, s *scratch, sent tokenize.Sentence) {
	for _, ms := range s.modelSpans {
		if allPunct(s.toks[ms.first:ms.last]) {
			continue // punctuation alone names nothing
		}
		var prev *span
		blocked := false
		for t := ms.first; t < ms.last; t++ {
			id := s.owner[t]
			if id == 0 {
				continue
			}
			sp := &s.spans[id-1]
			if sp.first == ms.first && sp.last == ms.last {
				prev = sp
			} else if sp.certain {
				blocked = true
			}
		}
		if blocked {
			continue
		}
		if prev != nil {
			prev.confirmed = true
			if prev.certain {
				continue
			}
			if prev.typ != ms.typ {
				prev.entry = nil
				prev.typ = ms.typ
			}
			if ms.form != prev.form && prev.src != SourceGazetteer {
				prev.form = ms.form
			}
			continue
		}
		margin := s.spanMargin(ms, sent)
		if margin < minMargin {
			continue // too close a call for a name nothing else found
		}
		x.claim(ms.first, ms.last, s)
		sp := span{
			first: ms.first, last: ms.last, start: s.toks[ms.first].Start, end: s.toks[ms.last-1].End,
			typ: ms.typ, form: ms.form, src: SourceModel, score: marginScore(margin), confirmed: true,
		}
		sp.partStart, sp.partEnd = sp.start, sp.end
		// Link to a gazetteer name on the same tokens that the gazetteer
		// stage turned down as too ambiguous (Europa at a sentence start).
		if m := matchAt(s.matches, ms.first, ms.last); m != nil && m.Entries[0].Type == ms.typ {
			if ms.last-ms.first == 1 && m.Form == FormName && nounAfterDeterminer(m.Entries[0], ms.first, s) {
				continue
			}
			sp.entry = m.Entries[0]
			if m.Form == FormPart && ms.form == FormPart {
				sp.partStart, sp.partEnd = m.PartStart, m.PartEnd
			}
		}
		s.add(sp)
	}
	for i := sent.First; i < sent.Last; i++ {
		id := s.owner[i]
		if id == 0 {
			continue
		}
		sp := &s.spans[id-1]
		if sp.confirmed || sp.certain || sp.typ == 0 || sp.src == SourceGazetteer {
			continue
		}
		for t := sp.first; t < sp.last; t++ {
			s.owner[t] = 0
		}
		sp.typ = 0
	}
}

// matchAt returns the gazetteer match over exactly tokens [first, last).
func matchAt(ms []gazetteer.Match, first, last int) *gazetteer.Match {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].First >= first })
	for ; i < len(ms) && ms[i].First == first; i++ {
		if ms[i].Last == last && len(ms[i].Entries) > 0 {
			return &ms[i]
		}
	}
	return nil
}

// minMargin is the label margin (in model weight units) a name only the
// model found must have. Chosen on pooled 5-fold cross-validation over
// GermEval dev (base4 F1 at margin 0: 0.627, 3: 0.632, 6: 0.633, 10: 0.629;
// rechecked for the model trained with evidence dropout: 3: 0.637, 6:
// 0.639, 10: 0.633).
const minMargin = 6

// marginScore maps a margin to a confidence in [0,1): 0.5 at minMargin.
func marginScore(m float64) float64 {
	if math.IsInf(m, 1) {
		return 0.99
	}
	return m / (m + minMargin)
}

// allPunct reports whether every token of toks is punctuation. (Numbers
// and symbols can be names in the training data: 1860 for TSV 1860
// München, road numbers, € and $ in GermEval.)
func allPunct(toks []tokenize.Token) bool {
	for i := range toks {
		if toks[i].Kind != tokenize.Punct {
			return false
		}
	}
	return true
}
