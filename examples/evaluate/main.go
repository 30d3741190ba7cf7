// Command evaluate measures kenner's entity extraction on annotated German
// data: GermEval 2014 (PER, LOC, ORG, OTH with deriv/part forms) and the
// SmartData corpus (PER, LOC, ORG).
//
//	go run ./examples/evaluate                       # gazetteer and rules, both corpora from ../shared/data
//	go run ./examples/evaluate -ablation             # gazetteer only, + rules, + coref
//	go run ./examples/evaluate -model m.bin -ablation  # … and + model (a model not trained on this data)
//	go run ./examples/evaluate -jsonl-out pred.jsonl # predictions for nerscore.py
//	go run ./examples/evaluate -errors 50            # print the first 50 base4 errors
//	go run ./examples/evaluate -germeval '' -smartdata '' -model default \
//	    -articles examples/evaluate/testdata/articles  # 40 whole articles no model was trained on
//
// Each sentence is extracted on its own, its text being the tokens joined by
// single spaces. Scores are strict outer spans: "base4" over PER, LOC, ORG,
// OTH without deriv/part, "full12" over the twelve labels, per type, and for
// the news and Wikipedia subsets. Without -model the learned model is off
// (-model default uses the embedded one, which was trained on GermEval dev
// and SmartData: scores on those are then in-sample; use examples/train for
// cross-validated figures). The figures agree with
// ../shared/tools/nerscore.py on the predictions written by -jsonl-out.
//
// -articles scores whole articles, extracted as one text each, against the
// hand annotation beside them (testdata/articles/README.md): every mention,
// compounds and adjectives by the type of the entity they name, strict by
// byte offsets and type.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/corpus"
)

func main() {
	germeval := flag.String("germeval", "../shared/data/germeval2014/NER-de-dev.tsv", "GermEval 2014 TSV file (empty: skip)")
	smart := flag.String("smartdata", "../shared/data/smartdata-de/smartdata-de-ner.tsv", "SmartData TSV file (empty: skip)")
	out := flag.String("jsonl-out", "", "write the GermEval predictions as nerscore.py JSONL to this file")
	ablation := flag.Bool("ablation", false, "score each stage's contribution: gazetteer, +rules, +coref, +model")
	nErr := flag.Int("errors", 0, "print the first N base4 errors on GermEval")
	model := flag.String("model", "", "model file to use (\"default\": the embedded model; empty: no model)")
	articles := flag.String("articles", "", "directory of annotated articles (NAME.txt, NAME.gold.tsv) to score (empty: skip)")
	flag.Parse()
	if err := run(os.Stdout, *germeval, *smart, *out, *model, *articles, *ablation, *nErr); err != nil {
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

// config is one row of the ablation table.
type config struct {
	name   string
	stages entity.Stage
}

func run(w io.Writer, germeval, smart, out, model, articles string, ablation bool, nErr int) error {
	var modelOpt entity.Option = entity.WithoutModel()
	switch model {
	case "":
	case "default":
		modelOpt = nil
	default:
		b, err := os.ReadFile(model)
		if err != nil {
			return err
		}
		modelOpt = entity.WithModel(bytes.NewReader(b))
	}
	newExtractor := func(stages entity.Stage) (*entity.Extractor, error) {
		opts := []entity.Option{entity.WithStages(stages)}
		if modelOpt != nil {
			opts = append(opts, modelOpt)
		}
		return entity.NewExtractor(opts...)
	}
	configs := []config{{"full pipeline", entity.AllStages}}
	if ablation {
		configs = []config{
			{"gazetteer", entity.StageGazetteer},
			{"+ rules", entity.StageGazetteer | entity.StageRules},
			{"+ coref", entity.StageGazetteer | entity.StageRules | entity.StageCoref},
		}
		if model != "" {
			configs = append(configs, config{"+ model", entity.AllStages})
		}
	}
	if germeval != "" {
		sents, err := readFile(germeval, corpus.ReadGermEval)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "GermEval 2014 %s: %d sentences\n\n", germeval, len(sents))
		var rows []row
		for i, c := range configs {
			x, err := newExtractor(c.stages)
			if err != nil {
				return err
			}
			t0 := time.Now()
			preds := predict(x, sents)
			el := time.Since(t0)
			res := corpus.Score(sents, preds, corpus.ScoreOptions{Errors: nErr > 0})
			news := corpus.Score(sents, preds, corpus.ScoreOptions{Subset: "news"})
			wiki := corpus.Score(sents, preds, corpus.ScoreOptions{Subset: "wiki"})
			rows = append(rows, row{c.name, res, news, wiki, el})
			if i == len(configs)-1 {
				fmt.Fprintf(w, "== %s: all sentences\n", c.name)
				res.WriteTable(w)
				fmt.Fprintf(w, "\n== %s: news subset\n", c.name)
				news.WriteTable(w)
				fmt.Fprintf(w, "\n== %s: Wikipedia subset\n", c.name)
				wiki.WriteTable(w)
				if out != "" {
					if err := writePreds(out, sents, preds); err != nil {
						return err
					}
				}
				for j, e := range res.Errors {
					if j == nErr {
						break
					}
					fmt.Fprintf(w, "%-12s %s %q\n", e.Kind, e.Type, e.Text)
				}
			}
		}
		if ablation {
			fmt.Fprintf(w, "\n== ablation (GermEval, base4 F1 unless noted)\n")
			fmt.Fprintf(w, "%-14s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", "stages", "P", "R", "F1", "PER", "LOC", "ORG", "OTH", "news", "full12")
			for _, r := range rows {
				fmt.Fprintf(w, "%-14s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f\n", r.name,
					r.all.Base4.Precision, r.all.Base4.Recall, r.all.Base4.F1,
					r.all.PerType["PER"].F1, r.all.PerType["LOC"].F1, r.all.PerType["ORG"].F1, r.all.PerType["OTH"].F1,
					r.news.Base4.F1, r.all.Full12.F1)
			}
		}
		fmt.Fprintln(w)
	}
	if smart != "" {
		sents, err := readFile(smart, corpus.ReadSmartData)
		if err != nil {
			return err
		}
		x, err := newExtractor(entity.AllStages)
		if err != nil {
			return err
		}
		preds := predict(x, sents)
		res := corpus.Score(sents, preds, corpus.ScoreOptions{Types: []string{"PER", "LOC", "ORG"}})
		fmt.Fprintf(w, "== SmartData %s: %d sentences, types PER, LOC, ORG\n", smart, len(sents))
		res.WriteTable(w)
	}
	if articles != "" {
		arts, err := readArticles(articles)
		if err != nil {
			return err
		}
		x, err := newExtractor(entity.AllStages)
		if err != nil {
			return err
		}
		if smart != "" || germeval != "" {
			fmt.Fprintln(w)
		}
		writeArticleScore(w, articles, len(arts), scoreArticles(x, arts))
	}
	return nil
}

type row struct {
	name            string
	all, news, wiki corpus.Result
	took            time.Duration
}

func readFile(path string, read func(io.Reader, string) ([]corpus.Sentence, error)) ([]corpus.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}

// predict runs x over every sentence and returns its mentions as spans.
func predict(x *entity.Extractor, sents []corpus.Sentence) [][]corpus.Span {
	preds := make([][]corpus.Span, len(sents))
	for i, s := range sents {
		doc := x.Extract(s.Text())
		for _, m := range doc.Mentions {
			preds[i] = append(preds[i], corpus.Span{Start: m.Start, End: m.End, Type: m.Type.String(), Form: m.Form.String()})
		}
	}
	return preds
}

func writePreds(path string, sents []corpus.Sentence, preds [][]corpus.Span) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := corpus.WritePredJSONL(f, sents, preds); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
