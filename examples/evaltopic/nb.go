package main

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// nbModel is a plain multinomial naive Bayes over lower-cased words with
// additive (Laplace/Lidstone) smoothing: the baseline the trainable
// classifier is compared with.
type nbModel struct {
	labels []string
	prior  []float64
	logp   []map[string]float64
	unk    []float64 // log probability of an unseen word per label
}

// nbWords splits text into lower-cased words (letters and digits).
func nbWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func trainNB(texts, labels []string, alpha float64) *nbModel {
	m := &nbModel{}
	idx := map[string]int{}
	for _, l := range labels {
		if _, ok := idx[l]; !ok {
			idx[l] = 0
			m.labels = append(m.labels, l)
		}
	}
	slices.Sort(m.labels)
	for i, l := range m.labels {
		idx[l] = i
	}
	n := len(m.labels)
	counts := make([]map[string]float64, n)
	total := make([]float64, n)
	docs := make([]float64, n)
	vocab := map[string]bool{}
	for i := range counts {
		counts[i] = map[string]float64{}
	}
	for i, t := range texts {
		c := idx[labels[i]]
		docs[c]++
		for _, w := range nbWords(t) {
			counts[c][w]++
			total[c]++
			vocab[w] = true
		}
	}
	v := float64(len(vocab))
	for c := 0; c < n; c++ {
		m.prior = append(m.prior, math.Log(docs[c]/float64(len(texts))))
		lp := make(map[string]float64, len(counts[c]))
		den := total[c] + alpha*v
		for w, k := range counts[c] {
			lp[w] = math.Log((k + alpha) / den)
		}
		m.logp = append(m.logp, lp)
		m.unk = append(m.unk, math.Log(alpha/den))
	}
	return m
}

// predict returns the most probable label (ties: first in sorted order).
func (m *nbModel) predict(text string) string {
	ws := nbWords(text)
	best, bestS := 0, math.Inf(-1)
	for c := range m.labels {
		s := m.prior[c]
		for _, w := range ws {
			if p, ok := m.logp[c][w]; ok {
				s += p
			} else {
				s += m.unk[c]
			}
		}
		if s > bestS {
			best, bestS = c, s
		}
	}
	return m.labels[best]
}
