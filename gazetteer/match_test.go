package gazetteer

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// matchCases are table tests over the test gazetteer (testdata/test.tsv).
// want lists describe() of every match, in text order.
var matchCases = []struct {
	name, text string
	want       []string
}{
	// Multi-token names, longest match.
	{"multi", "Vereinigte Staaten", []string{"Vereinigte Staaten name iso:US"}},
	{"multi longest", "die Vereinigten Staaten von Amerika", []string{"Vereinigten Staaten von Amerika name iso:US +infl"}},
	{"multi inflected", "in den Vereinigten Staaten", []string{"Vereinigten Staaten name iso:US +infl"}},
	{"multi person", "Emmanuel Macron sagte", []string{"Emmanuel Macron name kn:per/emmanuel-macron"}},
	{"multi lower inside", "Frankfurt am Main", []string{"Frankfurt am Main name geo:2925533"}},
	{"multi prefix only", "Frankfurt an der Oder", []string{"Frankfurt name geo:2925533"}},
	{"adjective in name", "das Weiße Haus", []string{"Weiße Haus name kn:org/weisses-haus +infl"}},
	{"adjective in name 2", "im Weißen Haus", []string{"Weißen Haus name kn:org/weisses-haus +infl"}},
	{"adjective in name nominative", "Weißes Haus", []string{"Weißes Haus name kn:org/weisses-haus"}},
	{"two adjectives", "des Deutschen Roten Kreuzes", []string{"Deutschen Roten Kreuzes name kn:org/rotes-kreuz +infl"}},
	{"two adjectives weak", "das Deutsche Rote Kreuz", []string{"Deutsche Rote Kreuz name kn:org/rotes-kreuz +infl"}},
	{"name beats derived", "die Russische Föderation", []string{"Russische Föderation name iso:RU"}},
	{"name beats derived inflected", "der Russischen Föderation", []string{"Russischen Föderation name iso:RU +infl"}},
	{"three tokens one entity", "FC Bayern München", []string{"FC Bayern München name kn:org/fc-bayern"}},
	{"alias as listed", "den Vereinten Nationen", []string{"Vereinten Nationen name kn:org/un"}},

	// Case.
	{"lower-case word", "wir essen", nil},
	{"capitalised", "in Essen", []string{"Essen name geo:2928810"}},
	{"sentence start", "Essen ist eine Stadt.", []string{"Essen name geo:2928810"}},
	{"dateline folded", "MOSKAU (dpa) -", []string{"MOSKAU name geo:524901 +fold"}},
	{"all caps multi", "FRANKFURT AM MAIN", []string{"FRANKFURT AM MAIN name geo:2925533 +fold"}},
	{"acronym exact", "die NATO", []string{"NATO name kn:org/nato"}},
	{"acronym alias", "die Nato", []string{"Nato name kn:org/nato"}},
	{"acronym both ways", "UNO und Uno", []string{"UNO name kn:org/un", "Uno name kn:org/un"}},
	{"mixed case no match", "die NaTo", nil},
	{"folded derived", "RUSSISCHE TRUPPEN", []string{"RUSSISCHE deriv iso:RU +infl +fold"}},
	{"folded genitive", "PUTINS REDE", []string{"PUTINS name kn:per/wladimir-putin +infl +fold"}},

	// Inflection of names.
	{"genitive person", "Putins Sprecher", []string{"Putins name kn:per/wladimir-putin +infl"}},
	{"genitive country", "Russlands Armee", []string{"Russlands name iso:RU +infl"}},
	{"genitive country 2", "Frankreichs Präsident", []string{"Frankreichs name iso:FR +infl"}},
	{"genitive surname", "Merkels Nachfolger", []string{"Merkels name kn:per/angela-merkel +infl"}},
	{"genitive full name", "Emmanuel Macrons Rede", []string{"Emmanuel Macrons name kn:per/emmanuel-macron +infl"}},
	{"apostrophe", "Merz' Rede", []string{"Merz' name kn:per/friedrich-merz +infl"}},
	{"apostrophe s", "Macron's Rede", []string{"Macron's name kn:per/emmanuel-macron +infl"}},
	{"apostrophe after s", "Paris' Bürgermeisterin", []string{"Paris' name geo:2988507 +infl"}},
	{"genitive es org", "des Bundestages", []string{"Bundestages name kn:org/bundestag +infl"}},
	{"genitive s org", "des Kremls", []string{"Kremls name kn:org/kreml +infl"}},
	{"no es for persons", "Putines", nil},
	{"plural n party", "die Grünen", []string{"Grünen name kn:org/gruene +infl"}},
	{"dative n country", "in den Niederlanden", []string{"Niederlanden name iso:NL +infl"}},
	{"no n for towns", "in den Hallen", nil},
	{"genitive ambiguous", "des Essens", []string{"Essens name geo:2928810 +infl"}},
	{"genitive hyphen name", "Baden-Württembergs Regierung", []string{"Baden-Württembergs name ars:08 +infl"}},
	{"first name not stripped", "Hans sagte", nil},
	{"bare s not stripped", "Hans Zimmer", []string{"Hans Zimmer name kn:per/hans-zimmer"}},
	{"no genitive after s", "Pariss", nil},

	// Derived forms.
	{"adj stem", "russisch", []string{"russisch deriv iso:RU"}},
	{"adj e", "russische", []string{"russische deriv iso:RU +infl"}},
	{"adj en", "russischen", []string{"russischen deriv iso:RU +infl"}},
	{"adj er", "russischer", []string{"russischer deriv iso:RU +infl"}},
	{"adj es", "russisches", []string{"russisches deriv iso:RU +infl"}},
	{"adj em", "russischem", []string{"russischem deriv iso:RU +infl"}},
	{"adj capitalised", "Russische Truppen", []string{"Russische deriv iso:RU +infl"}},
	{"adj capitalised stem", "Russisch lernen", []string{"Russisch deriv iso:RU"}},
	{"adj wrong ending", "russischste", nil},
	{"adj hyphen listed", "US-amerikanische", []string{"US-amerikanische deriv iso:US +infl"}},
	{"noun as listed", "die Russen", []string{"Russen deriv iso:RU"}},
	{"noun indeclinable", "Pariser Cafés", []string{"Pariser deriv geo:2988507"}},
	{"noun dative plural", "den Europäern", []string{"Europäern deriv kn:loc/europa"}},
	{"noun lower no match", "pariser", nil},
	{"adj compound", "deutsch-französischen", []string{
		"deutsch-französischen/deutsch deriv iso:DE",
		"deutsch-französischen/französischen deriv iso:FR +infl"}},

	// Compounds.
	{"hyphen part", "Nato-Staaten", []string{"Nato-Staaten/Nato part kn:org/nato"}},
	{"hyphen listed alias", "EU-Kommission", []string{"EU-Kommission name kn:org/eu-kommission"}},
	{"hyphen unlisted", "EU-Gipfel", []string{"EU-Gipfel/EU part kn:org/eu"}},
	{"hyphen acronym", "US-Sondergesandter", []string{"US-Sondergesandter/US part iso:US"}},
	{"hyphen org", "Kreml-Sprecher", []string{"Kreml-Sprecher/Kreml part kn:org/kreml"}},
	{"hyphen name wins", "Mercedes-Benz", []string{"Mercedes-Benz name kn:org/mercedes-benz"}},
	{"hyphen state", "Nordrhein-Westfalen", []string{"Nordrhein-Westfalen name ars:05"}},
	{"hyphen joined parts", "Baden-Württemberg-Wahl", []string{"Baden-Württemberg-Wahl/Baden-Württemberg part ars:08"}},
	{"hyphen multi-token name", "New-York-Reise", []string{"New-York-Reise/New-York part geo:5128581"}},
	{"hyphen spelling of a name", "New-York", []string{"New-York name geo:5128581"}},
	{"hyphen two names", "Russland-Ukraine-Krieg", []string{
		"Russland-Ukraine-Krieg/Russland part iso:RU",
		"Russland-Ukraine-Krieg/Ukraine part iso:UA"}},
	{"hyphen derived noun", "Russen-Mafia", []string{"Russen-Mafia/Russen deriv iso:RU"}},
	{"hyphen inflected party", "Grünen-Chefin", []string{"Grünen-Chefin/Grünen part kn:org/gruene +infl"}},
	{"hyphen all caps", "NATO-GIPFEL", []string{"NATO-GIPFEL/NATO part kn:org/nato"}},
	{"hyphen single letter", "U-Bahn", nil},
	{"hyphen ambiguous", "Bayern-Trainer", []string{"Bayern-Trainer/Bayern part kn:loc/bayern,kn:org/fc-bayern"}},
	{"closed compound", "Kremlchef Putin", []string{"Kremlchef/Kreml part kn:org/kreml", "Putin name kn:per/wladimir-putin"}},
	{"closed compound 2", "Natogipfel", []string{"Natogipfel/Nato part kn:org/nato"}},
	{"closed compound linking s", "Bundestagswahl", []string{"Bundestagswahl/Bundestag part kn:org/bundestag"}},
	{"closed compound country", "Frankreichpolitik", []string{"Frankreichpolitik/Frankreich part iso:FR"}},
	{"closed compound unknown head", "Kremlmauer", nil},
	{"closed compound ambiguous", "Essenskritik", nil},
	{"closed compound person", "Putinkritik", nil},
	{"closed compound short", "Essenchef", nil},

	// Ambiguity: all candidates, best first.
	{"ambiguous best first", "Halle", []string{"Halle name geo:2911522,geo:2911520"}},
	{"ambiguous types", "Bayern", []string{"Bayern name kn:loc/bayern,kn:org/fc-bayern"}},
	{"ambiguous person", "Weil sagte", []string{"Weil name kn:per/stephan-weil"}},
	{"ambiguous media", "die BILD", []string{"BILD name kn:oth/bild"}},
	{"ambiguous media folded", "BILD", []string{"BILD name kn:oth/bild"}},

	// Sentences.
	{"sentence", "Putin und Macron trafen sich in Paris.", []string{
		"Putin name kn:per/wladimir-putin",
		"Macron name kn:per/emmanuel-macron",
		"Paris name geo:2988507"}},
	{"no cross punctuation", "Frankfurt. Am Main", []string{"Frankfurt name geo:2925533"}},
}

func TestMatchTokens(t *testing.T) {
	g := mustTestGaz(t)
	for _, tc := range matchCases {
		t.Run(tc.name, func(t *testing.T) {
			got := describeAll(tc.text, g.Match(tc.text))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Match(%q)\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestMatchOffsets(t *testing.T) {
	g := mustTestGaz(t)
	text := "Im Weißen Haus sprach Putins Sprecher über Nato-Staaten und die deutsch-französischen Beziehungen."
	toks := tokenize.Tokenize(text)
	ms := g.MatchTokens(text, toks, nil)
	if len(ms) == 0 {
		t.Fatal("no matches")
	}
	for _, m := range ms {
		checkMatch(t, text, toks, m)
	}
	m := ms[0]
	if m.Text(text) != "Weißen Haus" || m.First != 1 || m.Last != 3 || m.Part(text) != "Weißen Haus" {
		t.Errorf("first match %+v", m)
	}
}

// checkMatch checks the invariants of a match.
func checkMatch(t testing.TB, text string, toks []tokenize.Token, m Match) {
	t.Helper()
	switch {
	case m.First < 0 || m.Last > len(toks) || m.First >= m.Last:
		t.Fatalf("bad token range %d:%d of %d", m.First, m.Last, len(toks))
	case m.Start != toks[m.First].Start || m.End != toks[m.Last-1].End:
		t.Fatalf("span %d:%d does not match tokens %d:%d", m.Start, m.End, m.First, m.Last)
	case m.Start < 0 || m.End > len(text) || m.Start >= m.End:
		t.Fatalf("bad span %d:%d", m.Start, m.End)
	case m.PartStart < m.Start || m.PartEnd > m.End || m.PartStart >= m.PartEnd:
		t.Fatalf("bad part %d:%d in %d:%d", m.PartStart, m.PartEnd, m.Start, m.End)
	case m.Form == FormPart && m.PartStart == m.Start && m.PartEnd == m.End:
		t.Fatalf("FormPart match without part: %+v", m)
	case len(m.Entries) == 0:
		t.Fatalf("match without entries")
	}
	for i := 1; i < len(m.Entries); i++ {
		if compareEntries(m.Entries[i-1], m.Entries[i]) > 0 {
			t.Fatalf("entries not best first: %v", m.Entries)
		}
	}
}

func TestMatchOrderAndNoOverlap(t *testing.T) {
	g := mustTestGaz(t)
	text := readNews(t)
	toks := tokenize.Tokenize(text)
	ms := g.MatchTokens(text, toks, nil)
	if len(ms) < 50 {
		t.Fatalf("only %d matches in the news text", len(ms))
	}
	for i, m := range ms {
		checkMatch(t, text, toks, m)
		if i > 0 {
			p := ms[i-1]
			same := p.First == m.First && p.Last == m.Last
			if !same && m.First < p.Last {
				t.Errorf("overlap: %s and %s", describe(text, p), describe(text, m))
			}
			if m.First < p.First {
				t.Errorf("not in text order: %s after %s", describe(text, m), describe(text, p))
			}
		}
	}
}

// wordIDs numbers the words of toks as a caller of MatchTokensMemo does
// (-1 for other tokens), adding new words to known.
func wordIDs(toks []tokenize.Token, known map[string]int32) []int32 {
	ids := make([]int32, len(toks))
	for i, t := range toks {
		if t.Kind != tokenize.Word {
			ids[i] = -1
			continue
		}
		id, ok := known[t.Text]
		if !ok {
			id = int32(len(known))
			known[t.Text] = id
		}
		ids[i] = id
	}
	return ids
}

// TestMatchTokensMemo: with a memo kept across texts, and reset or moved
// to another gazetteer, the matches are those of MatchTokens.
func TestMatchTokensMemo(t *testing.T) {
	g, err := testGaz()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"NATO-GIPFEL in MOSKAU: Merz' Macron's Putins russische Gäste",
		// A word whose first step leaves a name-internal adjective state,
		// at the end of a text (no state: nothing follows) and before a
		// name, in both orders.
		"Es sprachen die Vereinigten", "Die Vereinigten Staaten und die Vereinigten",
		"Vereinigten", "Mit den Vereinigten Staaten von Amerika",
	}
	for _, c := range matchCases {
		texts = append(texts, c.text)
	}
	if b, err := os.ReadFile("testdata/news.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n\n")...)
	}
	var memo Memo
	known := map[string]int32{}
	check := func(g *Gazetteer, text string) {
		t.Helper()
		toks := tokenize.Tokenize(text)
		want := g.MatchTokens(text, toks, nil)
		got := g.MatchTokensMemo(text, toks, wordIDs(toks, known), &memo, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: MatchTokensMemo %+v, MatchTokens %+v", text, got, want)
		}
	}
	for range 2 { // the second round reads the memo
		for _, text := range texts {
			check(g, text)
		}
	}
	if len(memo.words) == 0 {
		t.Fatal("the memo kept nothing")
	}
	// New numbers for the same words: after Reset the memo must not
	// answer for the old ones.
	memo.Reset()
	clear(known)
	for i := len(texts) - 1; i >= 0; i-- {
		check(g, texts[i])
	}
	// Another gazetteer: the memo starts afresh by itself.
	if def, err := DefaultErr(); err == nil && len(DataFiles()) > 0 {
		for _, text := range texts {
			check(def, text)
		}
		if memo.g != def {
			t.Fatal("the memo did not move to the other gazetteer")
		}
	}
}

func TestMatchTokensAppends(t *testing.T) {
	g := mustTestGaz(t)
	text := "Putin in Moskau"
	toks := tokenize.Tokenize(text)
	dst := []Match{{Start: -1}}
	dst = g.MatchTokens(text, toks, dst)
	if len(dst) != 3 || dst[0].Start != -1 || dst[1].Text(text) != "Putin" || dst[2].Text(text) != "Moskau" {
		t.Fatalf("got %+v", dst)
	}
}

func TestOverlapLongestThenEarliest(t *testing.T) {
	g, err := Load(strings.NewReader(
		"kn:loc/a\tLOC\tBad Homburg\n"+
			"kn:loc/b\tLOC\tHomburg vor der Höhe\n"+
			"kn:loc/c\tLOC\tHöhe Nord\n"+
			"kn:loc/d\tLOC\tAlpha Beta\n"+
			"kn:loc/e\tLOC\tBeta Gamma\n"), "overlap.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		// The later, longer candidate wins over the earlier, shorter one.
		{"Bad Homburg vor der Höhe", []string{"Homburg vor der Höhe name kn:loc/b"}},
		// A chain: the longest (b) wins, then a is dropped, c overlaps b.
		{"Bad Homburg vor der Höhe Nord", []string{"Homburg vor der Höhe name kn:loc/b"}},
		// Equal length: the earliest wins.
		{"Alpha Beta Gamma", []string{"Alpha Beta name kn:loc/d"}},
		{"Beta Gamma", []string{"Beta Gamma name kn:loc/e"}},
	} {
		got := describeAll(tc.text, g.Match(tc.text))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Match(%q)\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

func TestLookup(t *testing.T) {
	g := mustTestGaz(t)
	for _, tc := range []struct{ in, want string }{
		{"Putins", "Putins name kn:per/wladimir-putin +infl"},
		{"Nato-Staaten", "Nato-Staaten/Nato part kn:org/nato"},
		{"russische", "russische deriv iso:RU +infl"},
		{"MOSKAU", "MOSKAU name geo:524901 +fold"},
		{"Essen", "Essen name geo:2928810"},
		{"Kremlchef", "Kremlchef/Kreml part kn:org/kreml"},
		{"Pariser", "Pariser deriv geo:2988507"},
		{"Europäern", "Europäern deriv kn:loc/europa"},
	} {
		got := describeAll(tc.in, g.Lookup(tc.in))
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if ms := g.Lookup("essen"); len(ms) != 0 {
		t.Errorf("Lookup(essen) = %v", ms)
	}
	if e := g.Lookup("Essen")[0].Entries[0]; !e.Ambiguous() || e.Prior != 0.6 {
		t.Errorf("Essen: prior %v", e.Prior)
	}
}

func TestMatchEmptyGazetteer(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if ms := g.Match("Putin in Moskau"); len(ms) != 0 {
		t.Fatalf("got %v", ms)
	}
	if ms := mustTestGaz(t).Match(""); len(ms) != 0 {
		t.Fatalf("got %v", ms)
	}
}

func TestMatchConcurrent(t *testing.T) {
	g := mustTestGaz(t)
	text := readNews(t)
	want := describeAll(text, g.Match(text))
	done := make(chan []string)
	for range 4 {
		go func() { done <- describeAll(text, g.Match(text)) }()
	}
	for range 4 {
		if got := <-done; !slices.Equal(got, want) {
			t.Fatal("concurrent results differ")
		}
	}
}

func TestMatchTokensAllocs(t *testing.T) {
	g := mustTestGaz(t)
	text := readNews(t)
	toks := tokenize.Tokenize(text)
	dst := g.MatchTokens(text, toks, nil)
	allocs := testing.AllocsPerRun(20, func() {
		dst = g.MatchTokens(text, toks, dst[:0])
	})
	if allocs > 0 {
		t.Errorf("MatchTokens with a large enough dst: %v allocations per run, want 0", allocs)
	}
}
