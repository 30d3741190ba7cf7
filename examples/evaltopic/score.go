package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

const noneLabel = "<none>"

// classScore is precision, recall and F1 of one gold class.
type classScore struct {
	Class                 string
	Precision, Recall, F1 float64
	Support, Predicted    int
}

// metrics are the scores topicscore.py computes, in the same way.
type metrics struct {
	N, Missing, Unknown int
	Accuracy, MacroF1   float64
	WeightedF1          float64
	PerClass            []classScore
	Rows, Cols          []string
	Matrix              [][]int
	OutOfSet            []string
}

// score compares predictions (id → label) with gold labels (in gold
// order), like score() in topicscore.py: missing predictions count as
// "<none>", predictions for unknown ids are ignored, macro-F1 averages the
// gold classes, rows of the confusion matrix are gold, columns predicted.
func score(gold []article, pred map[string]string) metrics {
	var m metrics
	type pair struct{ g, p string }
	conf := map[pair]int{}
	goldIDs := map[string]bool{}
	classSet := map[string]bool{}
	for _, a := range gold {
		goldIDs[a.ID] = true
		classSet[a.Label] = true
		p, ok := pred[a.ID]
		if !ok {
			p = noneLabel
			m.Missing++
		}
		conf[pair{a.Label, p}]++
	}
	for id := range pred {
		if !goldIDs[id] {
			m.Unknown++
		}
	}
	m.N = len(gold)
	for c := range classSet {
		m.Rows = append(m.Rows, c)
	}
	slices.Sort(m.Rows)
	correct := 0
	for k, v := range conf {
		if k.g == k.p {
			correct += v
		}
	}
	for _, c := range m.Rows {
		tp := conf[pair{c, c}]
		fp, fn := 0, 0
		for k, v := range conf {
			if k.p == c && k.g != c {
				fp += v
			}
			if k.g == c && k.p != c {
				fn += v
			}
		}
		cs := classScore{Class: c, Support: tp + fn, Predicted: tp + fp}
		if tp+fp > 0 {
			cs.Precision = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			cs.Recall = float64(tp) / float64(tp+fn)
		}
		if cs.Precision+cs.Recall > 0 {
			cs.F1 = 2 * cs.Precision * cs.Recall / (cs.Precision + cs.Recall)
		}
		m.PerClass = append(m.PerClass, cs)
	}
	if len(m.PerClass) > 0 {
		var s float64
		for _, cs := range m.PerClass {
			s += cs.F1
		}
		m.MacroF1 = s / float64(len(m.PerClass))
	}
	if m.N > 0 {
		m.Accuracy = float64(correct) / float64(m.N)
		var s float64
		for _, cs := range m.PerClass {
			s += cs.F1 * float64(cs.Support)
		}
		m.WeightedF1 = s / float64(m.N)
	}
	extra := map[string]bool{}
	for k := range conf {
		if !classSet[k.p] && k.p != noneLabel {
			extra[k.p] = true
		}
	}
	for e := range extra {
		m.OutOfSet = append(m.OutOfSet, e)
	}
	slices.Sort(m.OutOfSet)
	m.Cols = append(append([]string(nil), m.Rows...), m.OutOfSet...)
	if m.Missing > 0 {
		m.Cols = append(m.Cols, noneLabel)
	}
	for _, g := range m.Rows {
		row := make([]int, len(m.Cols))
		for j, p := range m.Cols {
			row[j] = conf[pair{g, p}]
		}
		m.Matrix = append(m.Matrix, row)
	}
	return m
}

// runeCut returns the first n runes of s (Python's s[:n]).
func runeCut(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// report formats m exactly like format_report() in topicscore.py.
func report(m metrics) string {
	var b strings.Builder
	fmt.Fprintf(&b, "articles=%d missing_predictions=%d unknown_ids=%d\n", m.N, m.Missing, m.Unknown)
	if len(m.OutOfSet) > 0 {
		fmt.Fprintf(&b, "predicted labels outside gold set: %s\n", strings.Join(m.OutOfSet, ", "))
	}
	w := 5
	for _, c := range m.PerClass {
		w = max(w, utf8.RuneCountInString(c.Class))
	}
	fmt.Fprintf(&b, "%-*s  %9s %9s %9s %8s %9s\n", w, "class", "precision", "recall", "f1", "support", "predicted")
	for _, c := range m.PerClass {
		fmt.Fprintf(&b, "%-*s  %9.4f %9.4f %9.4f %8d %9d\n", w, c.Class, c.Precision, c.Recall, c.F1, c.Support, c.Predicted)
	}
	fmt.Fprintf(&b, "weightedF1=%.4f\n\n", m.WeightedF1)
	b.WriteString("confusion matrix (rows = gold, columns = predicted):\n")
	cw := 6
	for _, row := range m.Matrix {
		for _, x := range row {
			cw = max(cw, len(fmt.Sprint(x)))
		}
	}
	short := make([]string, len(m.Cols))
	for i, c := range m.Cols {
		short[i] = fmt.Sprintf("%*s", cw, runeCut(c, 6))
	}
	fmt.Fprintf(&b, "%-*s  %s\n", w, "", strings.Join(short, " "))
	for i, g := range m.Rows {
		cells := make([]string, len(m.Matrix[i]))
		for j, x := range m.Matrix[i] {
			cells[j] = fmt.Sprintf("%*d", cw, x)
		}
		fmt.Fprintf(&b, "%-*s  %s\n", w, g, strings.Join(cells, " "))
	}
	fmt.Fprintf(&b, "\nmacroF1=%.4f accuracy=%.4f", m.MacroF1, m.Accuracy)
	return b.String()
}
