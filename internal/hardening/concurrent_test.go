package hardening

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/topic"
)

// goroutines is the number of goroutines sharing one Extractor and Tagger.
const goroutines = 16

// TestConcurrentFirstUse builds extractors and taggers in many goroutines
// at once and uses them at once. When this test runs first in the process
// (it is the first test of the package), the embedded data is loaded
// concurrently: the lazy, once-only loading must be race-free and give every
// goroutine the same result.
func TestConcurrentFirstUse(t *testing.T) {
	text := sample.Article
	type out struct {
		doc *entity.Document
		tr  topic.Result
		err error
	}
	outs := make([]out, goroutines)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for g := range goroutines {
		wg.Go(func() {
			<-start
			ext, err := entity.NewExtractor()
			if err != nil {
				outs[g].err = err
				return
			}
			tg, err := topic.NewTagger()
			if err != nil {
				outs[g].err = err
				return
			}
			doc := ext.Extract(text)
			outs[g] = out{doc: doc, tr: tg.Tag(text, doc)}
		})
	}
	close(start)
	wg.Wait()
	for g, o := range outs {
		if o.err != nil {
			t.Fatalf("goroutine %d: %v", g, o.err)
		}
		checkDoc(t, "first use", text, o.doc)
		if !reflect.DeepEqual(o.doc, outs[0].doc) || !reflect.DeepEqual(o.tr, outs[0].tr) {
			t.Errorf("goroutine %d got a different result from goroutine 0:\n%s\n%s", g, fingerprint(o.doc), fingerprint(outs[0].doc))
		}
	}
	if len(outs[0].doc.Entities) == 0 {
		t.Errorf("no entities in the sample article")
	}
}

// soakInputs returns the varied texts of the soak test: the articles,
// variations of them, the smaller edge inputs and random cuts.
func soakInputs() []input {
	limit := 64 << 10
	if raceEnabled {
		limit = 16 << 10 // keep the race-detector run short
	}
	var in []input
	for _, e := range edgeInputs() {
		if len(e.text) <= limit {
			in = append(in, e)
		}
	}
	arts := articles()
	for i := range arts {
		j := (i + 1) % len(arts)
		in = append(in,
			input{"pair", arts[i] + "\n\n" + arts[j]},
			input{"upper-pair", strings.ToUpper(arts[j]) + "\n\n" + arts[i]},
		)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i, s := range randomCuts(r, 40, 3000) {
		in = append(in, input{"cut" + string(rune('A'+i%26)), s})
	}
	return in
}

// result is everything the shared objects say about one input.
type result struct {
	doc  *entity.Document
	tr   topic.Result
	json []byte // kenner.Analyze, JSON-encoded
}

func analyze(a *kenner.Analyzer, text string) (result, error) {
	doc := a.Extractor().Extract(text)
	tr := a.Tagger().Tag(text, doc)
	b, err := json.Marshal(a.Analyze(text))
	return result{doc, tr, b}, err
}

// TestSoak runs 16 goroutines over one Extractor and one Tagger (and the
// Analyzer built on them) on varied inputs, each goroutine in its own order,
// and checks every result is identical to the single-threaded one. Run it
// with -race: shared state in the extractor or tagger (pools, caches, lazy
// tables) shows up as a data race or as a differing result. Finally the
// single-threaded results are checked unchanged: a result must not share
// buffers that later calls reuse.
func TestSoak(t *testing.T) {
	a := analyzer(t)
	in := soakInputs()
	want := make([]result, len(in))
	wantJSON := make([][]byte, len(in))
	for i, x := range in {
		r, err := analyze(a, x.text)
		if err != nil {
			t.Fatalf("%s: %v", x.name, err)
		}
		want[i] = r
		wantJSON[i] = docJSON(t, r)
		checkDoc(t, x.name, x.text, r.doc)
	}
	rounds := 2
	switch {
	case long():
		rounds = 20
	case testing.Short(), raceEnabled:
		rounds = 1
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	fails := 0
	for g := range goroutines {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 99))
			for range rounds {
				for _, i := range r.Perm(len(in)) {
					got, err := analyze(a, in[i].text)
					if err == nil && reflect.DeepEqual(got.doc, want[i].doc) && reflect.DeepEqual(got.tr, want[i].tr) && string(got.json) == string(want[i].json) {
						continue
					}
					mu.Lock()
					fails++
					if fails <= 5 {
						t.Errorf("goroutine %d, input %s: result differs from the single-threaded one (err %v)\n got %s\nwant %s",
							g, in[i].name, err, fingerprint(got.doc), fingerprint(want[i].doc))
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if fails > 5 {
		t.Errorf("%d differing results in all", fails)
	}
	for i := range in {
		if got := docJSON(t, want[i]); string(got) != string(wantJSON[i]) {
			t.Errorf("%s: a result changed after later calls (it shares a reused buffer)", in[i].name)
		}
	}
	t.Logf("%d inputs × %d rounds × %d goroutines", len(in), rounds, goroutines)
}

// docJSON encodes a result deeply (mentions, entities, topics).
func docJSON(t testing.TB, r result) []byte {
	type ent struct {
		ID, Name string
		Type     string
		Mentions []int
		Count    int
		First    int
		Salience float64
	}
	var es []ent
	for _, e := range r.doc.Entities {
		es = append(es, ent{e.ID, e.Name, e.Type.String(), e.Mentions, e.Count, e.First, e.Salience})
	}
	b, err := json.Marshal(struct {
		Mentions []entity.Mention
		Entities []ent
		Topics   topic.Result
		JSON     []byte
	}{r.doc.Mentions, es, r.tr, r.json})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
