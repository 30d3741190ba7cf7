package topic_test

import (
	"slices"
	"testing"

	"github.com/kenner-nlp/kenner/topic"
)

func TestFolds(t *testing.T) {
	var labels []string
	for i := 0; i < 30; i++ {
		labels = append(labels, []string{"Sport", "Web", "Inland"}[i%3])
	}
	f := topic.Folds(labels, 5, 1)
	if !slices.Equal(f, topic.Folds(labels, 5, 1)) {
		t.Fatal("same seed, different folds")
	}
	// Stratified: every fold holds two of each label.
	count := map[[2]string]int{}
	for i, k := range f {
		count[[2]string{labels[i], string(rune('0' + k))}]++
	}
	for _, l := range []string{"Sport", "Web", "Inland"} {
		for k := 0; k < 5; k++ {
			if n := count[[2]string{l, string(rune('0' + k))}]; n != 2 {
				t.Errorf("fold %d holds %d × %s, want 2", k, n, l)
			}
		}
	}
}
