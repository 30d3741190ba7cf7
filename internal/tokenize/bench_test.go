package tokenize

import (
	"os"
	"testing"
)

func loadNews(b *testing.B) string {
	b.Helper()
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// BenchmarkTokenize tokenizes a few KB of German news text (testdata/news.txt)
// into a fresh slice, sentence starts included.
func BenchmarkTokenize(b *testing.B) {
	text := loadNews(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(Tokenize(text))
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAppendTokens is BenchmarkTokenize with a reused token buffer: no
// allocations at all.
func BenchmarkAppendTokens(b *testing.B) {
	text := loadNews(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Token
	for b.Loop() {
		buf = AppendTokens(buf[:0], text)
	}
	b.ReportMetric(float64(len(buf))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSentences splits the tokens of testdata/news.txt into sentences.
func BenchmarkSentences(b *testing.B) {
	text := loadNews(b)
	toks := Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Sentence
	for b.Loop() {
		buf = AppendSentences(buf[:0], text, toks)
	}
}
