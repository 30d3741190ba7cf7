package entity_test

import (
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/internal/sample"
)

// TestLongTextBlocks checks a text long enough to be processed in blocks
// (the sample article many times over): valid offsets, the same entities as
// the article alone, and about as many mentions per copy.
func TestLongTextBlocks(t *testing.T) {
	x, _ := extractors(t)
	one := x.Extract(sample.Article)
	const copies = 600 // ≈ 1.2 MB: four or five blocks
	text := strings.Repeat(sample.Article+"\n\n", copies)
	d := x.Extract(text)
	checkOffsets(t, text, d)
	if len(text) < 3*(256<<10) {
		t.Fatalf("text of %d bytes is too short to test blocks", len(text))
	}
	want := map[string]bool{}
	for _, e := range one.Entities {
		want[e.Type.String()+"|"+e.Name] = true
	}
	got := map[string]int{}
	for _, e := range d.Entities {
		got[e.Type.String()+"|"+e.Name] += e.Count
	}
	for k := range want {
		if got[k] == 0 {
			t.Errorf("entity %s of the article is missing in the long text", k)
		}
	}
	for k, n := range got {
		if !want[k] {
			t.Errorf("entity %s (%d mentions) is not one of the article's", k, n)
		}
	}
	n1, n := len(one.Mentions), len(d.Mentions)
	if lo, hi := copies*n1*98/100, copies*n1*102/100; n < lo || n > hi {
		t.Errorf("%d mentions in %d copies, want about %d (article alone: %d)", n, copies, copies*n1, n1)
	}
	// Salience stays in [0,1] and the entities are sorted by it.
	for i, e := range d.Entities {
		if e.Salience < 0 || e.Salience > 1 || i > 0 && e.Salience > d.Entities[i-1].Salience {
			t.Fatalf("entity %d: salience %v out of order", i, e.Salience)
		}
	}
}
