package entity

import (
	"fmt"
	"io"

	"github.com/kenner-nlp/kenner/internal/tagger"
)

// Annotated is a training example: a text and its gold entity spans.
type Annotated struct {
	Text  string
	Spans []AnnotatedSpan
	// Partial lists the labels the example's corpus does not annotate
	// ("OTH", "LOCderiv", …): its unannotated tokens may still be such
	// entities, and training does not teach the model otherwise.
	Partial []string
}

// AnnotatedSpan is a gold entity span. Start and End are byte offsets into
// the example's text, end exclusive.
type AnnotatedSpan struct {
	Start, End int
	Type       Type
	Form       Form
}

// TrainOptions configure Train.
type TrainOptions struct {
	// Forms makes the model learn the derived and part forms as labels of
	// their own (LOCderiv, ORGpart: 25 labels instead of 9). The model is
	// then about three times slower; without it, derived words and
	// compound parts come from the gazetteer.
	Forms  bool
	Epochs int // passes over the data (default 10)
	// MinCount drops features seen on fewer tokens (default 1: keep all);
	// Prune drops features whose largest weight is below this fraction of
	// the 99.9th percentile of the features' largest weights. Both make the
	// model smaller and faster.
	MinCount int
	Prune    float64
	Seed     uint64    // seed of the example order; same data and seed give the same model
	Log      io.Writer // progress, one line per epoch (may be nil)
	// GazDropout adds to the training data a copy of every sentence with an
	// entity in which the gazetteer and rule evidence of each gold entity
	// is removed with this probability, as if nothing listed the name:
	// the model learns the context of names no list knows. 0: no copies.
	GazDropout float64
}

// Train trains a model on data with the features of x's gazetteer and
// rules (x's own model, if any, is not used). The model's labels are B-
// and I- of PER, LOC, ORG and OTH, and with opts.Forms also of their deriv
// and part forms (the twelve labels of GermEval 2014). Training is
// deterministic.
func (x *Extractor) Train(data []Annotated, opts TrainOptions) (*Model, error) {
	ex, err := x.Examples(data)
	if err != nil {
		return nil, err
	}
	if opts.GazDropout > 0 {
		ex = append(ex, dropEvidence(ex, opts.GazDropout, opts.Seed)...)
	}
	types := modelLabelTypes[:4]
	if opts.Forms {
		types = modelLabelTypes
	}
	m, err := tagger.Train(ex, tagger.TrainOptions{
		Types: types, Epochs: opts.Epochs, Seed: opts.Seed, MinCount: opts.MinCount, Prune: opts.Prune,
		Features: modelFeatures, Log: opts.Log,
	})
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	return &Model{m: m}, nil
}

// Examples turns annotated texts into the tagger's training sequences, one
// per sentence, with the features x's gazetteer and rules give them.
func (x *Extractor) Examples(data []Annotated) ([]tagger.Example, error) {
	noModel := &Extractor{gaz: x.gaz, first: x.first, lx: x.lx, rules: x.rules, stages: x.stages &^ StageModel}
	var out []tagger.Example
	s := new(scratch)
	for di, a := range data {
		for _, sp := range a.Spans {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				return nil, fmt.Errorf("entity: example %d: span [%d,%d) outside text of %d bytes", di, sp.Start, sp.End, len(a.Text))
			}
		}
		noModel.run(a.Text, s)
		for _, sent := range s.sents {
			if sent.Last <= sent.First {
				continue
			}
			seq := noModel.sequence(a.Text, s, sent)
			cp := &tagger.Sequence{Tokens: make([]tagger.Token, len(seq.Tokens))}
			copy(cp.Tokens, seq.Tokens)
			for i := range cp.Tokens {
				if g := cp.Tokens[i].Gaz; g != nil {
					cp.Tokens[i].Gaz = append([]tagger.GazHit(nil), g...)
				}
			}
			tags := make([]string, len(cp.Tokens))
			for i := range tags {
				tags[i] = "O"
			}
			for _, sp := range a.Spans {
				begin := true
				for i := sent.First; i < sent.Last; i++ {
					t := &s.toks[i]
					if t.End <= sp.Start || t.Start >= sp.End {
						continue
					}
					lab := sp.Type.String()
					if sp.Form == FormDeriv || sp.Form == FormPart {
						lab += sp.Form.String()
					}
					if begin {
						tags[i-sent.First] = "B-" + lab
						begin = false
					} else {
						tags[i-sent.First] = "I-" + lab
					}
				}
			}
			out = append(out, tagger.Example{Seq: cp, Tags: tags, Partial: a.Partial})
		}
	}
	return out, nil
}

// dropEvidence returns copies of the examples with entities in which the
// gazetteer hits and rule labels of each gold entity's tokens (and the
// gazetteer hits that reach into it) are removed with probability p.
// Deterministic for a seed.
func dropEvidence(ex []tagger.Example, p float64, seed uint64) []tagger.Example {
	state := seed*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
	next := func() float64 {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return float64(state>>11) / (1 << 53)
	}
	var out []tagger.Example
	for _, e := range ex {
		hasEntity := false
		for _, t := range e.Tags {
			if t != "O" {
				hasEntity = true
				break
			}
		}
		if !hasEntity {
			continue
		}
		cp := &tagger.Sequence{Tokens: append([]tagger.Token(nil), e.Seq.Tokens...)}
		drop := false
		for i, t := range e.Tags {
			if len(t) > 2 && t[0] == 'B' {
				drop = next() < p
			} else if t == "O" {
				drop = false
			}
			if drop {
				cp.Tokens[i].Gaz = nil
				cp.Tokens[i].Rule = ""
			}
		}
		out = append(out, tagger.Example{Seq: cp, Tags: e.Tags, Partial: e.Partial})
	}
	return out
}
