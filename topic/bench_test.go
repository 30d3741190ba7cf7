package topic_test

import (
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/topic"
)

// benchText is the sample article repeated to about 64 KB, so that the
// per-call overhead does not dominate.
var benchText = strings.Repeat(sample.Article+"\n\n", 64*1024/len(sample.Article)+1)

func BenchmarkTag(b *testing.B) {
	t, err := topic.NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		t.Tag(benchText, nil)
	}
}

// BenchmarkTagArticle tags the sample article alone (about 2 KB): per-call
// costs included.
func BenchmarkTagArticle(b *testing.B) {
	t, err := topic.NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(sample.Article)))
	b.ReportAllocs()
	for b.Loop() {
		t.Tag(sample.Article, nil)
	}
}

// BenchmarkTagEntities tags with the entity document (extracted once,
// outside the timing): the tagger's speed after entity extraction.
func BenchmarkTagEntities(b *testing.B) {
	x, err := entity.NewExtractor()
	if err != nil {
		b.Skip(err)
	}
	t, err := topic.NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	doc := x.Extract(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		t.Tag(benchText, doc)
	}
}

// BenchmarkTagArticleEntities is BenchmarkTagEntities on the sample
// article alone.
func BenchmarkTagArticleEntities(b *testing.B) {
	x, err := entity.NewExtractor()
	if err != nil {
		b.Skip(err)
	}
	t, err := topic.NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	doc := x.Extract(sample.Article)
	b.SetBytes(int64(len(sample.Article)))
	b.ReportAllocs()
	for b.Loop() {
		t.Tag(sample.Article, doc)
	}
}

// BenchmarkClassifierPredict predicts with a small classifier (topic
// features on).
func BenchmarkClassifierPredict(b *testing.B) {
	c, err := topic.Train(trainingSet())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(sample.Article)))
	b.ReportAllocs()
	for b.Loop() {
		c.Predict(sample.Article)
	}
}

// BenchmarkNewTagger builds a Tagger from the embedded tables, as every
// program does once at start-up (the keyword table's parse and stemming).
func BenchmarkNewTagger(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := topic.NewTagger(); err != nil {
			b.Fatal(err)
		}
	}
}
