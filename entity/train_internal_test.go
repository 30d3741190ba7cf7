package entity

import (
	"slices"
	"testing"

	"github.com/kenner-nlp/kenner/internal/tagger"
)

func TestDropEvidence(t *testing.T) {
	gaz := []tagger.GazHit{{Type: "PER", Form: "name", Begin: true}}
	mk := func(tags ...string) tagger.Example {
		s := &tagger.Sequence{Tokens: make([]tagger.Token, len(tags))}
		for i := range s.Tokens {
			s.Tokens[i] = tagger.Token{Text: "w", Gaz: gaz, Rule: "gPERname"}
		}
		return tagger.Example{Seq: s, Tags: tags}
	}
	ex := []tagger.Example{
		mk("O", "B-PER", "I-PER", "O", "B-LOC"),
		mk("O", "O"), // no entity: no copy
	}
	all := dropEvidence(ex, 1, 1)
	if len(all) != 1 {
		t.Fatalf("%d copies, want 1 (only sentences with an entity)", len(all))
	}
	for i, tok := range all[0].Seq.Tokens {
		cleared := tok.Gaz == nil && tok.Rule == ""
		if want := ex[0].Tags[i] != "O"; cleared != want {
			t.Errorf("p=1, token %d (%s): cleared %v", i, ex[0].Tags[i], cleared)
		}
	}
	// The original is untouched; the tags are the same.
	if ex[0].Seq.Tokens[1].Gaz == nil || !slices.Equal(all[0].Tags, ex[0].Tags) {
		t.Error("the original example was changed")
	}
	none := dropEvidence(ex, 0.0000001, 1)
	for _, tok := range none[0].Seq.Tokens {
		if tok.Gaz == nil {
			t.Fatal("p≈0 cleared evidence")
		}
	}
	// Deterministic for a seed.
	a, b := dropEvidence(ex, 0.5, 7), dropEvidence(ex, 0.5, 7)
	for i := range a[0].Seq.Tokens {
		if (a[0].Seq.Tokens[i].Gaz == nil) != (b[0].Seq.Tokens[i].Gaz == nil) {
			t.Fatal("same seed, different copies")
		}
	}
}
