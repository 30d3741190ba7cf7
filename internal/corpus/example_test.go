package corpus_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/kenner-nlp/kenner/internal/corpus"
)

func Example() {
	const tsv = "#\thttp://de.wikipedia.org/wiki/Köln\t[2009-08-13]\n" +
		"1\tDer\tO\tO\n2\t1.\tB-ORG\tO\n3\tFC\tI-ORG\tO\n4\tKöln\tI-ORG\tB-LOC\n5\tspielt\tO\tO\n6\tin\tO\tO\n7\tMüngersdorf\tB-LOC\tO\n\n"
	gold, err := corpus.ReadGermEval(strings.NewReader(tsv), "example.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := gold[0]
	text := s.Text()
	for _, sp := range s.GoldSpans(true) {
		fmt.Printf("%d-%d %s %q\n", sp.Start, sp.End, sp.Type, text[sp.Start:sp.End])
	}
	// A prediction that finds the club but cuts the place name short.
	pred := [][]corpus.Span{{{Start: 4, End: 15, Type: "ORG"}, {Start: 26, End: 33, Type: "LOC"}}}
	res := corpus.Score(gold, pred, corpus.ScoreOptions{})
	res.WriteTable(os.Stdout)
	// Output:
	// 4-15 ORG "1. FC Köln"
	// 26-38 LOC "Müngersdorf"
	// sentences=1 tokens=7 gold_outer_spans=2 (base=2) pred_entities=2 unaligned=1 deriv/part=0 unknown_type=0 ignored_type=0 dups=0
	// metric             tp     fp     fn    prec     rec      f1
	// base4               1      1      1  0.5000  0.5000  0.5000
	//   PER               0      0      0  0.0000  0.0000  0.0000
	//   LOC               0      1      1  0.0000  0.0000  0.0000
	//   ORG               1      0      0  1.0000  1.0000  1.0000
	//   OTH               0      0      0  0.0000  0.0000  0.0000
	// full12              1      1      1  0.5000  0.5000  0.5000
	// typed-overlap       -      -      -  1.0000  1.0000  1.0000   (pred ok 2/2, gold found 2/2)
	// base4 F1=0.5000
}
