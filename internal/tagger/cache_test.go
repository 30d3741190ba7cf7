package tagger

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// decorate gives the tokens of ex gazetteer and rule hits, first names,
// lower-case-elsewhere flags and, for some, missing stems or given Lower
// and Shape fields, so that every feature template has weights.
func decorate(ex []Example, seed uint64) {
	rng := newPCG(seed)
	types := []string{"PER", "LOC", "ORG"}
	forms := []string{"name", "deriv", "part"}
	for _, e := range ex {
		for i := range e.Seq.Tokens {
			t := &e.Seq.Tokens[i]
			r := rng.next()
			if e.Tags != nil && e.Tags[i] != "O" || r%7 == 0 {
				t.Gaz = []GazHit{{Type: types[r%3], Form: forms[(r/3)%3], Begin: r%2 == 0, Ambiguous: r%5 == 0}}
				if r%11 == 0 {
					t.Gaz = append(t.Gaz, GazHit{Type: "OTH", Form: "name", Begin: true})
				}
			}
			if r%4 == 0 {
				t.Rule = "rPERname"
			}
			t.FirstName = r%9 == 0
			t.LowerElsewhere = r%13 == 0
			switch r % 17 {
			case 0:
				t.Stem = ""
			case 1:
				t.Lower, t.Shape = "", ""
			}
		}
	}
}

// TestCachedEmissionsExact checks that the word cache gives exactly the
// emission scores of the uncached path, also when the same word comes with
// other fields and when the cache is emptied: with four types (nine
// labels, which have a path of their own) and with three.
func TestCachedEmissionsExact(t *testing.T) {
	for _, types := range []int{4, 3} {
		t.Run(fmt.Sprintf("%d types", types), func(t *testing.T) {
			train := syntheticExamples(800, 3)
			// Names of two tokens, so that every I-X label has weights
			// (the synthetic names of places, organisations and other
			// names are single words).
			for _, x := range [][2]string{
				{"Er flog gestern nach New York .", "O O O O B-LOC I-LOC O"},
				{"Die Deutsche Bahn streikt wieder .", "O B-ORG I-ORG O O O"},
				{"Sie sah den Film Star Wars .", "O O O O B-OTH I-OTH O"},
			} {
				for range 20 {
					train = append(train, Example{Seq: NewSequence(strings.Fields(x[0])), Tags: strings.Fields(x[1])})
				}
			}
			if types == 3 {
				for _, e := range train {
					for i, tag := range e.Tags {
						if strings.HasSuffix(tag, "-OTH") {
							e.Tags[i] = "O"
						}
					}
				}
			}
			decorate(train, 4)
			m, err := Train(train, TrainOptions{Epochs: 3, Types: []string{"PER", "LOC", "ORG", "OTH"}[:types]})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(m.Labels()), 2*types+1; got != want {
				t.Fatalf("%d labels, want %d", got, want)
			}
			testCachedEmissionsExact(t, m)
		})
	}
}

func testCachedEmissionsExact(t *testing.T, m *Model) {
	if !m.feats.cached {
		t.Fatal("default features do not use the cache")
	}
	test := syntheticExamples(300, 5)
	decorate(test, 6)
	// Many new words, so that the cache is emptied on the way.
	for i := 0; i < 2*maxCachedWords/10; i++ {
		words := make([]string, 10)
		for k := range words {
			words[k] = fmt.Sprintf("Wort%d", i*10+k)
		}
		test = append(test, Example{Seq: NewSequence(words)})
	}
	test = append(test, Example{Seq: &Sequence{Tokens: []Token{{Text: "Merkel"}}}})
	// The same word twice in a sequence, with other fields the second time.
	test = append(test, Example{Seq: &Sequence{Tokens: []Token{{Text: "Merkel", Stem: "merkel"}, {Text: "sagte"}, {Text: "Merkel", Lower: "merkel"}}}})
	slow, fast, hinted, trusted := m.NewTagger(), m.NewTagger(), m.NewTagger(), m.NewTagger()
	clears := 0
	known := map[string]int32{}
	var hs, ts Sequence
	// An exact numbering for the trusted tagger (Sequence.Words): a number
	// per distinct Text, Lower, Stem and Shape, renumbered (with a new
	// Words) every round, the numbers then given out in another order.
	exact := map[[4]string]int32{}
	ts.Words = NewWordNumbering()
	for round := 0; round < 3; round++ {
		if round > 0 {
			clear(exact)
			ts.Words = NewWordNumbering()
			slices.Reverse(test)
		}
		for k, e := range test {
			before := 0
			if fast.cache.cur != nil {
				before = len(fast.cache.cur.words)
			}
			slow.emissions(e.Seq)
			fast.emissionsCached(e.Seq)
			if len(fast.cache.cur.words) < before {
				clears++
			}
			if !slices.Equal(slow.em, fast.em) {
				t.Fatalf("round %d sequence %d: cached emissions differ\nslow %v\nfast %v", round, k, slow.em, fast.em)
			}
			// With word numbers: one per text in round 0 (tokens of one
			// text with other fields share it), then numbers that many
			// words share, as a caller that renumbers its words.
			hs.Tokens = append(hs.Tokens[:0], e.Seq.Tokens...)
			for i := range hs.Tokens {
				tok := &hs.Tokens[i]
				id, ok := known[tok.Text]
				if !ok {
					id = int32(len(known)) + 1
					known[tok.Text] = id
				}
				if round > 0 {
					id = id%97 + 1
				}
				tok.Word = id
			}
			hinted.emissionsCached(&hs)
			if !slices.Equal(slow.em, hinted.em) {
				t.Fatalf("round %d sequence %d: emissions with word numbers differ\nslow %v\nfast %v", round, k, slow.em, hinted.em)
			}
			ts.Tokens = append(ts.Tokens[:0], e.Seq.Tokens...)
			for i := range ts.Tokens {
				tok := &ts.Tokens[i]
				key := [4]string{tok.Text, tok.Lower, tok.Stem, tok.Shape}
				id, ok := exact[key]
				if !ok {
					id = int32(len(exact)) + 1
					exact[key] = id
				}
				tok.Word = id
			}
			trusted.emissionsCached(&ts)
			if !slices.Equal(slow.em, trusted.em) {
				t.Fatalf("round %d sequence %d: emissions with exact word numbers differ\nslow %v\nfast %v", round, k, slow.em, trusted.em)
			}
		}
	}
	if clears == 0 {
		t.Error("the cache was never emptied")
	}
	if n := len(fast.cache.cur.words); n > maxCachedWords {
		t.Errorf("cache holds %d words, bound %d", n, maxCachedWords)
	}
}

// TestExactWordNumbers checks how a Tagger uses an exact numbering
// (Sequence.Words): it trusts the numbers within one numbering, and only
// there.
func TestExactWordNumbers(t *testing.T) {
	train := syntheticExamples(300, 3)
	m, err := Train(train, TrainOptions{Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	seq := func(words uint64, texts ...string) *Sequence {
		s := NewSequence(texts)
		s.Words = words
		for i := range s.Tokens {
			s.Tokens[i].Word = int32(i) + 1
		}
		return s
	}
	slow, tr := m.NewTagger(), m.NewTagger()
	check := func(name string, s *Sequence) {
		t.Helper()
		slow.emissions(s)
		tr.emissionsCached(s)
		if !slices.Equal(slow.em, tr.em) {
			t.Fatalf("%s: emissions differ\nslow %v\nfast %v", name, slow.em, tr.em)
		}
	}
	a, b := NewWordNumbering(), NewWordNumbering()
	if a == 0 || a == b {
		t.Fatalf("NewWordNumbering gave %d, then %d", a, b)
	}
	check("first", seq(a, "Merkel", "sagte", "heute"))
	check("same numbering", seq(a, "Merkel", "sagte"))
	// Another numbering gives the numbers to other words: the hints of
	// the first must not be trusted.
	check("renumbered", seq(b, "heute", "Merkel", "sagte"))
	check("back to the first", seq(a, "Merkel", "sagte", "heute"))
	check("hints only", seq(0, "sagte", "heute", "Merkel"))
	check("after hints only", seq(a, "Merkel", "sagte", "heute"))
	// Within one numbering the numbers are trusted: a caller that breaks
	// its promise gets the word it numbered first.
	want := tr.cache.lookup(m, &seq(a, "Merkel").Tokens[0], a)
	if got := tr.cache.lookup(m, &seq(a, "Scholz").Tokens[0], a); got != want {
		t.Errorf("number 1 of numbering %d: entry %d, want the trusted entry %d", a, got, want)
	}
	if got := tr.cache.lookup(m, &seq(0, "Scholz").Tokens[0], 0); got == want {
		t.Errorf("number 1 without a numbering: entry %d of another word", got)
	}
}
