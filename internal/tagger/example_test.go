package tagger_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/kenner-nlp/kenner/internal/tagger"
)

func Example() {
	// A toy training set: BIO tags per token.
	train := []struct{ text, tags string }{
		{"Merkel besuchte gestern Paris .", "B-PER O O B-LOC O"},
		{"Angela Merkel sprach in Berlin .", "B-PER I-PER O O B-LOC O"},
		{"Die Nato tagte in Brüssel .", "O B-ORG O O B-LOC O"},
		{"Olaf Scholz kritisierte die Nato .", "B-PER I-PER O O B-ORG O"},
		{"In Wien sprach Scholz mit der UNO .", "O B-LOC O B-PER O O B-ORG O"},
	}
	var data []tagger.Example
	for _, t := range train {
		data = append(data, tagger.Example{
			Seq:  tagger.NewSequence(strings.Fields(t.text)),
			Tags: strings.Fields(t.tags),
		})
	}
	m, err := tagger.Train(data, tagger.TrainOptions{Types: []string{"PER", "LOC", "ORG"}, Epochs: 5})
	if err != nil {
		fmt.Println(err)
		return
	}

	// Save and load the model.
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		fmt.Println(err)
		return
	}
	m, err = tagger.Load(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}

	seq := tagger.NewSequence(strings.Fields("Angela Merkel tagte in Paris ."))
	fmt.Println(m.TagStrings(seq))
	// Output:
	// [B-PER I-PER O O B-LOC O]
}
