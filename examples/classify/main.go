// Command classify trains a topic.Classifier on your own labelled texts,
// cross-validates it and predicts labels for new texts.
//
// Training data is CSV (label,text; delimiter and quote character
// configurable, so the 10kGNAD format label;'text' works with
// -delim ';' -quote "'") or JSONL ({"label": …, "text": …} per line).
//
//	go run ./examples/classify -train data.csv -folds 10          # cross-validate
//	go run ./examples/classify -train data.csv -model news.kntc   # train and save
//	go run ./examples/classify -model news.kntc "Rapid gewinnt das Derby."
//	echo "Die Inflation steigt." | go run ./examples/classify -model news.kntc
//
// Without text arguments, -model reads one text per line from standard input.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/csvq"
	"github.com/kenner-nlp/kenner/internal/stream"
	"github.com/kenner-nlp/kenner/topic"
)

func main() {
	train := flag.String("train", "", "training data: .csv (label,text) or .jsonl ({\"label\",\"text\"})")
	model := flag.String("model", "", "classifier file: written after -train, read for prediction")
	folds := flag.Int("folds", 0, "cross-validate with this many folds (e.g. 10) before training")
	delim := flag.String("delim", ",", "CSV field delimiter")
	quote := flag.String("quote", "\"", "CSV quote character")
	useEnt := flag.Bool("entities", true, "extract entities (geographic focus features)")
	jsonOut := flag.Bool("json", false, "print all label probabilities as JSON")
	seed := flag.Uint64("seed", 1, "seed of the fold assignment")
	flag.Parse()

	var x *entity.Extractor
	if *useEnt {
		var err error
		if x, err = entity.NewExtractor(); err != nil {
			fatal(err)
		}
	}
	extract := func(text string) *entity.Document {
		if x == nil {
			return nil
		}
		return x.Extract(text)
	}

	if *train != "" {
		ex, err := readExamples(*train, *delim, *quote)
		if err != nil {
			fatal(err)
		}
		stream.Each(len(ex), func(i int) { ex[i].Doc = extract(ex[i].Text) })
		fmt.Fprintf(os.Stderr, "classify: %d examples\n", len(ex))
		if *folds > 1 {
			crossValidate(ex, *folds, *seed)
		}
		if *model != "" {
			c, err := topic.Train(ex)
			if err != nil {
				fatal(err)
			}
			f, err := os.Create(*model)
			if err != nil {
				fatal(err)
			}
			if err := c.Save(f); err != nil {
				fatal(err)
			}
			if err := f.Close(); err != nil {
				fatal(err)
			}
			fmt.Fprintf(os.Stderr, "classify: wrote %s (labels %s)\n", *model, strings.Join(c.Labels(), ", "))
		}
		return
	}
	if *model == "" {
		flag.Usage()
		os.Exit(2)
	}
	f, err := os.Open(*model)
	if err != nil {
		fatal(err)
	}
	c, err := topic.LoadClassifier(bufio.NewReader(f))
	f.Close()
	if err != nil {
		fatal(err)
	}
	predict := func(text string) {
		p := c.PredictDoc(text, extract(text))
		if *jsonOut {
			b, _ := json.Marshal(p)
			fmt.Println(string(b))
			return
		}
		fmt.Printf("%s\t%.3f\n", p[0].Label, p[0].Prob)
	}
	if flag.NArg() > 0 {
		for _, t := range flag.Args() {
			predict(t)
		}
		return
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			predict(sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "classify:", err)
	os.Exit(1)
}

// readExamples reads labelled texts from a .jsonl or CSV file.
func readExamples(path, delim, quote string) ([]topic.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var ex []topic.Example
	if strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".json") {
		dec := json.NewDecoder(br)
		for n := 1; ; n++ {
			var r struct{ Label, Text string }
			if err := dec.Decode(&r); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return nil, fmt.Errorf("%s: record %d: %w", path, n, err)
			}
			if r.Label == "" {
				return nil, fmt.Errorf("%s: record %d: no label", path, n)
			}
			ex = append(ex, topic.Example{Label: r.Label, Text: r.Text})
		}
		return ex, nil
	}
	d, q := []rune(delim), []rune(quote)
	if len(d) != 1 || len(q) != 1 {
		return nil, errors.New("-delim and -quote must be single characters")
	}
	rd := csvq.NewReader(br, d[0], q[0])
	for n := 1; ; n++ {
		row, err := rd.Read()
		if len(row) > 0 {
			if len(row) < 2 {
				return nil, fmt.Errorf("%s: record %d: want label%ctext", path, n, d[0])
			}
			label := strings.TrimSpace(row[0])
			if n == 1 && strings.EqualFold(label, "label") {
				continue // header
			}
			ex = append(ex, topic.Example{Label: label, Text: strings.Join(row[1:], delim)})
		}
		if errors.Is(err, io.EOF) {
			return ex, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", path, n, err)
		}
	}
}

// crossValidate prints the accuracy and macro-F1 of k-fold cross-validation
// (stratified folds; deterministic for a seed).
func crossValidate(ex []topic.Example, k int, seed uint64) {
	fold := folds(ex, k, seed)
	pred := make([]string, len(ex))
	stream.Each(k, func(f int) {
		var tr []topic.Example
		for i, e := range ex {
			if fold[i] != f {
				tr = append(tr, e)
			}
		}
		c, err := topic.Train(tr)
		if err != nil {
			fatal(err)
		}
		for i, e := range ex {
			if fold[i] == f {
				pred[i] = c.PredictDoc(e.Text, e.Doc)[0].Label
			}
		}
	})
	var labels []string
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	correct := 0
	for i, e := range ex {
		if !slices.Contains(labels, e.Label) {
			labels = append(labels, e.Label)
		}
		if pred[i] == e.Label {
			correct++
			tp[e.Label]++
		} else {
			fp[pred[i]]++
			fn[e.Label]++
		}
	}
	slices.Sort(labels)
	var macro float64
	fmt.Printf("%-16s %9s %9s %9s %8s\n", "label", "precision", "recall", "f1", "support")
	for _, l := range labels {
		var p, r, f1 float64
		if tp[l]+fp[l] > 0 {
			p = float64(tp[l]) / float64(tp[l]+fp[l])
		}
		if tp[l]+fn[l] > 0 {
			r = float64(tp[l]) / float64(tp[l]+fn[l])
		}
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		macro += f1
		fmt.Printf("%-16s %9.4f %9.4f %9.4f %8d\n", l, p, r, f1, tp[l]+fn[l])
	}
	fmt.Printf("%d-fold cross-validation: accuracy=%.4f macroF1=%.4f (%d examples)\n", k, float64(correct)/float64(len(ex)), macro/float64(len(labels)), len(ex))
}

// folds assigns the examples to k stratified folds (topic.Folds).
func folds(ex []topic.Example, k int, seed uint64) []int {
	labels := make([]string, len(ex))
	for i, e := range ex {
		labels[i] = e.Label
	}
	return topic.Folds(labels, k, seed)
}
