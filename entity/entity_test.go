package entity_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var (
	extractorOnce sync.Once
	defaultX      *entity.Extractor
	rulesX        *entity.Extractor
)

// extractors returns the default extractor and one without the model.
func extractors(t testing.TB) (*entity.Extractor, *entity.Extractor) {
	extractorOnce.Do(func() {
		var err error
		if defaultX, err = entity.NewExtractor(); err != nil {
			t.Fatal(err)
		}
		if rulesX, err = entity.NewExtractor(entity.WithoutModel()); err != nil {
			t.Fatal(err)
		}
	})
	if defaultX == nil {
		t.Fatal("no extractor")
	}
	return defaultX, rulesX
}

// mentionKey describes a mention for comparisons: text, type, form and the
// canonical name of its entity.
func mentionKey(d *entity.Document, m entity.Mention) string {
	return fmt.Sprintf("%s|%s|%s|%s", m.Text, m.Type, m.Form, d.Entities[m.Entity].Name)
}

func checkOffsets(t *testing.T, text string, d *entity.Document) {
	t.Helper()
	last := -1
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad mention %+v", m)
		}
		if m.PartStart < m.Start || m.PartEnd > m.End || m.PartStart >= m.PartEnd {
			t.Fatalf("bad part span %+v", m)
		}
		if m.Start < last {
			t.Fatalf("mentions out of order at %+v", m)
		}
		last = m.Start
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			t.Fatalf("mention %+v points to no entity", m)
		}
	}
	n := 0
	for _, e := range d.Entities {
		n += e.Count
		if e.Count != len(e.Mentions) {
			t.Fatalf("entity %s: count %d, %d mentions", e.Name, e.Count, len(e.Mentions))
		}
	}
	if n != len(d.Mentions) {
		t.Fatalf("entities hold %d mentions, document %d", n, len(d.Mentions))
	}
}

// TestSampleArticle checks every entity, link and form the sample article
// must give, and that nothing else is called a name.
func TestSampleArticle(t *testing.T) {
	x, _ := extractors(t)
	d := x.Extract(sample.Article)
	checkOffsets(t, sample.Article, d)
	got := map[string]bool{}
	for _, m := range d.Mentions {
		got[mentionKey(d, m)] = true
	}
	want := []string{
		"Merz|PER|name|Friedrich Merz", "Friedrich Merz|PER|name|Friedrich Merz", "Merz'|PER|name|Friedrich Merz",
		"Macron|PER|name|Emmanuel Macron", "Emmanuel Macron|PER|name|Emmanuel Macron",
		"Putins|PER|name|Wladimir Putin", "Wladimir Putin|PER|name|Wladimir Putin",
		"Dmitri Peskow|PER|name|Dmitri Peskow", "Peskow|PER|name|Dmitri Peskow",
		"Boris Pistorius|PER|name|Boris Pistorius", "Pistorius|PER|name|Boris Pistorius",
		"Steve Witkoff|PER|name|Steve Witkoff", "Marco Rubio|PER|name|Marco Rubio",
		"Donald Trump|PER|name|Donald Trump", "Wolodymyr Selenskyj|PER|name|Wolodymyr Selenskyj",
		"Ursula von der Leyen|PER|name|Ursula von der Leyen", "Johann Wadephul|PER|name|Johann Wadephul",
		"BERLIN|LOC|name|Berlin", "PARIS|LOC|name|Paris", "Paris|LOC|name|Paris", "Berlin|LOC|name|Berlin",
		"Frankreichs|LOC|name|Frankreich", "Russland|LOC|name|Russland", "Moskau|LOC|name|Moskau",
		"Brüssel|LOC|name|Brüssel", "Warschau|LOC|name|Warschau", "Ukraine|LOC|name|Ukraine",
		"französische|LOC|deriv|Frankreich", "Pariser|LOC|deriv|Paris", "russische|LOC|deriv|Russland",
		"amerikanischen|LOC|deriv|Vereinigte Staaten", "Europäern|LOC|deriv|Europa",
		"ukrainische|LOC|deriv|Ukraine", "polnischen|LOC|deriv|Polen",
		"Nato|ORG|name|NATO", "Nato-Staaten|ORG|part|NATO", "Nato-Außenminister|ORG|part|NATO",
		"EU-Kommission|ORG|part|Europäische Union", "US-Sondergesandte|LOC|part|Vereinigte Staaten",
		"Kremlchef|ORG|part|Kreml", "Kreml|ORG|name|Kreml", "Élysée|ORG|name|Élysée",
		"Interfax|ORG|name|Interfax", "dpa|ORG|name|Deutsche Presse-Agentur",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing mention %s", w)
		}
	}
	// Capitalised common nouns are no names.
	for _, m := range d.Mentions {
		switch m.Text {
		case "Treffen", "Abstimmung", "Gespräche", "Kritik", "Opposition", "Allerdings", "Sprecher", "Regierung", "Frieden", "Kommissionspräsidentin":
			t.Errorf("common noun %q tagged %s", m.Text, m.Type)
		}
	}
	// Golden file: the whole result, to see every change.
	b, err := json.MarshalIndent(golden(d), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "sample.golden.json")
	if *update {
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want2, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./entity -run TestSampleArticle -update)", err)
	}
	if strings.TrimSpace(string(want2)) != strings.TrimSpace(string(b)) {
		t.Errorf("result differs from %s; rerun with -update and review the diff", path)
	}
}

type goldenMention struct {
	Text       string
	Start, End int
	Type, Form string
	Source     string
	Entity     string
}

func golden(d *entity.Document) []goldenMention {
	var out []goldenMention
	for _, m := range d.Mentions {
		e := d.Entities[m.Entity]
		out = append(out, goldenMention{m.Text, m.Start, m.End, m.Type.String(), m.Form.String(), m.Source.String(), e.Name + " " + e.ID})
	}
	return out
}

// TestRules checks each built-in rule on its own, without the model.
func TestRules(t *testing.T) {
	_, x := extractors(t)
	tests := []struct {
		name, text string
		want       []string // text|type of expected mentions
		not        []string // texts that must not be mentions
	}{
		{"role before name", "Der Sondergesandte Jonas Beispielmann reiste ab.", []string{"Jonas Beispielmann|PER"}, nil},
		{"role with prefix", "US-Außenminister Quarkel äußerte sich.", []string{"Quarkel|PER", "US-Außenminister|LOC"}, nil},
		{"title Dr.", "Das sagte Dr. Zimmerlinger am Abend.", []string{"Zimmerlinger|PER"}, nil},
		{"first name", "Gestern traf Stefanie Quastenberg ihre Kollegen.", []string{"Stefanie Quastenberg|PER"}, nil},
		{"particles", "Ministerin Anna von der Quabbelhaus sprach.", []string{"Anna von der Quabbelhaus|PER"}, nil},
		{"party in parentheses", "Das kritisierte Holger Quendt (SPD) scharf.", []string{"Holger Quendt|PER", "SPD|ORG"}, nil},
		{"speech verb", "„Das ist falsch“, sagte Quendlinger.", []string{"Quendlinger|PER"}, nil},
		{"speech verb, common noun", "Er sagte Anfang der Woche ab.", nil, []string{"Anfang"}},
		{"legal form", "Die Quarkwerke Nord GmbH meldete Insolvenz an.", []string{"Quarkwerke Nord GmbH|ORG"}, nil},
		{"org cue", "Das meldete die Agentur Blitzpress am Morgen.", []string{"Blitzpress|ORG"}, nil},
		{"institution head", "Forscher der Universität Wien fanden das heraus.", []string{"Universität Wien|ORG"}, nil},
		{"institution compound", "Das Bundesfinanzministerium widersprach.", []string{"Bundesfinanzministerium|ORG"}, nil},
		{"institution with für", "Das Bundesamt für Strahlenschutz warnte.", []string{"Bundesamt für Strahlenschutz|ORG"}, nil},
		{"state office with a known body", "Das Landesamt für Verfassungsschutz beobachtet sie.", []string{"Landesamt für Verfassungsschutz|ORG"}, nil},
		{"known institute with für", "Forscher des Thünen-Instituts für Seefischerei warnten.", []string{"Thünen-Instituts für Seefischerei|ORG"}, nil},
		{"sports club", "Der SV Quakenbrück gewann.", []string{"SV Quakenbrück|ORG"}, nil},
		{"handball club", "Die MT Melsungen verlor beim HC Erlangen.", []string{"MT Melsungen|ORG", "HC Erlangen|ORG"}, nil},
		{"middle name", "Richterin Amy Coney Barrett stimmte zu.", []string{"Amy Coney Barrett|PER"}, nil},
		{"english org", "Sie forscht am Quantum Institute of Technology.", []string{"Quantum Institute of Technology|ORG"}, nil},
		{"street", "Die Demonstration zog über die Quästorstraße.", []string{"Quästorstraße|LOC"}, nil},
		{"ambiguous place with preposition", "Der Verein aus Essen gewann.", []string{"Essen|LOC"}, nil},
		{"ambiguous place as noun", "Das Essen war kalt.", nil, []string{"Essen"}},
		{"lower-case word is no name", "Wir essen um acht.", nil, []string{"essen"}},
		{"genitive", "Russlands Präsident und Putins Sprecher", []string{"Russlands|LOC", "Putins|PER"}, nil},
		{"all caps dateline", "MOSKAU (dpa) - Die Lage ist ruhig.", []string{"MOSKAU|LOC", "dpa|ORG"}, nil},
		{"derived adjective", "Die russischen Truppen und der französische Präsident", []string{"russischen|LOC", "französische|LOC"}, nil},
		{"compound part", "Die Nato-Staaten und der Kremlchef", []string{"Nato-Staaten|ORG", "Kremlchef|ORG"}, nil},
		{"coreference", "Hannelore Quirinus sprach. Später sagte Quirinus, es sei gut.", []string{"Hannelore Quirinus|PER", "Quirinus|PER"}, nil},
		{"common nouns", "Allerdings brachte das Treffen keine Abstimmung, die Kritik der Opposition blieb.", nil,
			[]string{"Allerdings", "Treffen", "Abstimmung", "Kritik", "Opposition"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := x.Extract(tc.text)
			checkOffsets(t, tc.text, d)
			got := map[string]bool{}
			var all []string
			for _, m := range d.Mentions {
				got[m.Text+"|"+m.Type.String()] = true
				got[m.Text] = true
				all = append(all, m.Text+"|"+m.Type.String()+"|"+m.Form.String())
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing %s in %v", w, all)
				}
			}
			for _, n := range tc.not {
				if got[n] {
					t.Errorf("%q must not be a mention: %v", n, all)
				}
			}
		})
	}
}

// TestCoreferenceNames checks that a short form links to the fullest name.
func TestCoreferenceNames(t *testing.T) {
	_, x := extractors(t)
	text := "Kanzlerin Hannelore Quirinus traf Quirinus' Amtskollegen. Quirinus sagte danach nichts."
	d := x.Extract(text)
	var e *entity.Entity
	for i := range d.Entities {
		if d.Entities[i].Name == "Hannelore Quirinus" {
			e = &d.Entities[i]
		}
	}
	if e == nil || e.Count != 3 {
		t.Fatalf("want Hannelore Quirinus ×3, got %+v", d.Entities)
	}
}

func TestEdgeCases(t *testing.T) {
	x, _ := extractors(t)
	for _, text := range []string{
		"", " ", "\n\n\t", "\x00\x00", "\xff\xfe Putin \xc3", "Putin\x00Merz", strings.Repeat("!", 10000),
		strings.Repeat("Nato-", 2000), "ПУТИН и Путин, بوتين", strings.ToUpper(sample.Article), "a-", "-", "'", "„“",
	} {
		d := x.Extract(text)
		checkOffsets(t, text, d)
	}
}

// TestConcurrent runs many goroutines over one extractor and checks they
// all get the single-threaded result (run it with -race).
func TestConcurrent(t *testing.T) {
	x, _ := extractors(t)
	texts := strings.Split(sample.Article, "\n\n")
	want := make([]string, len(texts))
	for i, tx := range texts {
		b, _ := json.Marshal(golden(x.Extract(tx)))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				i := (g + r) % len(texts)
				b, _ := json.Marshal(golden(x.Extract(texts[i])))
				if string(b) != want[i] {
					t.Errorf("goroutine %d: result differs for text %d", g, i)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, s := range strings.Split(sample.Article, "\n\n") {
		f.Add(s)
	}
	f.Add("\xff Putins \xc3\xa4 Nato-Staaten (SPD)")
	x, err := entity.NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := x.Extract(text)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention splits a rune: %+v", m)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	x, err := entity.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, x)
}

func BenchmarkExtractNoModel(b *testing.B) {
	x, err := entity.NewExtractor(entity.WithoutModel())
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, x)
}

// BenchmarkExtractArticles extracts from the ten short articles of the
// bench program's corpus, one document each, as its main table does: unlike
// BenchmarkExtract (one long text) it includes the cost per document.
func BenchmarkExtractArticles(b *testing.B) {
	x, err := entity.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join("..", "examples", "bench", "testdata", "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no bench corpus: %v", err)
	}
	var docs []string
	tokens, size := 0, 0
	for _, n := range names {
		text, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(text))
		tokens += len(tokenize.Tokenize(string(text)))
		size += len(text)
		x.Extract(string(text))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			x.Extract(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoadModel reads the embedded default model (the file it is
// embedded from) as NewExtractor does on first use.
func BenchmarkLoadModel(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("data", "model.bin"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := entity.LoadModel(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func benchExtract(b *testing.B, x *entity.Extractor) {
	text, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	tokens := len(tokenize.Tokenize(s))
	x.Extract(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(s)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() { x.Extract(s) }))/float64(tokens), "allocs/token")
}

// TestSettlementAfterDeterminer checks that a town's name right after an
// article or pronoun is read as the noun it also is (im Keller, über die
// Ufer, des Romans), with and without the model, while the same names
// after a preposition stay places.
func TestSettlementAfterDeterminer(t *testing.T) {
	withModel, rulesOnly := extractors(t)
	tests := []struct {
		text string
		name string
		loc  bool
	}{
		{"Zwölf Leichen seien im Keller des Hotels gefunden worden.", "Keller", false},
		{"Mancherorts traten Flüsse über die Ufer.", "Ufer", false},
		{"Der Streamingdienst kündigte eine Verfilmung des Romans an.", "Romans", false},
		{"Im 15. Jahrhundert gab es in diesem Kloster eine Schule.", "Kloster", false},
		{"Der Verein aus Essen gewann.", "Essen", true},
		{"Die Polizei in Halle ermittelt.", "Halle", true},
	}
	for _, x := range []*entity.Extractor{withModel, rulesOnly} {
		for _, tc := range tests {
			d := x.Extract(tc.text)
			found := false
			for _, m := range d.Mentions {
				if m.Text == tc.name && m.Type == entity.LOC {
					found = true
				}
			}
			if found != tc.loc {
				t.Errorf("model %v: %q: %s as a place: %v, want %v", x == withModel, tc.text, tc.name, found, tc.loc)
			}
		}
	}
}

// TestHyphenatedPlaceNames checks that a place whose own name has a hyphen
// stays one name (Sachsen-Anhalt is not a part of Sachsen), while a name
// before a common noun is still a compound part (EU-Kommission).
func TestHyphenatedPlaceNames(t *testing.T) {
	withModel, rulesOnly := extractors(t)
	tests := []struct {
		text, mention, id string
		form              entity.Form
	}{
		{"Die Regierung in Sachsen-Anhalt tagte.", "Sachsen-Anhalt", "ars:15", entity.FormName},
		{"Sachsen-Anhalts Regierung tagte.", "Sachsen-Anhalts", "ars:15", entity.FormName},
		{"Der Landtag von Schleswig-Holstein tagte.", "Schleswig-Holstein", "ars:01", entity.FormName},
		{"Das Beben traf Mexiko-Stadt am Morgen.", "Mexiko-Stadt", "geo:3530597", entity.FormName},
		{"Die EU-Kommission widersprach.", "EU-Kommission", "kn:org/eu", entity.FormPart},
	}
	for _, x := range []*entity.Extractor{withModel, rulesOnly} {
		for _, tc := range tests {
			got := mentionKeys(x, tc.text, func(m entity.Mention, e entity.Entity) string { return m.Text + "|" + e.ID + "|" + m.Form.String() })
			if !slices.Contains(got, tc.mention+"|"+tc.id+"|"+tc.form.String()) {
				t.Errorf("model %v: %q: want %s|%s|%s, got %v", x == withModel, tc.text, tc.mention, tc.id, tc.form, got)
			}
		}
	}
}

// TestSurnameLinksFoundName checks that a surname alone, which the rules or
// the model found as a name of its own, is linked to the person named in
// full before it, and counted as one entity with the full name.
func TestSurnameLinksFoundName(t *testing.T) {
	withModel, rulesOnly := extractors(t)
	tests := []struct{ text, short, id string }{
		{"Harry Kane traf zweimal. Kane hat damit bereits 16 Tore erzielt.", "Kane", "kn:per/harry-kane"},
		{"Uli Hoeneß sprach lange. Hoeneß sagte, der Verein sei stark.", "Hoeneß", "kn:per/uli-hoeness"},
		{"Karin Keller-Sutter zeigte sich erleichtert. Keller-Sutter will nun verhandeln.", "Keller-Sutter", "kn:per/karin-keller-sutter"},
		{"Der Regisseur Wim Wenders wurde geehrt. Wenders' Film «Perfect Days» war für den Oscar nominiert.", "Wenders'", "kn:per/wim-wenders"},
	}
	for _, x := range []*entity.Extractor{withModel, rulesOnly} {
		for _, tc := range tests {
			d := x.Extract(tc.text)
			found := false
			for _, m := range d.Mentions {
				if m.Text != tc.short {
					continue
				}
				found = true
				if e := d.Entities[m.Entity]; e.ID != tc.id || e.Count != 2 {
					t.Errorf("model %v: %q: %s is in entity %q (%s, %d mentions), want %s with 2", x == withModel, tc.text, tc.short, e.Name, e.ID, e.Count, tc.id)
				}
			}
			if !found {
				t.Errorf("model %v: %q: %s not found", x == withModel, tc.text, tc.short)
			}
		}
	}
}

// TestCivicBody checks the rule for a town's adjective before a body of
// that town: Hamburger Sparkasse is one organisation, while Berliner before
// a common noun stays a derived place.
func TestCivicBody(t *testing.T) {
	_, rulesOnly := extractors(t)
	tests := []struct {
		text, mention string
		typ           entity.Type
		form          entity.Form
	}{
		{"Die Hamburger Sparkasse meldet Gewinne.", "Hamburger Sparkasse", entity.ORG, entity.FormName},
		{"Die Kölner Verkehrsbetriebe leiteten Buslinien um.", "Kölner Verkehrsbetriebe", entity.ORG, entity.FormName},
		{"Ein Sprecher der Münchner Polizei sagte das.", "Münchner Polizei", entity.ORG, entity.FormName},
		{"Die Berliner Luft ist gut.", "Berliner", entity.LOC, entity.FormDeriv},
		{"Die französische Polizei ermittelt.", "französische", entity.LOC, entity.FormDeriv},
	}
	for _, tc := range tests {
		got := mentionKeys(rulesOnly, tc.text, func(m entity.Mention, _ entity.Entity) string {
			return m.Text + "|" + m.Type.String() + "|" + m.Form.String()
		})
		if len(got) != 1 || got[0] != tc.mention+"|"+tc.typ.String()+"|"+tc.form.String() {
			t.Errorf("%q: want only %s|%s|%s, got %v", tc.text, tc.mention, tc.typ, tc.form, got)
		}
	}
}

// TestNameInsideNames checks two ways a name is kept whole: a known
// organisation after a generic head word (Organisation) is not swallowed by
// the English-name rule, and a first name before a small town's name is a
// person (Thomas Strobl, not the Austrian village Strobl).
func TestNameInsideNames(t *testing.T) {
	withModel, rulesOnly := extractors(t)
	tests := []struct {
		text, mention string
		typ           entity.Type
		id            string
	}{
		{"Die Organisation Ärzte ohne Grenzen forderte mehr Impfstoff.", "Ärzte ohne Grenzen", entity.ORG, "kn:org/msf"},
		{"Die Organisation Fridays for Future rief zum Streik auf.", "Fridays for Future", entity.ORG, "kn:org/fridays-for-future"},
		{"Die World Health Organisation warnt.", "World Health Organisation", entity.ORG, ""},
		{"Das sagte Thomas Strobl am Montag.", "Thomas Strobl", entity.PER, ""},
		{"Innenminister Thomas Strobl (CDU) sagte Hilfen zu.", "Thomas Strobl", entity.PER, ""},
		{"Der Urlaub in Strobl am Wolfgangsee war schön.", "Strobl", entity.LOC, "geo:2764121"},
		{"Die Zeitschrift des California Institute of Technology berichtet.", "California Institute of Technology", entity.ORG, ""},
	}
	for _, x := range []*entity.Extractor{withModel, rulesOnly} {
		for _, tc := range tests {
			got := mentionKeys(x, tc.text, func(m entity.Mention, e entity.Entity) string { return m.Text + "|" + m.Type.String() + "|" + e.ID })
			if !slices.Contains(got, tc.mention+"|"+tc.typ.String()+"|"+tc.id) {
				t.Errorf("model %v: %q: want %s|%s|%s, got %v", x == withModel, tc.text, tc.mention, tc.typ, tc.id, got)
			}
		}
	}
}

// TestAbbreviationInParentheses checks that an abbreviation in parentheses
// after a name, and its later uses, are mentions of the named entity.
func TestAbbreviationInParentheses(t *testing.T) {
	withModel, rulesOnly := extractors(t)
	const text = "Die Kombi-Massiv-Bau GmbH (KMB) meldet Gewinne. Ein Sprecher der KMB sagte das."
	for _, x := range []*entity.Extractor{withModel, rulesOnly} {
		d := x.Extract(text)
		var got []string
		for _, e := range d.Entities {
			got = append(got, fmt.Sprintf("%s|%s|%d", e.Name, e.Type, e.Count))
		}
		if len(got) != 1 || got[0] != "Kombi-Massiv-Bau GmbH|ORG|3" {
			t.Errorf("model %v: entities %v, want [Kombi-Massiv-Bau GmbH|ORG|3]", x == withModel, got)
		}
	}
}

// TestAbbreviationIsNoParty checks that an abbreviation in parentheses of
// the words before it does not make them a politician with a party.
func TestAbbreviationIsNoParty(t *testing.T) {
	_, rulesOnly := extractors(t)
	for _, text := range []string{
		"Die Fluorchlorkohlenwasserstoffe (FCKW) schaden der Ozonschicht.",
		"Die Pensionsversicherungsanstalt (PVA) zahlt.",
	} {
		for _, m := range rulesOnly.Extract(text).Mentions {
			if m.Type == entity.PER {
				t.Errorf("%q: %q is a person", text, m.Text)
			}
		}
	}
	d := rulesOnly.Extract("Boris Pistorius (SPD) sagte das. Anna Beispiel (ÖDP) auch.")
	n := 0
	for _, m := range d.Mentions {
		if m.Type == entity.PER {
			n++
		}
	}
	if n != 2 {
		t.Errorf("politicians with a party: %d persons, want 2 (%+v)", n, d.Mentions)
	}
}

// TestRelinkPlaces checks that an ambiguous town is linked to the one in
// the country the text is about, but not to a much smaller namesake.
func TestRelinkPlaces(t *testing.T) {
	withModel, rulesOnly := extractors(t)
	tests := []struct{ text, place, id string }{
		{"Er starb in Santa Fe im Bundesstaat New Mexico. Die USA trauern um ihn.", "Santa Fe", "geo:5490263"},
		{"Santa Fe ist die Hauptstadt der Provinz, sagte der Gouverneur.", "Santa Fe", "geo:3836277"},
		{"Der US-Präsident sprach in Paris über die USA und Texas.", "Paris", "geo:2988507"},
		{"Sachsens Regierungschef reiste von Dresden über Görlitz nach Boxberg.", "Boxberg", "ags:14626060"},
		{"Der Bürgermeister von Boxberg im Main-Tauber-Kreis sprach.", "Boxberg", "ags:08128014"},
	}
	for _, x := range []*entity.Extractor{withModel, rulesOnly} {
		for _, tc := range tests {
			got := mentionKeys(x, tc.text, func(m entity.Mention, e entity.Entity) string { return m.Text + "|" + e.ID })
			if !slices.Contains(got, tc.place+"|"+tc.id) {
				t.Errorf("model %v: %q: want %s|%s, got %v", x == withModel, tc.text, tc.place, tc.id, got)
			}
		}
	}
}

// TestRoads checks the rule for motorway and federal road numbers: a road
// after der, auf, Autobahn or before Richtung, zwischen; no paper size or
// car model.
func TestRoads(t *testing.T) {
	_, rulesOnly := extractors(t)
	tests := []struct {
		text, road string // road "": no LOC mention
	}{
		{"Auf der A8 zwischen Karlsruhe und Pforzheim gab es Stau.", "A8"},
		{"Die B 27 Richtung Tübingen ist gesperrt.", "B 27"},
		{"Die Autobahn A 7 bei Hamburg ist frei.", "A 7"},
		{"Er druckte ein Blatt DIN A4 aus.", ""},
		{"Sie fährt einen Audi A3 mit Anhänger.", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range rulesOnly.Extract(tc.text).Mentions {
			if m.Type == entity.LOC && (strings.HasPrefix(m.Text, "A") || strings.HasPrefix(m.Text, "B")) && strings.ContainsAny(m.Text, "0123456789") {
				got = append(got, m.Text)
			}
		}
		want := []string{}
		if tc.road != "" {
			want = []string{tc.road}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: roads %v, want %v", tc.text, got, want)
		}
	}
}

// mentionKeys extracts text with x and returns, for every mention in text
// order, the key that key makes of it and its entity.
func mentionKeys(x *entity.Extractor, text string, key func(entity.Mention, entity.Entity) string) []string {
	d := x.Extract(text)
	keys := make([]string, 0, len(d.Mentions))
	for _, m := range d.Mentions {
		keys = append(keys, key(m, d.Entities[m.Entity]))
	}
	return keys
}

// TestRegnalNumber checks that a regnal number belongs to the name and that
// a title an alias carries (König Charles, Papst Leo) does not, as GermEval
// annotates them (Elisabeth II., König O).
func TestRegnalNumber(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textTypeNameKey, []mentionCase{
		{"König Charles III. besuchte Berlin.", "[Charles III.|PER|Charles III. Berlin|LOC|Berlin]"},
		{"In einer Videobotschaft rief Papst Leo XIV. die Gläubigen auf.", "[Leo XIV.|PER|Leo XIV.]"},
		{"Juan Carlos I. dankte ab.", "[Juan Carlos I.|PER|Juan Carlos I.]"},
		{"Unter Bernhard IV. wurde das Land neu gegliedert.", "[Bernhard IV.|PER|Bernhard IV.]"},
		{"Die Rede von Papst Franziskus wurde gelobt.", "[Franziskus|PER|Franziskus]"},
	})
}

// TestNounAfterAdjective checks that a place named like a German noun is
// that noun after an adjective (vollgelaufener Keller, neue Marken), but
// not after a place's own adjective or where nothing points to the noun.
func TestNounAfterAdjective(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textKey, []mentionCase{
		{"Die Feuerwehr pumpte vollgelaufener Keller leer.", "[]"},
		{"Der Konzern bringt neue Marken auf den Markt.", "[]"},
		{"Die Region Marken liegt in Italien.", "[Marken Italien]"},
		{"Im sächsischen Wurzen regnete es.", "[sächsischen Wurzen]"},
	})
}

// TestAdjectiveInName checks that a capitalised adjective in -sch inside a
// sentence starts a name when a known organisation or event or a noun that
// ends like a body follows, and that a title or a town's -er form does not.
func TestAdjectiveInName(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textTypeKey, []mentionCase{
		{"Gefördert wurde die Studie von der Deutschen Krebshilfe mit Geld.", "[Deutschen Krebshilfe|ORG]"},
		{"Das sagte der Bayerische Bauernverband am Montag.", "[Bayerische Bauernverband|ORG]"},
		{"Der Deutsche Katholikentag beginnt.", "[Deutsche Katholikentag|OTH]"},
		{"Er sprach mit dem Deutschen Rat für Nachhaltige Entwicklung.", "[Deutschen Rat für Nachhaltige Entwicklung|ORG]"},
		{"Die Deutschen Meister kamen aus Kiel.", "[Deutschen|LOC Kiel|LOC]"},
		{"Das meldete der Düsseldorfer Konzern.", "[Düsseldorfer|LOC]"},
		{"Deutsche Behörden ermitteln.", "[Deutsche|LOC]"},
		{"Der Windpark liegt in der Deutschen Bucht.", "[Deutschen Bucht|LOC]"},
		{"Die Fläche gehört zum Nationalpark Niedersächsisches Wattenmeer.", "[Niedersächsisches Wattenmeer|LOC]"},
	})
}

// TestPartiesInContext checks that the doubtful short names of parties
// (Grünen, Linke) are parties in a text that names another party for sure,
// and stay out of a text without one or in "im Grünen".
func TestPartiesInContext(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textKey, []mentionCase{
		{"Es reicht nur für ein Bündnis aus CDU, SPD, Grünen und Linken.", "[CDU SPD Grünen Linken]"},
		{"Die SPD verliert, die Linke gewinnt.", "[SPD Linke]"},
		{"Kritik kam von den Grünen im Parlament.", "[]"},
		{"Die CDU plant ein Picknick im Grünen.", "[CDU]"},
	})
}

// TestSurnameOverPlace checks that a place named like a person named in
// full before it is that person, unless a preposition of place precedes it.
func TestSurnameOverPlace(t *testing.T) {
	_, rulesOnly := extractors(t)
	text := "Verstappen hielt Ferrari-Star Lewis Hamilton hinter sich. Hamilton wurde Dritter. Danach flog er nach Hamilton. In Hamilton regnete es."
	got := mentionKeys(rulesOnly, text, func(m entity.Mention, e entity.Entity) string { return m.Text + "|" + m.Type.String() })
	want := "[Verstappen|PER Ferrari-Star|ORG Lewis Hamilton|PER Hamilton|PER Hamilton|LOC Hamilton|LOC]"
	if fmt.Sprint(got) != want {
		t.Errorf("%v, want %s", got, want)
	}
}

// TestGenericStreets checks that a compound that names a kind of road
// (Zufahrtsstraße, Rettungsgasse, Staudamm) is no street name, while
// Friedrichstraße is.
func TestGenericStreets(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textKey, []mentionCase{
		{"Die Zufahrtsstraße zum Werk wird ausgebaut.", "[]"},
		{"Bitte bilden Sie eine Rettungsgasse.", "[]"},
		{"Der Staudamm brach, die Landstraße ist gesperrt.", "[]"},
		{"Er wohnt in der Friedrichstraße.", "[Friedrichstraße]"},
	})
}

// TestTitles checks that a title in quotes after a word naming a kind of
// work is one OTH mention, quotes left out, and that quoted speech is not;
// the model may not drop such a title. So is a prize or race named by a
// capitalised adjective (den Silbernen Bären).
func TestTitles(t *testing.T) {
	full, rulesOnly := extractors(t)
	text := "Den Preis gewann der Film „Die Stille nach dem Regen“ der Regisseurin Mahnaz Rahimi."
	if got := mentionKeys(full, text, func(m entity.Mention, _ entity.Entity) string { return m.Text }); !slices.Contains(got, "Die Stille nach dem Regen") {
		t.Errorf("with the model: %v, want the film's title among them", got)
	}
	checkMentions(t, rulesOnly, textTypeKey, []mentionCase{
		{"Der Song \"Till Death Do Us Part\" handelt davon.", "[Till Death Do Us Part|OTH]"},
		{"Sein Debütalbum „Leuchtfeuer“ stieg auf Platz eins ein.", "[Leuchtfeuer|OTH]"},
		{"Die Show „Schlag den Raab“ kehrt zurück.", "[Schlag den Raab|OTH]"},
		{"Der Film „ist gut“, sagte er.", "[]"},
		{"Ausgezeichnet wurde auch die Regie des Dokumentarfilms „Grenzland“.", "[Grenzland|OTH]"},
		{"Sie erhielt den Silbernen Bären für die beste Regie.", "[Silbernen Bären|OTH]"},
		{"Verstappen gewann den Großen Preis von Australien.", "[Verstappen|PER Großen Preis von Australien|OTH]"},
		{"Das Goldene Zeitalter begann, die Große Koalition regierte.", "[]"},
		{"Er sagte „Berlin ist schön“ und ging.", "[Berlin|LOC]"},
	})
}

// TestCompanyNames checks that a known company's name goes on to a legal
// form after it and stays linked, and that a company named after a family
// is a person after a first name.
func TestCompanyNames(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textTypeNameKey, []mentionCase{
		{"Die Siemens Energy AG wächst.", "[Siemens Energy AG|ORG|Siemens Energy]"},
		{"Die Bilfinger Berger Projektentwicklung GmbH baut.", "[Bilfinger Berger Projektentwicklung GmbH|ORG|Bilfinger]"},
		{"Der Optiker Günther Fielmann starb.", "[Günther Fielmann|PER|Günther Fielmann]"},
		{"Fielmann steigerte den Umsatz.", "[Fielmann|ORG|Fielmann]"},
	})
}

// TestSurnameNamedLikePlace checks that a first name before a landscape's
// name makes a person (Thomas Wendland), and that an organisation's words
// before a party-like abbreviation in parentheses make no person.
func TestSurnameNamedLikePlace(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textTypeKey, []mentionCase{
		{"Bürgermeister Thomas Wendland (SPD) sprach.", "[Thomas Wendland|PER SPD|ORG]"},
		{"Das Wendland ist schön.", "[Wendland|LOC]"},
		{"Die Sozialistische Partei (PS) stimmte zu.", "[Sozialistische Partei|ORG PS|ORG]"},
	})
}

// TestNamedAfterPerson checks that a compound named after a person takes
// its head's type (Karl-Marx-Straße, Max-Planck-Institut für …), and that
// a hyphenated first name is no part of a place (Klaus-Dieter).
func TestNamedAfterPerson(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, textTypeKey, []mentionCase{
		{"Er wohnt in der Karl-Marx-Straße.", "[Karl-Marx-Straße|LOC]"},
		{"Sie forscht am Max-Planck-Institut für Sonnensystemforschung.", "[Max-Planck-Institut für Sonnensystemforschung|ORG]"},
		{"Das DLR-Institut für Planetenforschung startet.", "[DLR-Institut für Planetenforschung|ORG]"},
		{"Der Nato-Gipfel tagt.", "[Nato-Gipfel|ORG]"},
		{"Klaus-Dieter Mertens sagte das.", "[Klaus-Dieter Mertens|PER]"},
		{"Im Derby gegen Kiel gewann Flensburg.", "[Kiel|LOC Flensburg|LOC]"},
	})
}

// TestFirstNameAfterTitle checks that a known person's surname after
// another first name is another person (Claudia Plattner), that a
// hyphenated surname with a place in it is a surname, and that a common
// first name after a title is a person even where a town has that name.
func TestFirstNameAfterTitle(t *testing.T) {
	_, rulesOnly := extractors(t)
	checkMentions(t, rulesOnly, func(m entity.Mention, e entity.Entity) string { return m.Text + "|" + m.Type.String() + "|" + e.ID }, []mentionCase{
		{"BSI-Präsidentin Claudia Plattner warnte.", "[BSI-Präsidentin|ORG|kn:org/bsi Claudia Plattner|PER|]"},
		{"Hasso Plattner spendete.", "[Hasso Plattner|PER|kn:per/hasso-plattner]"},
		{"Die Klägerin Maria Delgado-Reyes sprach.", "[Maria Delgado-Reyes|PER|]"},
		{"Königin Mary besuchte Kiel.", "[Mary|PER| Kiel|LOC|ags:01002000]"},
		{"Minister Berlin?", "[Berlin|LOC|ags:11000000]"},
	})
}

// mentionCase is a text and the mentions wanted in it: fmt.Sprint of the
// keys that mentionKeys makes.
type mentionCase struct{ text, want string }

// checkMentions extracts every case's text with x and reports each whose
// mention keys differ from the wanted ones.
func checkMentions(t *testing.T, x *entity.Extractor, key func(entity.Mention, entity.Entity) string, cases []mentionCase) {
	t.Helper()
	for _, tc := range cases {
		if got := mentionKeys(x, tc.text, key); fmt.Sprint(got) != tc.want {
			t.Errorf("%q: %v, want %s", tc.text, got, tc.want)
		}
	}
}

// textKey, textTypeKey and textTypeNameKey are keys for mentionKeys: the
// mention's text; its text and type; and those and its entity's name.
func textKey(m entity.Mention, _ entity.Entity) string { return m.Text }

func textTypeKey(m entity.Mention, _ entity.Entity) string { return m.Text + "|" + m.Type.String() }

func textTypeNameKey(m entity.Mention, e entity.Entity) string {
	return m.Text + "|" + m.Type.String() + "|" + e.Name
}
