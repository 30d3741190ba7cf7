// Command train trains kenner's learned entity model: an averaged
// structured perceptron over the features of kenner's own pipeline
// (gazetteer and rule hits, first names, stems, shapes, context), with
// BIO-constrained Viterbi decoding and the twelve GermEval labels (PER,
// LOC, ORG, OTH, each as name, deriv or part).
//
// It cross-validates on the annotated files given as arguments (GermEval
// 2014 TSV or CoNLL: token … tag), printing the scores of the whole
// pipeline per fold, pooled, per type, for news and Wikipedia sentences,
// and an ablation of the stages; then it trains on all data and writes the
// model:
//
//	go run ./examples/train -folds 5 -mincount 3 -prune 0.15 -gazdropout 0.3 \
//	    -smartdata ../shared/data/smartdata-de/smartdata-de-ner.tsv \
//	    -o entity/data/model.bin ../shared/data/germeval2014/NER-de-dev.tsv
//
// (the settings of the embedded default model; see the README).
//
// SmartData (and other -extra corpora) are always in training; their
// missing labels (OTH, deriv, part) are treated as unannotated. Training is
// deterministic: the same data and -seed give the same model bytes. Use the
// model with entity.WithModel, or make it the embedded default by writing
// it to entity/data/model.bin.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/corpus"
)

func main() {
	folds := flag.Int("folds", 5, "cross-validation folds over the main files (0: none)")
	smart := flag.String("smartdata", "", "SmartData TSV, always in training (PER, LOC, ORG only)")
	extra := flag.String("extra", "", "comma-separated GermEval/CoNLL files always in training")
	out := flag.String("o", "", "write the model trained on all data to this file")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "seed of the example order")
	jobs := flag.Int("j", 2, "folds trained in parallel")
	pred := flag.String("pred", "", "write the pooled cross-validated predictions as nerscore.py JSONL")
	forms := flag.Bool("forms", false, "also learn deriv and part forms (25 labels, ~3x slower model)")
	minCount := flag.Int("mincount", 1, "drop features seen on fewer tokens")
	prune := flag.Float64("prune", 0, "drop features whose largest weight is below this fraction of the 99.9th percentile of the features' largest weights")
	gazDrop := flag.Float64("gazdropout", 0, "add copies of the sentences with each gold entity's gazetteer and rule evidence removed with this probability")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: train [flags] annotated.tsv ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	cfg := config{files: flag.Args(), smart: *smart, extra: splitList(*extra), out: *out, folds: *folds,
		opts: entity.TrainOptions{Epochs: *epochs, Seed: *seed, Forms: *forms, MinCount: *minCount, Prune: *prune, GazDropout: *gazDrop}, jobs: max(1, *jobs), pred: *pred}
	if err := run(os.Stdout, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

type config struct {
	files, extra []string
	smart, out   string
	folds, jobs  int
	opts         entity.TrainOptions
	pred         string
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// unannotated are the labels SmartData does not annotate.
var unannotated = []string{"OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv", "PERpart", "LOCpart", "ORGpart", "OTHpart"}

func run(w io.Writer, cfg config) error {
	var main []corpus.Sentence
	for _, f := range cfg.files {
		s, err := readAnnotated(f)
		if err != nil {
			return err
		}
		main = append(main, s...)
	}
	var always []entity.Annotated
	for _, f := range cfg.extra {
		s, err := readAnnotated(f)
		if err != nil {
			return err
		}
		for _, x := range s {
			always = append(always, annotate(x, nil))
		}
	}
	if cfg.smart != "" {
		f, err := os.Open(cfg.smart)
		if err != nil {
			return err
		}
		s, err := corpus.ReadSmartData(f, cfg.smart)
		f.Close()
		if err != nil {
			return err
		}
		for _, x := range s {
			always = append(always, annotate(x, unannotated))
		}
	}
	fmt.Fprintf(w, "data: %d sentences to cross-validate, %d always in training\n", len(main), len(always))
	base, err := entity.NewExtractor(entity.WithoutModel())
	if err != nil {
		return err
	}
	if cfg.folds > 1 {
		if err := crossValidate(w, cfg, base, main, always); err != nil {
			return err
		}
	}
	if cfg.out == "" {
		return nil
	}
	all := append([]entity.Annotated(nil), always...)
	for _, s := range main {
		all = append(all, annotate(s, nil))
	}
	t0 := time.Now()
	m, err := base.Train(all, cfg.opts)
	if err != nil {
		return err
	}
	took := time.Since(t0)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(cfg.out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nfinal model: %d sentences, trained in %.1fs, %d bytes written to %s\n", len(all), took.Seconds(), buf.Len(), cfg.out)
	return nil
}

// readAnnotated reads a GermEval 2014 TSV or a CoNLL file.
func readAnnotated(path string) ([]corpus.Sentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	first := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			first = sc.Text()
			break
		}
	}
	if strings.HasPrefix(first, "#\t") || strings.Count(first, "\t") == 3 {
		return corpus.ReadGermEval(bytes.NewReader(b), path)
	}
	return corpus.ReadCoNLL(bytes.NewReader(b), path)
}

// annotate turns a corpus sentence into a training example.
func annotate(s corpus.Sentence, partial []string) entity.Annotated {
	a := entity.Annotated{Text: s.Text(), Partial: partial}
	for _, sp := range s.GoldSpans(true) {
		t, err := gazetteer.ParseType(sp.Type)
		if err != nil {
			continue
		}
		f := entity.FormName
		switch sp.Form {
		case "deriv":
			f = entity.FormDeriv
		case "part":
			f = entity.FormPart
		}
		a.Spans = append(a.Spans, entity.AnnotatedSpan{Start: sp.Start, End: sp.End, Type: t, Form: f})
	}
	return a
}

// stagesRow is one row of the ablation table.
type stagesRow struct {
	name   string
	stages entity.Stage
}

var ablation = []stagesRow{
	{"gazetteer", entity.StageGazetteer},
	{"+ rules", entity.StageGazetteer | entity.StageRules},
	{"+ coref", entity.StageGazetteer | entity.StageRules | entity.StageCoref},
	{"+ model", entity.AllStages},
}

func crossValidate(w io.Writer, cfg config, base *entity.Extractor, main []corpus.Sentence, always []entity.Annotated) error {
	preds := make([][][]corpus.Span, len(ablation))
	for i := range preds {
		preds[i] = make([][]corpus.Span, len(main))
	}
	type result struct {
		fold  int
		took  time.Duration
		bytes int
		err   error
	}
	results := make([]result, cfg.folds)
	sem := make(chan struct{}, cfg.jobs)
	var wg sync.WaitGroup
	t0 := time.Now()
	for k := 0; k < cfg.folds; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			train := append([]entity.Annotated(nil), always...)
			for i, s := range main {
				if i%cfg.folds != k {
					train = append(train, annotate(s, nil))
				}
			}
			t := time.Now()
			m, err := base.Train(train, cfg.opts)
			if err != nil {
				results[k] = result{fold: k, err: err}
				return
			}
			var buf bytes.Buffer
			if err := m.Save(&buf); err != nil {
				results[k] = result{fold: k, err: err}
				return
			}
			results[k] = result{fold: k, took: time.Since(t), bytes: buf.Len()}
			for a, row := range ablation {
				x, err := entity.NewExtractor(entity.WithStages(row.stages), entity.WithModel(bytes.NewReader(buf.Bytes())))
				if err != nil {
					results[k].err = err
					return
				}
				for i, s := range main {
					if i%cfg.folds != k {
						continue
					}
					for _, m := range x.Extract(s.Text()).Mentions {
						preds[a][i] = append(preds[a][i], corpus.Span{Start: m.Start, End: m.End, Type: m.Type.String(), Form: m.Form.String()})
					}
				}
			}
		}(k)
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return r.err
		}
		fmt.Fprintf(w, "fold %d: trained in %.1fs, model %d bytes\n", r.fold, r.took.Seconds(), r.bytes)
	}
	fmt.Fprintf(w, "cross-validation: %d folds in %.1fs\n", cfg.folds, time.Since(t0).Seconds())
	full := preds[len(preds)-1]
	// Per-fold base4 F1 of the whole pipeline.
	for k := 0; k < cfg.folds; k++ {
		var g []corpus.Sentence
		var p [][]corpus.Span
		for i := range main {
			if i%cfg.folds == k {
				g, p = append(g, main[i]), append(p, full[i])
			}
		}
		r := corpus.Score(g, p, corpus.ScoreOptions{})
		fmt.Fprintf(w, "fold %d: base4 F1 %.4f  full12 F1 %.4f\n", k, r.Base4.F1, r.Full12.F1)
	}
	for _, sub := range []string{"all", "news", "wiki"} {
		r := corpus.Score(main, full, corpus.ScoreOptions{Subset: sub})
		fmt.Fprintf(w, "\n== pooled cross-validation, full pipeline, %s sentences\n", sub)
		if err := r.WriteTable(w); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n== ablation (pooled cross-validation, base4 unless noted)\n")
	fmt.Fprintf(w, "%-10s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", "stages", "P", "R", "F1", "PER", "LOC", "ORG", "OTH", "news", "wiki", "full12")
	for a, row := range ablation {
		r := corpus.Score(main, preds[a], corpus.ScoreOptions{})
		n := corpus.Score(main, preds[a], corpus.ScoreOptions{Subset: "news"})
		wk := corpus.Score(main, preds[a], corpus.ScoreOptions{Subset: "wiki"})
		fmt.Fprintf(w, "%-10s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f\n", row.name,
			r.Base4.Precision, r.Base4.Recall, r.Base4.F1, r.PerType["PER"].F1, r.PerType["LOC"].F1,
			r.PerType["ORG"].F1, r.PerType["OTH"].F1, n.Base4.F1, wk.Base4.F1, r.Full12.F1)
	}
	if cfg.pred != "" {
		f, err := os.Create(cfg.pred)
		if err != nil {
			return err
		}
		if err := corpus.WritePredJSONL(f, main, full); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return nil
}
