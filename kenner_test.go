package kenner_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/internal/tokenize"
	"github.com/kenner-nlp/kenner/topic"
)

var analyzer = sync.OnceValues(func() (*kenner.Analyzer, error) { return kenner.New() })

func newAnalyzer(t testing.TB) *kenner.Analyzer {
	t.Helper()
	a, err := analyzer()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

// checkResult checks the invariants of a Result for text.
func checkResult(t testing.TB, text string, r *kenner.Result) {
	t.Helper()
	if r.Entities == nil || r.Topics == nil || r.Focus == nil {
		t.Fatalf("nil array in %+v", r)
	}
	for _, e := range r.Entities {
		if !slices.Contains([]string{"PER", "LOC", "ORG", "OTH"}, e.Type) {
			t.Errorf("entity %q: type %q", e.Name, e.Type)
		}
		if e.Count != len(e.Mentions) || e.Count == 0 {
			t.Errorf("entity %q: count %d, %d mentions", e.Name, e.Count, len(e.Mentions))
		}
		if e.Salience < 0 || e.Salience > 1 {
			t.Errorf("entity %q: salience %v", e.Name, e.Salience)
		}
		for i, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Errorf("entity %q: mention %+v does not match text", e.Name, m)
				continue
			}
			if i > 0 && m.Start < e.Mentions[i-1].Start {
				t.Errorf("entity %q: mentions not in text order", e.Name)
			}
			if !slices.Contains([]string{"name", "deriv", "part"}, m.Form) {
				t.Errorf("mention %+v: form %q", m, m.Form)
			}
			if !slices.Contains([]string{"gazetteer", "rule", "model", "coref"}, m.Source) {
				t.Errorf("mention %+v: source %q", m, m.Source)
			}
		}
	}
	for i := 1; i < len(r.Entities); i++ {
		if r.Entities[i].Salience > r.Entities[i-1].Salience {
			t.Errorf("entities not sorted by salience: %q %v after %q %v", r.Entities[i].Name,
				r.Entities[i].Salience, r.Entities[i-1].Name, r.Entities[i-1].Salience)
		}
	}
}

func keys(m map[string]any) []string {
	var k []string
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

// TestJSONContract checks the exact field names of the JSON contract.
func TestJSONContract(t *testing.T) {
	a := newAnalyzer(t)
	r := a.Analyze(sample.Article)
	checkResult(t, sample.Article, r)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), `{"entities":[{"name":`) {
		t.Errorf("JSON starts %.40s", b)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if got := keys(m); !reflect.DeepEqual(got, []string{"entities", "focus", "topics"}) {
		t.Fatalf("top-level keys %v", got)
	}
	ents := m["entities"].([]any)
	if len(ents) == 0 {
		t.Fatal("no entities in the sample article")
	}
	for _, e := range ents {
		e := e.(map[string]any)
		if got := keys(e); !reflect.DeepEqual(got, []string{"count", "id", "mentions", "name", "salience", "type"}) {
			t.Fatalf("entity keys %v", got)
		}
		for _, mm := range e["mentions"].([]any) {
			if got := keys(mm.(map[string]any)); !reflect.DeepEqual(got, []string{"end", "form", "source", "start", "text"}) {
				t.Fatalf("mention keys %v", got)
			}
		}
	}
	for _, tp := range m["topics"].([]any) {
		if got := keys(tp.(map[string]any)); !reflect.DeepEqual(got, []string{"evidence", "id", "label", "label_en", "score"}) {
			t.Fatalf("topic keys %v", got)
		}
	}
	for _, f := range m["focus"].([]any) {
		if got := keys(f.(map[string]any)); !reflect.DeepEqual(got, []string{"id", "name", "score"}) {
			t.Fatalf("focus keys %v", got)
		}
	}
}

func TestSampleEntities(t *testing.T) {
	r := newAnalyzer(t).Analyze(sample.Article)
	find := func(name string) *kenner.EntityJSON {
		for i := range r.Entities {
			if r.Entities[i].Name == name {
				return &r.Entities[i]
			}
		}
		return nil
	}
	for _, want := range []struct{ name, typ, id string }{
		{"Emmanuel Macron", "PER", "kn:per/emmanuel-macron"},
		{"Wladimir Putin", "PER", "kn:per/wladimir-putin"},
		{"Friedrich Merz", "PER", "kn:per/friedrich-merz"},
		{"Russland", "LOC", "iso:RU"},
		{"Ukraine", "LOC", "iso:UA"},
	} {
		e := find(want.name)
		if e == nil {
			t.Errorf("%s not found", want.name)
			continue
		}
		if e.Type != want.typ || e.ID != want.id {
			t.Errorf("%s: %s %s, want %s %s", want.name, e.Type, e.ID, want.typ, want.id)
		}
	}
	if e := find("Wladimir Putin"); e != nil {
		var forms []string
		for _, m := range e.Mentions {
			forms = append(forms, m.Text)
		}
		if !slices.Contains(forms, "Putins") {
			t.Errorf("Wladimir Putin: forms %q lack the genitive Putins", forms)
		}
	}
}

func TestEmpty(t *testing.T) {
	a := newAnalyzer(t)
	for _, text := range []string{"", " \n", "und oder aber"} {
		b, err := json.Marshal(a.Analyze(text))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); !strings.HasPrefix(got, `{"entities":[],"topics":[`) || !strings.HasSuffix(got, `"focus":[]}`) {
			t.Errorf("Analyze(%q) = %s", text, got)
		}
	}
	b, _ := json.Marshal(kenner.NewResult(nil, topic.Result{}))
	if string(b) != `{"entities":[],"topics":[],"focus":[]}` {
		t.Errorf("NewResult(nil) = %s", b)
	}
}

func TestWithoutTopics(t *testing.T) {
	a, err := kenner.New(kenner.WithExtractor(newAnalyzer(t).Extractor()), kenner.WithoutTopics())
	if err != nil {
		t.Fatal(err)
	}
	if a.Tagger() != nil {
		t.Error("tagger built with WithoutTopics")
	}
	r := a.Analyze(sample.Article)
	if len(r.Entities) == 0 || len(r.Topics) != 0 || len(r.Focus) != 0 {
		t.Errorf("WithoutTopics: %d entities, %d topics, %d focus", len(r.Entities), len(r.Topics), len(r.Focus))
	}
}

// TestConcurrent checks that one Analyzer gives the same results from many
// goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	a := newAnalyzer(t)
	texts := strings.Split(sample.Article, "\n\n")
	want := make([]string, len(texts))
	for i, text := range texts {
		b, _ := json.Marshal(a.Analyze(text))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 3 * len(texts) {
				i := (g + k) % len(texts)
				b, _ := json.Marshal(a.Analyze(texts[i]))
				if string(b) != want[i] {
					t.Errorf("paragraph %d: concurrent result differs", i)
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzAnalyze(f *testing.F) {
	f.Add(sample.Article)
	f.Add("Merz' Sprecher traf Putins Berater in der Nato-Zentrale.")
	f.Add("MOSKAU (dpa) - \xff\xfeRussland")
	f.Add("")
	a, err := analyzer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := a.Analyze(text)
		checkResult(t, text, r)
		b, err := json.Marshal(r)
		if err != nil || !json.Valid(b) {
			t.Fatalf("JSON: %v", err)
		}
		if utf8.ValidString(text) && !utf8.Valid(b) {
			t.Fatal("invalid UTF-8 in JSON")
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	a := newAnalyzer(b)
	benchSample(b, func() { a.Analyze(sample.Article) })
}

// BenchmarkExtractOnly is BenchmarkAnalyze without topics and without the
// JSON-contract result: what topics and the result add is the difference.
func BenchmarkExtractOnly(b *testing.B) {
	a := newAnalyzer(b)
	benchSample(b, func() { a.Extractor().Extract(sample.Article) })
}

// benchSample runs analyse on the sample article b.N times and reports
// bytes, allocations and tokens per second.
func benchSample(b *testing.B, analyse func()) {
	tokens := len(tokenize.Tokenize(sample.Article))
	b.ReportAllocs()
	b.SetBytes(int64(len(sample.Article)))
	for b.Loop() {
		analyse()
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
