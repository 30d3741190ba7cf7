// Command evaltopic evaluates package topic on 10kGNAD, German news
// articles of DER STANDARD labelled with their newspaper section.
//
// Default mode: the built-in Tagger (no training) tags every article; its
// primary topic is mapped to a section with iptc_to_10kgnad.tsv (exact
// qcode, else the nearest mapped broader topic); articles mapped to
// International whose geographic focus is Austria count as Inland. It
// writes the predictions as JSONL for topicscore.py and prints accuracy,
// macro-F1 and the confusion matrix, computed the same way as
// topicscore.py (and, when python3 is available, checked against it).
//
// -classifier: 10-fold cross-validation of topic.Train beside a plain
// multinomial naive Bayes baseline on the same folds.
//
// Run from the repository root:
//
//	go run ./examples/evaltopic
//	go run ./examples/evaltopic -classifier -folds 10
//
// The 10kGNAD sample is licensed CC BY-NC-SA 4.0: it is used here for
// evaluation only and is not part of kenner.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/stream"
	"github.com/kenner-nlp/kenner/topic"
)

func main() {
	data := flag.String("data", "../shared/data/10kgnad/dev.csv", "10kGNAD CSV file (label;'text')")
	mapFile := flag.String("map", "../shared/tools/iptc_to_10kgnad.tsv", "IPTC qcode → section map")
	predOut := flag.String("pred", filepath.Join(os.TempDir(), "evaltopic-pred.jsonl"), "write predictions (JSONL for topicscore.py) here; empty: do not write")
	scorer := flag.String("topicscore", "../shared/tools/topicscore.py", "topicscore.py to cross-check with (empty: skip)")
	useEnt := flag.Bool("entities", true, "run the entity extractor (needed for the geographic focus and entity cues)")
	clf := flag.Bool("classifier", false, "cross-validate topic.Train against a naive Bayes baseline")
	folds := flag.Int("folds", 10, "number of folds for -classifier")
	seed := flag.Uint64("seed", 1, "seed of the fold assignment")
	epochs := flag.Int("epochs", 0, "-classifier: training epochs (0: topic.Train's default)")
	l2 := flag.Float64("l2", 0, "-classifier: L2 regularisation (0: default)")
	tw := flag.Float64("topic-weight", 0, "-classifier: weight of the tagger's topic features (0: default)")
	noTopics := flag.Bool("no-topic-features", false, "-classifier: words only")
	cues := flag.Bool("cues", false, "print, per gold section, the cues most often behind wrong predictions")
	domainCues := flag.String("domain-cues", "", "SECTION:QCODE: print the cues with the most weight for topic QCODE in articles of gold SECTION")
	flag.Parse()

	f, err := os.Open(*data)
	if err != nil {
		fatal(err)
	}
	arts, err := readGNAD(bufio.NewReader(f))
	f.Close()
	if err != nil {
		fatal(fmt.Errorf("%s: %w", *data, err))
	}
	docs := make([]*entity.Document, len(arts))
	if *useEnt {
		x, err := entity.NewExtractor()
		if err != nil {
			fatal(err)
		}
		start := time.Now()
		stream.Each(len(arts), func(i int) { docs[i] = x.Extract(arts[i].Text) })
		fmt.Fprintf(os.Stderr, "entities: %d articles in %v\n", len(arts), time.Since(start).Round(time.Millisecond))
	}
	if *clf {
		var opts []topic.TrainOption
		if *epochs > 0 {
			opts = append(opts, topic.WithEpochs(*epochs))
		}
		if *l2 > 0 {
			opts = append(opts, topic.WithL2(*l2))
		}
		if *tw > 0 {
			opts = append(opts, topic.WithTopicWeight(*tw))
		}
		if *noTopics {
			opts = append(opts, topic.WithTopicFeatures(false))
		}
		crossValidate(arts, docs, *folds, *seed, opts)
		return
	}
	m, err := readMap(*mapFile)
	if err != nil {
		fatal(err)
	}
	var topts []topic.Option
	if *domainCues != "" {
		topts = append(topts, topic.WithMaxEvidence(0))
	}
	tg, err := topic.NewTagger(topts...)
	if err != nil {
		fatal(err)
	}
	pred := map[string]string{}
	type out struct {
		ID    int     `json:"id"`
		Label string  `json:"label"`
		Topic string  `json:"topic"`
		Score float64 `json:"score"`
		Focus string  `json:"focus,omitempty"`
	}
	lines := make([]out, len(arts))
	results := make([]topic.Result, len(arts))
	start := time.Now()
	var nbytes int
	for i, a := range arts {
		results[i] = tg.Tag(a.Text, docs[i])
		nbytes += len(a.Text)
	}
	el := time.Since(start)
	for i, a := range arts {
		sec, p := section(results[i], m)
		pred[a.ID] = sec
		o := out{ID: i, Label: sec, Topic: p.ID, Score: p.Score}
		if len(results[i].Focus) > 0 {
			o.Focus = results[i].Focus[0].ID
		}
		lines[i] = o
	}
	fmt.Fprintf(os.Stderr, "tagger: %d articles, %.1f MB/s\n", len(arts), float64(nbytes)/el.Seconds()/1e6)
	if *predOut != "" {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		for _, l := range lines {
			enc.Encode(l)
		}
		if err := os.WriteFile(*predOut, b.Bytes(), 0o644); err != nil {
			fatal(err)
		}
		fmt.Fprintf(os.Stderr, "predictions: %s (python3 %s %s %s)\n", *predOut, *scorer, *data, *predOut)
	}
	met := score(arts, pred)
	rep := report(met)
	fmt.Println(rep)
	if *cues {
		printCues(arts, results, pred)
		printMargins(arts, results, pred, m)
		printDomainMeans(arts, results)
	}
	if *domainCues != "" {
		sec, code, _ := strings.Cut(*domainCues, ":")
		w := map[string]float64{}
		for i, a := range arts {
			if a.Label != sec {
				continue
			}
			for _, t := range results[i].Topics {
				if t.ID == code {
					for _, e := range t.Evidence {
						w[e.Cue] += e.Weight
					}
				}
			}
		}
		var ks []string
		for k := range w {
			ks = append(ks, k)
		}
		slices.SortFunc(ks, func(a, b string) int {
			if w[a] != w[b] {
				if w[a] > w[b] {
					return -1
				}
				return 1
			}
			return strings.Compare(a, b)
		})
		for i, k := range ks {
			if i == 40 {
				break
			}
			fmt.Printf("%s:%.0f ", k, w[k])
		}
		fmt.Println()
	}
	if *scorer != "" && *predOut != "" {
		crossCheck(*scorer, *data, *predOut, rep)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "evaltopic:", err)
	os.Exit(1)
}

// readMap reads FROM<TAB>TO lines ('#' comments), like topicscore.py --map.
func readMap(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for n, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		from, to, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want FROM<TAB>TO", path, n+1)
		}
		to, _, _ = strings.Cut(to, "\t")
		m[strings.TrimSpace(from)] = strings.TrimSpace(to)
	}
	return m, nil
}

// section maps a tagging result to a 10kGNAD section: the primary topic's
// qcode if it is in the map, else its nearest mapped broader topic;
// International becomes Inland when the article's focus is Austria.
// Articles without topics are Panorama, the mixed section.
func section(r topic.Result, m map[string]string) (string, topic.Topic) {
	p, ok := r.Primary()
	if !ok {
		return "Panorama", p
	}
	sec := "Panorama"
	for i := len(p.Path) - 1; i >= 0; i-- {
		if s, ok := m[p.Path[i]]; ok {
			sec = s
			break
		}
	}
	if sec == "International" || sec == "Inland" && p.Path[0] == "medtop:11000000" {
		sec = "International"
		for _, f := range r.Focus {
			if !f.Place {
				if f.Country == "AT" {
					sec = "Inland"
				}
				break
			}
		}
	}
	return sec, p
}

// crossCheck runs topicscore.py on the same gold and predictions and
// compares its report with ours.
func crossCheck(script, gold, pred, ours string) {
	if _, err := os.Stat(script); err != nil {
		return
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		return
	}
	out, err := exec.Command(py, script, gold, pred).Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "topicscore.py:", err)
		return
	}
	if strings.TrimRight(string(out), "\n") == ours {
		fmt.Fprintln(os.Stderr, "topicscore.py: same report")
	} else {
		fmt.Fprintf(os.Stderr, "topicscore.py: DIFFERENT report:\n%s\n", out)
	}
}

// printCues prints, per gold section, the evidence cues of the primary
// topic behind wrong predictions, most frequent first (an aggregate view to
// find weak or misleading keywords; no article text is shown).
func printCues(arts []article, res []topic.Result, pred map[string]string) {
	type key struct{ gold, pred string }
	by := map[key]map[string]int{}
	for i, a := range arts {
		p := pred[a.ID]
		if p == a.Label {
			continue
		}
		k := key{a.Label, p}
		if by[k] == nil {
			by[k] = map[string]int{}
		}
		prim, _ := res[i].Primary()
		for _, e := range prim.Evidence {
			by[k][e.Cue]++
		}
	}
	var keys []key
	for k := range by {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return strings.Compare(a.gold+a.pred, b.gold+b.pred) })
	for _, k := range keys {
		type cc struct {
			c string
			n int
		}
		var l []cc
		for c, n := range by[k] {
			l = append(l, cc{c, n})
		}
		slices.SortFunc(l, func(a, b cc) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return strings.Compare(a.c, b.c)
		})
		var s []string
		for i, x := range l {
			if i == 12 {
				break
			}
			s = append(s, fmt.Sprintf("%s:%d", x.c, x.n))
		}
		fmt.Printf("%s → %s: %s\n", k.gold, k.pred, strings.Join(s, " "))
	}
}

// crossValidate runs k-fold cross-validation of topic.Train and of the
// naive Bayes baselines on the same stratified folds.
func crossValidate(arts []article, docs []*entity.Document, k int, seed uint64, opts []topic.TrainOption) {
	if k < 2 || k > len(arts) {
		fatal(fmt.Errorf("bad number of folds %d", k))
	}
	fold := folds(arts, k, seed)
	predLR := map[string]string{}
	predNB1 := map[string]string{}
	predNB01 := map[string]string{}
	var mu sync.Mutex
	start := time.Now()
	stream.Each(k, func(f int) {
		var ex []topic.Example
		var texts, labels []string
		for i, a := range arts {
			if fold[i] != f {
				ex = append(ex, topic.Example{Label: a.Label, Text: a.Text, Doc: docs[i]})
				texts = append(texts, a.Text)
				labels = append(labels, a.Label)
			}
		}
		c, err := topic.Train(ex, opts...)
		if err != nil {
			fatal(err)
		}
		nb1 := trainNB(texts, labels, 1)
		nb01 := trainNB(texts, labels, 0.1)
		for i, a := range arts {
			if fold[i] == f {
				p := c.PredictDoc(a.Text, docs[i])
				l1, l01 := nb1.predict(a.Text), nb01.predict(a.Text)
				mu.Lock()
				predLR[a.ID] = p[0].Label
				predNB1[a.ID] = l1
				predNB01[a.ID] = l01
				mu.Unlock()
			}
		}
	})
	fmt.Fprintf(os.Stderr, "cross-validation: %d folds in %v\n", k, time.Since(start).Round(time.Millisecond))
	ml, m1, m01 := score(arts, predLR), score(arts, predNB1), score(arts, predNB01)
	fmt.Printf("== topic.Train (%d-fold cross-validation)\n%s\n\n", k, report(ml))
	fmt.Printf("== multinomial naive Bayes, alpha=1 (same folds)\n%s\n\n", report(m1))
	fmt.Printf("== multinomial naive Bayes, alpha=0.1 (same folds)\n%s\n\n", report(m01))
	fmt.Printf("summary: topic.Train accuracy=%.4f macroF1=%.4f | NB(alpha=1) accuracy=%.4f | NB(alpha=0.1) accuracy=%.4f | lead over best NB: %+.1f points\n",
		ml.Accuracy, ml.MacroF1, m1.Accuracy, m01.Accuracy, 100*(ml.Accuracy-max(m1.Accuracy, m01.Accuracy)))
}

// folds assigns the articles to k stratified folds (topic.Folds).
func folds(arts []article, k int, seed uint64) []int {
	labels := make([]string, len(arts))
	for i, a := range arts {
		labels[i] = a.Label
	}
	return topic.Folds(labels, k, seed)
}

// printMargins prints, for each wrong prediction, the weight of the best
// topic mapping to the gold section beside the weight of the predicted
// primary topic's top-level topic (numbers only).
func printMargins(arts []article, res []topic.Result, pred map[string]string, m map[string]string) {
	for i, a := range arts {
		p := pred[a.ID]
		if p == a.Label {
			continue
		}
		prim, ok := res[i].Primary()
		if !ok || len(prim.Path) == 0 {
			fmt.Printf("%-13s → %-13s pred no topic\n", a.Label, p)
			continue
		}
		var predW, goldW float64
		goldTopic := "-"
		for _, t := range res[i].Topics {
			if t.ID == prim.Path[0] {
				predW = t.Weight
			}
			sec := ""
			for k := len(t.Path) - 1; k >= 0; k-- {
				if s, ok := m[t.Path[k]]; ok {
					sec = s
					break
				}
			}
			if sec == "International" && a.Label == "Inland" {
				sec = "Inland"
			}
			if sec == a.Label && t.Weight > goldW {
				goldW, goldTopic = t.Weight, t.ID+" "+t.Label
			}
		}
		fmt.Printf("%-13s → %-13s pred %-30s %6.1f | gold best %6.1f %s\n", a.Label, p, prim.Path[0]+" "+prim.Label, predW, goldW, goldTopic)
	}
}

// printDomainMeans prints the mean weight of each top-level topic per gold
// section (an aggregate view of how specific each domain's vocabulary is).
func printDomainMeans(arts []article, res []topic.Result) {
	var secs []string
	n := map[string]int{}
	sum := map[string]map[string]float64{}
	tops := map[string]string{}
	for i, a := range arts {
		if n[a.Label] == 0 {
			secs = append(secs, a.Label)
			sum[a.Label] = map[string]float64{}
		}
		n[a.Label]++
		for _, t := range res[i].Topics {
			if t.Level == 1 {
				sum[a.Label][t.ID] += t.Weight
				tops[t.ID] = t.Label
			}
		}
	}
	slices.Sort(secs)
	var ids []string
	for id := range tops {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	fmt.Printf("%-10s", "")
	for _, s := range secs {
		fmt.Printf(" %7s", runeCut(s, 7))
	}
	fmt.Println()
	for _, id := range ids {
		fmt.Printf("%-10s", runeCut(strings.TrimPrefix(id, "medtop:"), 2)+" "+runeCut(tops[id], 7))
		for _, s := range secs {
			fmt.Printf(" %7.1f", sum[s][id]/float64(n[s]))
		}
		fmt.Println()
	}
}
