package gazetteer

import (
	"testing"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// benchGaz returns the default gazetteer, or the test gazetteer when the
// generated data are missing (the benchmark then says so).
func benchGaz(b *testing.B) *Gazetteer {
	b.Helper()
	if len(DataFiles()) == 0 {
		b.Log("no data/*.tsv: benchmarking the small test gazetteer")
		return mustTestGaz(b)
	}
	g, err := DefaultErr()
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkDefaultLoad loads the embedded default gazetteer: parses the
// entries and decodes the prebuilt index (what the first call of Default
// costs). SetBytes: the size of the TSV data.
func BenchmarkDefaultLoad(b *testing.B) {
	if len(DataFiles()) == 0 {
		b.Skip("no data/*.tsv")
	}
	size := 0
	for _, t := range dataTexts() {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = loadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(g.Len()), "entries")
}

// BenchmarkDefaultBuild parses the embedded default gazetteer and builds
// its matcher (Default without the prebuilt index, as for gazetteers read
// with Load). SetBytes: the size of the TSV data.
func BenchmarkDefaultBuild(b *testing.B) {
	texts, names := dataTexts(), DataFiles()
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadTexts(texts, names); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchText tokenizes and matches German news text
// (testdata/news.txt) with the default gazetteer: Gazetteer.Match, which
// includes the tokenizer and allocates the tokens and matches.
func BenchmarkMatchText(b *testing.B) {
	g := benchGaz(b)
	text := readNews(b)
	ntok := len(tokenize.Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Match(text)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMatch is the matcher, MatchTokens, over the full default
// gazetteer and German news text (testdata/news.txt) tokenized once, with a
// reused output slice: the hot path of the entity extractor. SetBytes: the
// text.
func BenchmarkMatch(b *testing.B) {
	g := benchGaz(b)
	text := readNews(b)
	toks := tokenize.Tokenize(text)
	dst := g.MatchTokens(text, toks, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = g.MatchTokens(text, toks, dst[:0])
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(dst)), "matches")
}

// BenchmarkMatchMemo is BenchmarkMatch through MatchTokensMemo, the
// words numbered once and the memo kept across calls, as the entity
// extractor matches a stream of texts.
func BenchmarkMatchMemo(b *testing.B) {
	g := benchGaz(b)
	text := readNews(b)
	toks := tokenize.Tokenize(text)
	ids := wordIDs(toks, map[string]int32{})
	var memo Memo
	dst := g.MatchTokensMemo(text, toks, ids, &memo, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = g.MatchTokensMemo(text, toks, ids, &memo, dst[:0])
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(dst)), "matches")
}

// BenchmarkLookup looks up single words and short phrases.
func BenchmarkLookup(b *testing.B) {
	g := benchGaz(b)
	words := []string{"Putins", "Nato-Staaten", "russische", "MOSKAU", "Essen", "Kremlchef",
		"Pariser", "Europäern", "Vereinigten Staaten", "essen", "Regierung"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.Lookup(words[i%len(words)])
		i++
	}
}
