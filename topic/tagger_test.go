package topic_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/topic"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func newTagger(t testing.TB, opts ...topic.Option) *topic.Tagger {
	t.Helper()
	tg, err := topic.NewTagger(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func ids(r topic.Result) []string {
	var out []string
	for _, t := range r.Topics {
		out = append(out, t.ID)
	}
	return out
}

// TestGoldenSample tags the bundled sample article (Kremlin peace talks,
// NATO, Ukraine) and compares the JSON with testdata/sample.golden.json.
func TestGoldenSample(t *testing.T) {
	r := newTagger(t).Tag(sample.Article, nil)
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/sample.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Tag(sample) differs from %s (run go test -update and review the diff):\n%s", golden, got)
	}
}

// TestMultiLabel: an article about Kremlin peace talks and a NATO meeting
// is about war and conflict, the peace process and diplomacy, and defence.
func TestMultiLabel(t *testing.T) {
	r := newTagger(t).Tag(sample.Article, nil)
	got := ids(r)
	for _, want := range []string{
		"medtop:16000000", // Krise, Krieg, Konflikte
		"medtop:20000073", // Friedensprozess
		"medtop:20000639", // Diplomatie
		"medtop:20000598", // Verteidigung
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %v", want, got)
		}
	}
	if p, ok := r.Primary(); !ok || p.Path[0] != "medtop:11000000" {
		t.Errorf("Primary = %v", p.ID)
	}
}

func TestResultInvariants(t *testing.T) {
	text := sample.Article
	r := newTagger(t, topic.WithThreshold(0.01), topic.WithMaxTopics(0), topic.WithMaxEvidence(0)).Tag(text, nil)
	if len(r.Topics) < 10 {
		t.Fatalf("only %d topics", len(r.Topics))
	}
	byID := map[string]topic.Topic{}
	for i, tp := range r.Topics {
		byID[tp.ID] = tp
		if tp.Score < 0.01 || tp.Score >= 1 {
			t.Errorf("%s score %v", tp.ID, tp.Score)
		}
		if i > 0 && tp.Score > r.Topics[i-1].Score {
			t.Errorf("not sorted at %d", i)
		}
		if len(tp.Path) != tp.Level || tp.Path[len(tp.Path)-1] != tp.ID || tp.Label == "" || tp.LabelEn == "" {
			t.Errorf("%s: level %d path %v labels %q %q", tp.ID, tp.Level, tp.Path, tp.Label, tp.LabelEn)
		}
		if len(tp.Evidence) == 0 {
			t.Errorf("%s has no evidence", tp.ID)
		}
		for _, e := range tp.Evidence {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text || e.Count < 1 || e.Weight <= 0 || e.Cue == "" {
				t.Errorf("%s: bad evidence %+v", tp.ID, e)
			}
		}
	}
	// A broader topic scores at least as high as each narrower one.
	for _, tp := range r.Topics {
		for _, a := range tp.Path[:len(tp.Path)-1] {
			if p, ok := byID[a]; !ok || p.Score < tp.Score {
				t.Errorf("%s (%v) above its broader %s (%v, %v)", tp.ID, tp.Score, a, p.Score, ok)
			}
		}
	}
	// Options.
	if n := len(newTagger(t, topic.WithMaxTopics(3)).Tag(text, nil).Topics); n != 3 {
		t.Errorf("WithMaxTopics(3): %d topics", n)
	}
	for _, tp := range newTagger(t, topic.WithThreshold(0.9)).Tag(text, nil).Topics {
		if tp.Score < 0.9 {
			t.Errorf("WithThreshold(0.9): %s %v", tp.ID, tp.Score)
		}
	}
	for _, tp := range newTagger(t, topic.WithMaxEvidence(1)).Tag(text, nil).Topics {
		if len(tp.Evidence) != 1 {
			t.Errorf("WithMaxEvidence(1): %d", len(tp.Evidence))
		}
	}
	if r := newTagger(t).Tag("", nil); len(r.Topics) != 0 || len(r.Focus) != 0 {
		t.Errorf("empty text: %+v", r)
	}
}

// TestComparableScores: the same evidence scores alike in a short and (up
// to the length normalisation) in a long article; the headline weighs more.
func TestComparableScores(t *testing.T) {
	tg := newTagger(t)
	score := func(text, id string) float64 {
		for _, tp := range tg.Tag(text, nil).Topics {
			if tp.ID == id {
				return tp.Score
			}
		}
		return 0
	}
	body := "Der Tag begann ruhig.\n\nAm Nachmittag gab es Regen und Gewitter, die Temperaturen sanken."
	head := "Regen und Gewitter am Nachmittag\n\nDer Tag begann ruhig, die Temperaturen sanken."
	if b, h := score(body, "medtop:17000000"), score(head, "medtop:17000000"); !(h > b && b > 0) {
		t.Errorf("weather in headline %v, in body %v", h, b)
	}
	filler := strings.Repeat("Der Tag begann ruhig und blieb es auch. ", 200)
	if long := score(body+"\n\n"+filler, "medtop:17000000"); !(long > 0 && long < score(body, "medtop:17000000")) {
		t.Errorf("long article weather score %v", long)
	}
}

func entry(id, name string, typ gazetteer.Type, kind, cc string, attrs map[string]string) *gazetteer.Entry {
	a := map[string]string{"kind": kind}
	if cc != "" {
		a["cc"] = cc
	}
	for k, v := range attrs {
		a[k] = v
	}
	return &gazetteer.Entry{ID: id, Name: name, Type: typ, Kind: kind, Country: cc, Attrs: a, Prior: 1}
}

// viennaDoc is a short report from Vienna about Austrian ministers with a
// hand-built entity document (what entity.Extractor would find).
func viennaDoc() (string, *entity.Document) {
	text := "Regierung einigt sich auf Budget\n\nWien – Die österreichische Regierung hat sich auf das Budget geeinigt. " +
		"Finanzminister Hans Huber (ÖVP) sprach von einem guten Tag. Die ÖVP und ihr Partner zeigten sich zufrieden. " +
		"In Berlin wurde die Einigung begrüßt."
	at := entry("iso:AT", "Österreich", gazetteer.LOC, "country", "AT", nil)
	wien := entry("geo:2761369", "Wien", gazetteer.LOC, "city", "AT", nil)
	berlin := entry("geo:2950159", "Berlin", gazetteer.LOC, "city", "DE", nil)
	oevp := entry("kn:org/oevp", "Österreichische Volkspartei", gazetteer.ORG, "party", "AT", nil)
	huber := entry("kn:per/hans-huber", "Hans Huber", gazetteer.PER, "person", "AT", map[string]string{"party": "ÖVP", "role": "Finanzminister"})
	doc := &entity.Document{Text: text}
	add := func(e *gazetteer.Entry, surface string, form entity.Form, nth ...int) {
		ei := len(doc.Entities)
		ent := entity.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Entry: e, Salience: 0.5}
		off := 0
		for {
			i := strings.Index(text[off:], surface)
			if i < 0 {
				break
			}
			s := off + i
			ent.Mentions = append(ent.Mentions, len(doc.Mentions))
			doc.Mentions = append(doc.Mentions, entity.Mention{Text: surface, Start: s, End: s + len(surface), Type: e.Type, Form: form, Entity: ei, Source: entity.SourceGazetteer, Score: 1})
			off = s + len(surface)
		}
		ent.Count = len(ent.Mentions)
		ent.First = doc.Mentions[ent.Mentions[0]].Start
		doc.Entities = append(doc.Entities, ent)
	}
	add(wien, "Wien", entity.FormName)
	add(at, "österreichische", entity.FormDeriv)
	add(huber, "Hans Huber", entity.FormName)
	add(oevp, "ÖVP", entity.FormName)
	add(berlin, "Berlin", entity.FormName)
	slices.SortFunc(doc.Mentions, func(a, b entity.Mention) int { return a.Start - b.Start })
	// Re-point entity mention indices after sorting.
	for i := range doc.Entities {
		doc.Entities[i].Mentions = nil
	}
	for mi, m := range doc.Mentions {
		doc.Entities[m.Entity].Mentions = append(doc.Entities[m.Entity].Mentions, mi)
	}
	return text, doc
}

func TestFocusAndCues(t *testing.T) {
	text, doc := viennaDoc()
	r := newTagger(t).Tag(text, doc)
	if len(r.Focus) == 0 || r.Focus[0].ID != "iso:AT" || r.Focus[0].Name != "Österreich" || r.Focus[0].Country != "AT" || r.Focus[0].Place {
		t.Fatalf("focus %+v, want Österreich first", r.Focus)
	}
	for _, f := range r.Focus {
		if f.Score <= 0 || f.Score > 1 {
			t.Errorf("focus score %+v", f)
		}
		if f.ID == "iso:DE" && f.Score >= r.Focus[0].Score/2 {
			t.Errorf("passing mention of Berlin too strong: %+v", r.Focus)
		}
	}
	// The party is an entity cue for politics, with the entity's ID.
	found := false
	for _, tp := range newTagger(t, topic.WithThreshold(0.01)).Tag(text, doc).Topics {
		if tp.ID != "medtop:20000651" {
			continue
		}
		for _, e := range tp.Evidence {
			if e.Entity == "kn:org/oevp" && e.Cue == "kind=party" && e.Count == 2 && text[e.Start:e.End] == "ÖVP" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no kind=party evidence for the ÖVP: %v", ids(r))
	}
	// Without the document: no focus, keywords only.
	if r := newTagger(t).Tag(text, nil); len(r.Focus) != 0 {
		t.Errorf("focus without document: %v", r.Focus)
	}
	// JSON fields for examples/extract.
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Topics []map[string]any `json:"topics"`
		Focus  []map[string]any `json:"focus"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Topics) == 0 || len(m.Focus) == 0 {
		t.Fatalf("JSON %s", b)
	}
	keys := func(x map[string]any) string {
		var k []string
		for s := range x {
			k = append(k, s)
		}
		slices.Sort(k)
		return strings.Join(k, ",")
	}
	if k := keys(m.Topics[0]); k != "evidence,id,label,label_en,score" {
		t.Errorf("topic JSON keys %s", k)
	}
	if k := keys(m.Focus[0]); k != "id,name,score" {
		t.Errorf("focus JSON keys %s", k)
	}
}

// TestExtractorIntegration runs the real entity extractor: a report from
// Vienna about Austrian ministers has focus Österreich.
func TestExtractorIntegration(t *testing.T) {
	x, err := entity.NewExtractor()
	if err != nil {
		t.Skip("entity extractor:", err)
	}
	text := "Regierung einigt sich auf Budget\n\nWien (APA) – Die österreichische Bundesregierung hat sich nach langen Verhandlungen auf das Budget geeinigt. " +
		"Der Finanzminister sprach im Nationalrat von einem guten Tag für Österreich. ÖVP und SPÖ zeigten sich zufrieden, die FPÖ kritisierte die Einigung."
	r := newTagger(t).Tag(text, x.Extract(text))
	if len(r.Focus) == 0 || r.Focus[0].ID != "iso:AT" {
		t.Errorf("focus %+v, want Österreich first", r.Focus)
	}
	if p, ok := r.Primary(); !ok || p.Path[0] != "medtop:11000000" {
		t.Errorf("primary %v, want politics", p.ID)
	}
}

func TestConcurrent(t *testing.T) {
	tg := newTagger(t)
	want, _ := json.Marshal(tg.Tag(sample.Article, nil))
	done := make(chan []byte)
	for i := 0; i < 8; i++ {
		go func() {
			b, _ := json.Marshal(tg.Tag(sample.Article, nil))
			done <- b
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("concurrent result differs")
		}
	}
}
