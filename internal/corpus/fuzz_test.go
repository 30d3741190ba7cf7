package corpus

import (
	"os"
	"strings"
	"testing"
)

// checkSentences verifies the invariants every reader guarantees.
func checkSentences(t *testing.T, sents []Sentence) {
	t.Helper()
	for _, s := range sents {
		if len(s.Tokens) == 0 || len(s.Outer) != len(s.Tokens) || len(s.Inner) != len(s.Tokens) {
			t.Fatalf("bad sentence %+v", s)
		}
		text := s.Text()
		for _, outer := range []bool{true, false} {
			for _, sp := range s.GoldSpans(outer) {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %+v out of range for %q", sp, text)
				}
			}
		}
	}
	// Scoring gold against itself never panics and is perfect on base4 recall.
	r := Score(sents, goldPreds(sents), ScoreOptions{})
	if r.Base4.FN != 0 || r.Base4.FP != 0 {
		t.Fatalf("gold vs gold: %+v", r.Base4)
	}
}

func addSeeds(f *testing.F) {
	if b, err := os.ReadFile("testdata/tricky.tsv"); err == nil {
		f.Add(string(b[:min(len(b), 600)]))
	}
	f.Add("#\tu\t[d]\n1\tA\tB-PER\tO\n2\tB\tI-PER\tB-LOC\n\n")
	f.Add("# doc_id = x (y)\nA\tB-ORGANIZATION\tB-ORG\n#\tO\tO\n")
	f.Add("-DOCSTART-\tO\nA\tS-PER\nB\tE-LOC\n")
}

func FuzzReadGermEval(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadGermEval(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "corpus: fuzz:") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		checkSentences(t, sents)
	})
}

func FuzzReadCoNLL(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in), "fuzz")
		if err == nil {
			checkSentences(t, sents)
		}
	})
}

func FuzzReadSmartData(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadSmartData(strings.NewReader(in), "fuzz")
		if err == nil {
			checkSentences(t, sents)
		}
	})
}
