package entity

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestWordNumbersRenewed checks that the word numbers the model stage
// hands the tagger as exact (tagger.Sequence.Words) get a new numbering
// whenever the scratch forgets its words: with a bound so small that every
// text starts afresh, the same numbers name other words in every text, and
// the results must still be those of a run that never forgets.
func TestWordNumbersRenewed(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "examples", "bench", "testdata", "*.txt"))
	if err != nil || len(names) < 3 {
		t.Fatalf("bench corpus: %v (%d files)", err, len(names))
	}
	var texts []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]*Document, len(texts))
	for i, text := range texts {
		want[i] = x.Extract(text)
	}
	defer func(n int) { maxWordInfos = n }(maxWordInfos)
	maxWordInfos = 20
	y, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		for k := range texts {
			i := k
			if round == 1 {
				i = len(texts) - 1 - k
			}
			if got := y.Extract(texts[i]); !reflect.DeepEqual(got, want[i]) {
				t.Fatalf("round %d, %s: result differs from the one without forgetting", round, filepath.Base(names[i]))
			}
		}
	}
}
