// Command nounlist derives entity/data/nouns.txt, a list of capitalised
// German words that are common nouns in news text, from the SmartData
// corpus (CC BY 4.0): words that start upper-case, stand inside a sentence
// (not first), and are outside every annotated entity in at least 95% of
// at least minCount occurrences. The rules use the list as evidence that a
// capitalised word is no name (Treffen, Basis, Norden).
//
//	go run ./internal/nounlist -smartdata ../shared/data/smartdata-de/smartdata-de-ner.tsv -out entity/data/nouns.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/internal/corpus"
)

const minCount = 3

func main() {
	in := flag.String("smartdata", "../shared/data/smartdata-de/smartdata-de-ner.tsv", "SmartData TSV")
	out := flag.String("out", "entity/data/nouns.txt", "output file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "nounlist:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	sents, err := corpus.ReadSmartData(f, in)
	if err != nil {
		return err
	}
	total := map[string]int{}
	outside := map[string]int{}
	for _, s := range sents {
		for i, w := range s.Tokens {
			if i == 0 || !nounShaped(w) {
				continue
			}
			prev := s.Tokens[i-1]
			if prev == "." || prev == ":" || prev == "!" || prev == "?" || prev == "\"" || prev == "„" {
				continue
			}
			total[w]++
			if s.Outer[i] == "O" {
				outside[w]++
			}
		}
	}
	var words []string
	for w, n := range total {
		if n >= minCount && float64(outside[w]) >= 0.95*float64(n) {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(o)
	fmt.Fprintln(bw, "# kenner entity lexicon: capitalised words that are common nouns in German news")
	fmt.Fprintln(bw, "# source: derived by internal/nounlist from the DFKI SmartData Corpus v1 (Schiersch et al., LREC 2018):")
	fmt.Fprintf(bw, "# words seen >= %d times inside sentences, outside entities in >= 95%% of them\n", minCount)
	fmt.Fprintln(bw, "# license: CC BY 4.0 (derived data; attribution in NOTICE)")
	for _, w := range words {
		fmt.Fprintln(bw, w)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return o.Close()
}

// nounShaped reports whether w looks like a capitalised German noun: an
// upper-case letter followed by at least two lower-case letters, nothing
// else (hyphens allowed).
func nounShaped(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 3 {
		return false
	}
	for _, c := range w[n:] {
		if !unicode.IsLower(c) && c != '-' {
			return false
		}
	}
	return !strings.HasSuffix(w, "-")
}
