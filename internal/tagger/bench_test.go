package tagger

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
)

const (
	germEvalDev = "../../../shared/data/germeval2014/NER-de-dev.tsv"
	smartData   = "../../../shared/data/smartdata-de/smartdata-de-ner.tsv"
)

// readTSV reads token and tag columns (tokCol, tagCol) of a blank-line
// separated file, skipping lines without tabs and "#\t" lines. It is a
// minimal reader for the benchmark (package corpus has the real ones).
func readTSV(path string, tokCol, tagCol int) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Example
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, Example{Seq: NewSequence(words), Tags: tags})
		}
		words, tags = nil, nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cols := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#\t") || len(cols) <= max(tokCol, tagCol) {
			continue
		}
		tag := cols[tagCol]
		if strings.HasSuffix(tag, "deriv") || strings.HasSuffix(tag, "part") {
			tag = "O"
		}
		words = append(words, cols[tokCol])
		tags = append(tags, tag)
	}
	flush()
	return out, sc.Err()
}

var benchData = sync.OnceValues(func() (*Model, []Example) {
	dev, err1 := readTSV(germEvalDev, 1, 2)
	extra, err2 := readTSV(smartData, 0, 2)
	if err1 != nil || err2 != nil {
		// No ../shared: a synthetic corpus (a much smaller model).
		ex := syntheticExamples(3000, 1)
		m, err := Train(ex, TrainOptions{Epochs: 3})
		if err != nil {
			panic(err)
		}
		return m, ex[:1000]
	}
	for i := range extra {
		extra[i].Partial = []string{"OTH"}
	}
	m, err := Train(append(extra, dev...), TrainOptions{})
	if err != nil {
		panic(err)
	}
	return m, dev
})

// exampleSize returns the tokens of the examples and their bytes (a space
// after each token).
func exampleSize(ex []Example) (toks, bytes int) {
	for _, e := range ex {
		toks += len(e.Seq.Tokens)
		for _, t := range e.Seq.Tokens {
			bytes += len(t.Text) + 1
		}
	}
	return toks, bytes
}

// BenchmarkTag tags GermEval dev sentences (prepared tokens: Lower, Stem,
// Shape filled) with a model trained on GermEval dev + SmartData; without
// ../shared, synthetic sentences with a small model. It includes feature
// extraction and Viterbi decoding.
func BenchmarkTag(b *testing.B) {
	m, ex := benchData()
	tg := m.NewTagger()
	toks, bytes := exampleSize(ex)
	var dst []int
	for _, e := range ex { // warm up the buffers
		dst = tg.Tag(e.Seq, dst)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, e := range ex {
			dst = tg.Tag(e.Seq, dst)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagRaw tags sequences whose tokens have only Text set (Lower and
// Shape computed on the fly, no Stem).
func BenchmarkTagRaw(b *testing.B) {
	m, ex := benchData()
	raw := make([]*Sequence, len(ex))
	toks := 0
	for i, e := range ex {
		s := &Sequence{Tokens: make([]Token, len(e.Seq.Tokens))}
		for k, t := range e.Seq.Tokens {
			s.Tokens[k].Text = t.Text
		}
		raw[i] = s
		toks += len(s.Tokens)
	}
	tg := m.NewTagger()
	var dst []int
	bytes := 0
	for _, s := range raw {
		dst = tg.Tag(s, dst)
		for _, t := range s.Tokens {
			bytes += len(t.Text) + 1
		}
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range raw {
			dst = tg.Tag(s, dst)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkPrepare measures Prepare (lower-casing, stemming, shapes).
func BenchmarkPrepare(b *testing.B) {
	_, ex := benchData()
	toks, bytes := exampleSize(ex)
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, e := range ex {
			Prepare(e.Seq)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagColdCache is BenchmarkTag with a new Tagger (an empty word
// cache) for every pass over the sentences: every distinct word is a cache
// miss once per pass, the worst case for a stream of new text.
func BenchmarkTagColdCache(b *testing.B) {
	m, ex := benchData()
	toks, bytes := exampleSize(ex)
	var dst []int
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tg := m.NewTagger()
		for _, e := range ex {
			dst = tg.Tag(e.Seq, dst)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
