package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestReadTSV(t *testing.T) {
	rows, err := readTSV(strings.NewReader("\ufeffa\tb\tc\n1\t2\n\nx\ty\tz\n"), "t.tsv", "a", "c")
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{{"a": "1", "b": "2", "c": ""}, {"a": "x", "b": "y", "c": "z"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %v, want %v", rows, want)
	}
	if _, err := readTSV(strings.NewReader("a\tb\n"), "t.tsv", "c"); err == nil || !strings.Contains(err.Error(), `t.tsv:1: missing column "c"`) {
		t.Errorf("missing column: err = %v", err)
	}
	if _, err := readTSV(strings.NewReader("a\n1\t2\n"), "t.tsv"); err == nil || !strings.Contains(err.Error(), "t.tsv:2:") {
		t.Errorf("too many columns: err = %v", err)
	}
}

func TestCLDRTerritories(t *testing.T) {
	in := `{"main":{"de":{"identity":{"language":"de"},"localeDisplayNames":{"territories":{"RU":"Russland","US-alt-short":"USA"}}}}}`
	m, err := cldrTerritories(strings.NewReader(in), "de/territories.json")
	if err != nil {
		t.Fatal(err)
	}
	if m["RU"] != "Russland" || m["US-alt-short"] != "USA" {
		t.Errorf("got %v", m)
	}
	if _, err := cldrTerritories(strings.NewReader(`{"main":{}}`), "x.json"); err == nil {
		t.Error("no locale: want error")
	}
}

func TestISOCountryNames(t *testing.T) {
	in := `{"locale":"de","countries":{"DE":"Deutschland","RU":["Russische Föderation","Russland"]}}`
	m, err := isoCountryNames(strings.NewReader(in), "de.json")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"DE": {"Deutschland"}, "RU": {"Russische Föderation", "Russland"}}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got %v", m)
	}
	if _, err := isoCountryNames(strings.NewReader(`{"countries":{"X":1}}`), "de.json"); err == nil {
		t.Error("number value: want error")
	}
	codes, err := isoCodes(strings.NewReader(`[["RU","RUS","643"],["AF","AFG","004"]]`), "codes.json")
	if err != nil || !reflect.DeepEqual(codes, []string{"AF", "RU"}) {
		t.Errorf("isoCodes = %v, %v", codes, err)
	}
}

func TestAdjectiveStem(t *testing.T) {
	for in, want := range map[string]string{
		"Russisch":                      "russisch",
		"Deutsch":                       "deutsch",
		"Costa-Ricanisch":               "costa-ricanisch",
		"Kaimaninseln":                  "",
		"Kongolesisch (Republik Kongo)": "",
		"St.Helena":                     "",
		"Vereinigte Arabische Emirate":  "",
	} {
		if got := adjectiveStem(in); got != want {
			t.Errorf("adjectiveStem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBareName(t *testing.T) {
	for in, want := range map[string]string{
		"Halle (Saale)":               "Halle",
		"Frankfurt am Main":           "Frankfurt",
		"Mülheim an der Ruhr":         "Mülheim",
		"Neustadt a.d.Donau":          "Neustadt",
		"Weilheim i.OB":               "Weilheim",
		"Berg b.Neumarkt i.d.OPf.":    "Berg",
		"Bad Homburg v.d.Höhe":        "Bad Homburg",
		"Fürstenberg/Havel":           "Fürstenberg",
		"Au am Rhein":                 "", // too short
		"Berlin":                      "",
		"Weil der Stadt":              "",
		"Sankt Johann im Pongau":      "Sankt Johann",
		"Rothenburg ob der Tauber":    "Rothenburg",
		"Freiburg im Breisgau":        "Freiburg",
		"Brandenburg an der Havel":    "Brandenburg",
		"Bernried am Starnberger See": "Bernried",
	} {
		if got := bareName(in); got != want {
			t.Errorf("bareName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlashName(t *testing.T) {
	for in, want := range map[string]string{
		"Frankfurt am Main":           "Frankfurt/Main",
		"Frankfurt (Oder)":            "Frankfurt/Oder",
		"Halle (Saale)":               "Halle/Saale",
		"Mülheim an der Ruhr":         "Mülheim/Ruhr",
		"Neustadt an der Weinstraße":  "Neustadt/Weinstraße",
		"Freiburg im Breisgau":        "Freiburg/Breisgau",
		"Rothenburg ob der Tauber":    "Rothenburg/Tauber",
		"Bernried am Starnberger See": "", // two words
		"Neustadt a.d.Donau":          "",
		"Weilheim i.OB":               "",
		"Hausen bei Würzburg":         "", // not a river or landscape
		"Fürstenberg/Havel":           "", // already written so
		"Berlin":                      "",
		"Au am Rhein":                 "", // too short a name
	} {
		if got := slashName(in); got != want {
			t.Errorf("slashName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGermanShortName(t *testing.T) {
	for in, want := range map[string][2]string{
		"Lauenburg/ Elbe":                    {"Lauenburg", "Lauenburg/Elbe"},
		"Cottbus/Chóśebuz":                   {"Cottbus", "Cottbus/Chóśebuz"},
		"Lübbenau/Spreewald / Lubnjow/Błota": {"Lübbenau", "Lübbenau/Spreewald"},
		"Halle (Saale)":                      {"Halle (Saale)", ""},
		"Ebstorf,Klosterflecken":             {"Ebstorf", ""},
		"Berlin":                             {"Berlin", ""},
	} {
		n, f := germanShortName(in)
		if n != want[0] || f != want[1] {
			t.Errorf("germanShortName(%q) = %q, %q, want %q, %q", in, n, f, want[0], want[1])
		}
	}
}

func TestParseCurated(t *testing.T) {
	in := "# kenner-gazetteer v1\n# source: hand\n\nkn:per/b\tPER\tB  Name\tBee|B. Name\t\tkind=person ; party=SPD\nkn:per/a\tPER\tA\n"
	cf, err := parseCurated(strings.NewReader(in), "curated/people.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cf.Entries) != 2 || !reflect.DeepEqual(cf.Comments, []string{"# source: hand"}) {
		t.Fatalf("got %+v", cf)
	}
	if got, want := cf.Entries[0].line(), "kn:per/b\tPER\tB Name\tBee|B. Name\t\tkind=person;party=SPD"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
	if got, want := cf.Entries[1].line(), "kn:per/a\tPER\tA"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
	out := string(render("# h\n", cf.Entries))
	if want := "# h\nkn:per/a\tPER\tA\nkn:per/b\tPER\tB Name\tBee|B. Name\t\tkind=person;party=SPD\n"; out != want {
		t.Errorf("render = %q, want %q", out, want)
	}

	for _, tc := range []struct{ in, err string }{
		{"a\tPER\n", "curated/people.tsv:1: 2 columns"},
		{"# x\na\tXYZ\tName\n", "curated/people.tsv:2: unknown type"},
		{"a\tPER\tA\na\tPER\tB\n", `curated/people.tsv:2: duplicate id "a" (first on line 1)`},
		{"a\tPER\tA\tx||y\n", "curated/people.tsv:1: empty alias"},
		{"a\tPER\tA\t\t\tprior=2\n", "bad prior"},
		{"a\tPER\tA\t\t\tnovalue\n", "bad attr"},
		{"a\tPER\tA\t\t\tcc=de\n", "bad cc"},
		{"a\tPER\tA\t\t\tk=1\tx\n", "7 columns"},
		{"a b\tPER\tA\n", "bad id"},
	} {
		_, err := parseCurated(strings.NewReader(tc.in), "curated/people.tsv")
		if err == nil || !strings.HasPrefix(err.Error(), "gazgen: ") || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("parseCurated(%q) err = %v, want %q", tc.in, err, tc.err)
		}
	}
}

func testAmbiguity(t *testing.T) *ambiguity {
	t.Helper()
	voc := "berlin\nberliner\nessen\nessens\nesse\nhalle\nhallen\nkiel\nlage\nlagen\nlag\nweil\nweile\nengland\nengländer\n"
	stems := "berlin\nberlin\ness\ness\ness\nhall\nhall\nkiel\nlag\nlag\nlag\nweil\nweil\nengland\nengland\n"
	a, err := newAmbiguity(strings.NewReader(voc), strings.NewReader(stems))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAmbiguityClass(t *testing.T) {
	a := testAmbiguity(t)
	for in, want := range map[string]ambClass{
		"Berlin":        ambNone, // berlin berliner: name family
		"Kiel":          ambNone,
		"England":       ambNone, // england engländer (umlaut folded)
		"Halle":         ambVocab,
		"Lage":          ambStop,
		"Essen":         ambStop,
		"Weil":          ambStop,
		"Halle (Saale)": ambNone,
		"Potsdam":       ambNone, // not in the vocabulary
	} {
		if got := a.class(in); got != want {
			t.Errorf("class(%q) = %d, want %d", in, got, want)
		}
	}
	if _, err := newAmbiguity(strings.NewReader("a\nb\n"), strings.NewReader("a\n")); err == nil {
		t.Error("stem count mismatch: want error")
	}
}

func TestPlacePrior(t *testing.T) {
	for _, tc := range []struct {
		c           ambClass
		pop         int64
		dach, major bool
		want        float64
		keep        bool
	}{
		{ambNone, 10, true, false, 1, true},
		{ambVocab, 1_500, true, false, 0, false},
		{ambVocab, 10_000, true, false, 0.25, true},
		{ambVocab, 100_000, true, false, 0.5, true},
		{ambVocab, 600_000, true, false, 1, true},
		{ambVocab, 20_000, true, true, 1, true},
		{ambVocab, 100_000, false, false, 0.25, true},
		{ambVocab, 2_000_000, false, false, 1, true},
		{ambStop, 5_000, true, false, 0, false},
		{ambStop, 582_760, true, false, 0.41, true},
		{ambStop, 582_760, true, true, 0.41, true},
		{ambStop, 50_000, false, false, 0, false},
	} {
		got, keep := placePrior(tc.c, tc.pop, tc.dach, tc.major)
		if keep != tc.keep || (keep && formatFrac(got) != formatFrac(tc.want)) {
			t.Errorf("placePrior(%d, %d, %v, %v) = %v, %v, want %v, %v", tc.c, tc.pop, tc.dach, tc.major, got, keep, tc.want, tc.keep)
		}
	}
}

func TestApplyPriors(t *testing.T) {
	a := testAmbiguity(t)
	// A small place keeps its unambiguous full name but loses the ambiguous short form.
	weil := &entry{Name: "Weil am Rhein", Aliases: []string{"Weil"}, Pop: 30_000, Prior: 1, dach: true}
	if !a.applyPriors(weil) || len(weil.Aliases) != 0 || weil.Prior != 1 {
		t.Errorf("Weil am Rhein: %+v", weil)
	}
	// A big one keeps it, with a lower prior.
	halle := &entry{Name: "Halle (Saale)", Aliases: []string{"Halle"}, Pop: 238_762, Prior: 1, dach: true}
	if !a.applyPriors(halle) || len(halle.Aliases) != 1 || formatFrac(halle.Prior) != "0.59" {
		t.Errorf("Halle (Saale): %+v", halle)
	}
	// A tiny place named like a common word is dropped.
	lage := &entry{Name: "Lage", Pop: 1_000, Prior: 1, dach: true}
	if a.applyPriors(lage) {
		t.Errorf("Lage (1,000) kept: %+v", lage)
	}
	for _, bad := range []string{"Au", "les Escaldes", "123"} {
		if a.applyPriors(&entry{Name: bad, Pop: 50_000, Prior: 1}) {
			t.Errorf("%q kept", bad)
		}
	}
}

func TestLowerCuratedClashes(t *testing.T) {
	places := []*entry{
		{ID: "geo:1", Name: "Obama", Pop: 32_896, Prior: 1},
		{ID: "geo:2", Name: "Washington", Pop: 601_723, Prior: 1},
		{ID: "geo:3", Name: "Donbass", Pop: 1_000, Prior: 1},
		{ID: "geo:4", Name: "Mercedes", Pop: 50_000, Prior: 0.2},
		{ID: "ags:5", Name: "Werder (Havel)", Aliases: []string{"Werder"}, Pop: 26_412, Prior: 1},
		{ID: "ags:6", Name: "Elbe", Pop: 1_521, Prior: 1},
		{ID: "geo:7", Name: "Sahara", Pop: 2_000, Prior: 1},
	}
	curated := []*entry{
		{ID: "kn:per/obama", Type: "PER", Name: "Barack Obama", Aliases: []string{"Obama"}},
		{ID: "kn:per/washington", Type: "PER", Name: "George Washington", Aliases: []string{"Washington"}},
		{ID: "kn:loc/donbass", Type: "LOC", Name: "Donbass"},
		{ID: "kn:org/mercedes", Type: "ORG", Name: "Mercedes"},
		{ID: "kn:org/werder-bremen", Type: "ORG", Name: "Werder Bremen", Aliases: []string{"Werder"}},
		{ID: "kn:loc/elbe", Type: "LOC", Name: "Elbe", RawAttrs: "kind=river"},
		{ID: "kn:loc/sahara", Type: "LOC", Name: "Sahara", RawAttrs: "kind=city"},
	}
	lowerCuratedClashes(places, curated, nil)
	if len(places[4].Aliases) != 0 {
		t.Errorf("Werder (Havel) aliases %v", places[4].Aliases)
	}
	for i, want := range []float64{0.3, 1, 1, 0.2, 1, 0.3, 1} {
		if places[i].Prior != want {
			t.Errorf("%s: prior %v, want %v", places[i].Name, places[i].Prior, want)
		}
	}
}

func TestParseDemonyms(t *testing.T) {
	in := "# comment\ncc\tadjective_stems\tnouns\textra_aliases\nru\trussisch\tRusse|Russin\tRussländische Föderation\nUS\tamerikanisch|us-amerikanisch\tAmerikaner\tAmerika:0.6\nDE\tdeutsch\t\n"
	m, err := parseDemonyms(strings.NewReader(in), "curated/demonyms.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*demonym{
		"RU": {Adjectives: []string{"russisch"}, Nouns: []string{"Russe", "Russin"}, Aliases: []string{"Russländische Föderation"}},
		"US": {Adjectives: []string{"amerikanisch", "us-amerikanisch"}, Nouns: []string{"Amerikaner"}, Aliases: []string{"Amerika"}, AliasPriors: map[string]float64{"Amerika": 0.6}},
		"DE": {Adjectives: []string{"deutsch"}},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got %+v", m)
	}
	for _, bad := range []string{"RUS\tx\ty\n", "RU\n", "RU\ta||b\tc\n", "RU\ta\tb\tc\td\n", "RU\ta\tb\tX:2\n"} {
		if _, err := parseDemonyms(strings.NewReader(bad), "curated/demonyms.tsv"); err == nil || !strings.Contains(err.Error(), "curated/demonyms.tsv:1:") {
			t.Errorf("parseDemonyms(%q) err = %v", bad, err)
		}
	}
}

func TestBuildCountries(t *testing.T) {
	s := &countrySources{
		Codes: []string{"CD", "RU", "US"},
		CLDR: map[string]map[string]string{
			"de":    {"RU": "Russland", "US": "Vereinigte Staaten", "US-alt-short": "USA", "CD": "Kongo-Kinshasa", "CD-alt-variant": "Kongo (Demokratische Republik)", "EU": "Europäische Union"},
			"de-AT": {"RU": "Russland"},
			"de-CH": {},
		},
		ISO:      map[string][]string{"RU": {"Russische Föderation", "Russland"}, "CD": {"Kongo"}},
		Nat:      map[string]string{"RU": "Russisch", "US": "Amerikanisch", "CD": "Kongolesisch (Demokratische Republik Kongo)"},
		GeoNames: map[string]string{"CD": "Demokratische Republik Kongo"},
		Demonyms: map[string]*demonym{"RU": {Nouns: []string{"Russe", "Russin"}}, "XX": {},
			"US": {Aliases: []string{"Amerika"}, AliasPriors: map[string]float64{"Amerika": 0.6}}},
	}
	var lines []string
	for _, e := range buildCountries(s) {
		lines = append(lines, e.line())
	}
	want := []string{
		"iso:CD\tLOC\tDemokratische Republik Kongo\tKongo-Kinshasa|Kongo|DR Kongo\tkongolesisch\tkind=country;cc=CD",
		"iso:RU\tLOC\tRussland\tRussische Föderation\trussisch|Russe|Russin\tkind=country;cc=RU",
		"iso:US\tLOC\tVereinigte Staaten\tUSA|US|Amerika\tamerikanisch\tkind=country;cc=US;prior=0.6;prior_forms=Amerika:0.6",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if len(s.warnings) != 1 || !strings.Contains(s.warnings[0], "XX") {
		t.Errorf("warnings = %v", s.warnings)
	}
}

func TestDerivedTables(t *testing.T) {
	in := "# columns: geonames_id<TAB>name<TAB>derived[<TAB>prior]\n2911522\tHalle (Saale)\tHallenser|hallesch\t0.4\n\tFrankfurt\tFrankfurter\n999\tNirgendwo\tX\n"
	rows, err := parseDerivedTable(strings.NewReader(in), "curated/city_derived.tsv")
	if err != nil {
		t.Fatal(err)
	}
	places := []*entry{
		{ID: "ags:1", Name: "Halle (Westf.)", Pop: 21_000, Prior: 1},
		{ID: "ags:2", Name: "Halle (Saale)", Aliases: []string{"Halle"}, GeoNames: 2911522, Pop: 238_000, Prior: 1},
		{ID: "ags:3", Name: "Frankfurt am Main", Aliases: []string{"Frankfurt"}, Pop: 760_000, Prior: 1},
		{ID: "ags:4", Name: "Frankfurt (Oder)", Aliases: []string{"Frankfurt"}, Pop: 57_000, Prior: 1},
		{ID: "ars:09", Name: "Bayern", Pop: 13_000_000, Prior: 1},
		{ID: "ags:11000000", Name: "Berlin", Pop: 3_600_000, Prior: 1},
		{ID: "adm1:CH.GR", Name: "Kanton Graubünden", Prior: 1},
	}
	places[1].setFormPrior("Halle", 0.59)
	idx := newPlaceIndex(places)
	warn := joinDerived("city_derived.tsv", rows, idx.findCity)
	if len(warn) != 1 || !strings.Contains(warn[0], "city_derived.tsv:4") {
		t.Errorf("warnings = %v", warn)
	}
	if got, want := places[1].line(), "ags:2\t\tHalle (Saale)\tHalle\tHallenser|hallesch\tgeonames=2911522;pop=238000;prior=0.59;prior_forms=Halle:0.59|Hallenser:0.4|hallesch:0.4"; got != want {
		t.Errorf("Halle:\n got %q\nwant %q", got, want)
	}
	if got := strings.Join(places[2].Derived, "|"); got != "Frankfurter" {
		t.Errorf("Frankfurt am Main derived = %q", got)
	}
	if len(places[3].Derived) != 0 {
		t.Errorf("Frankfurt (Oder) got derived forms")
	}

	rows, err = parseDerivedTable(strings.NewReader("DE.02\tBayern\tbayerisch|Bayer\nDE.16\tBerlin\tberlinisch\nCH.GR\tKanton Graubünden\tBündner\nXX.1\tX\tx\n"), "curated/region_derived.tsv")
	if err != nil {
		t.Fatal(err)
	}
	warn = joinDerived("region_derived.tsv", rows, idx.findRegion)
	if len(warn) != 1 || !strings.Contains(warn[0], "region_derived.tsv:4") {
		t.Errorf("warnings = %v", warn)
	}
	for i, want := range map[int]string{4: "bayerisch|Bayer", 5: "berlinisch", 6: "Bündner"} {
		if got := strings.Join(places[i].Derived, "|"); got != want {
			t.Errorf("%s derived = %q, want %q", places[i].Name, got, want)
		}
	}
	if _, err := parseDerivedTable(strings.NewReader("a\tb\tc\t2\n"), "curated/city_derived.tsv"); err == nil {
		t.Error("prior 2: want error")
	}
}

func TestMergeCuratedPlaces(t *testing.T) {
	places := []*entry{
		{ID: "geo:703448", Name: "Kyiw", Aliases: []string{"Kyiv"}, GeoNames: 703448, CC: "UA", Pop: 2_797_553, Prior: 1},
		{ID: "geo:700569", Name: "Mykolajiw", Aliases: []string{"Mykolayiv"}, GeoNames: 700569, CC: "UA", Pop: 510_840, Prior: 1},
		{ID: "geo:1", Name: "Guangzhou", GeoNames: 1, CC: "CN", Pop: 1_000, Prior: 1},
		{ID: "adm1:ES.56", Name: "Katalonien", Kind: "admin1", CC: "ES", Prior: 1},
		{ID: "geo:2", Name: "Krim", Kind: "town", CC: "UA", Pop: 500, Prior: 1}, // no region: stays apart
	}
	cf, err := parseCurated(strings.NewReader(strings.Join([]string{
		"kn:loc/kiew\tLOC\tKiew\tKyjiw|Kyiw|Kyiv\tKiewer\tkind=city;cc=UA;geonames=703448",
		"kn:loc/mykolajiw\tLOC\tMykolajiw\tNikolajew\t\tkind=city;cc=UA",
		"kn:loc/guangzhou\tLOC\tGuangzhou\tKanton\t\tkind=city;cc=CN;geonames=1;prior=0.2;prior_forms=Kanton:0.2",
		"kn:loc/pokrowsk\tLOC\tPokrowsk\tPokrovsk\t\tkind=city;cc=UA",
		"kn:loc/krim\tLOC\tKrim\t\t\tkind=region;cc=UA",
		"kn:loc/katalonien\tLOC\tKatalonien\tCatalunya\t\tkind=region;cc=ES",
	}, "\n")), "curated/regions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rest, into := mergeCuratedPlaces(newPlaceIndex(places), cf.Entries)
	if len(into) != 4 || len(rest) != 2 || rest[0].ID != "kn:loc/pokrowsk" || rest[1].ID != "kn:loc/krim" {
		t.Errorf("merged %d, rest %v", len(into), rest)
	}
	for i, want := range []string{
		"geo:703448\t\tKiew\tKyiv|Kyiw|Kyjiw\tKiewer\tcc=UA;geonames=703448;pop=2797553",
		"geo:700569\t\tMykolajiw\tMykolayiv|Nikolajew\t\tcc=UA;geonames=700569;pop=510840",
		"geo:1\t\tGuangzhou\tKanton\t\tcc=CN;geonames=1;pop=1000;prior=0.2;prior_forms=Kanton:0.2",
		"adm1:ES.56\t\tKatalonien\tCatalunya\t\tkind=admin1;cc=ES",
	} {
		if got := places[i].line(); got != want {
			t.Errorf("merge %d:\n got %q\nwant %q", i, got, want)
		}
	}
}

func TestBuildFirstNames(t *testing.T) {
	rows := []vorname{
		{"Marie", 100, 1, 99}, {"Alex", 10, 5, 5}, {"Xy", 2, 2, 0}, {"ohne", 50, 25, 25},
		{"Vatersname)", 5, 5, 0}, {"Olaf", 127, 127, 0}, {"Kim", 4, 0, 0},
	}
	body, reg, added, err := buildFirstNames(rows)
	if err != nil {
		t.Fatal(err)
	}
	text := string(body)
	for _, want := range []string{"Alex\t10\t0.5\n", "Kim\t4\t0.5\n", "Marie\t100\t0.99\n", "Olaf\t127\t0\n", "Wolodymyr\t50\t0\n", "Annalena\t50\t1\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, bad := range []string{"Xy\t", "ohne\t", "Vatersname"} {
		if strings.Contains(text, bad) {
			t.Errorf("unexpected %q", bad)
		}
	}
	if reg != 4 || added != len(adultNames)-1 {
		t.Errorf("registry %d, added %d (adult list %d)", reg, added, len(adultNames))
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i-1] >= lines[i] {
			t.Fatalf("not sorted: %q >= %q", lines[i-1], lines[i])
		}
	}
}

func TestAdultNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, item := range adultNames {
		n, _, _ := strings.Cut(item, ":")
		if seen[n] {
			t.Errorf("duplicate adult name %q", n)
		}
		seen[n] = true
	}
	if len(seen) < 250 {
		t.Errorf("only %d adult names", len(seen))
	}
}

// TestGeneratedUpToDate regenerates the gazetteer from ../shared and compares it
// byte for byte with the committed gazetteer/data files and gazetteer/version.go.
func TestGeneratedUpToDate(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "data", "gazetteer-sources")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("gazetteer sources not available (%v): skipping the reproducibility test", err)
	}
	tmp := t.TempDir()
	cfg := config{Src: src, Curated: "curated", Out: filepath.Join(tmp, "data"), VersionFile: filepath.Join(tmp, "version.go")}
	res, err := run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(cfg, res); err != nil {
		t.Fatal(err)
	}
	// A second run gives the same bytes.
	res2, err := run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Every generated gazetteer file passes the strict curated-file parser; ids are unique overall.
	ids := map[string]string{}
	for name, b := range res.Files {
		if !strings.HasSuffix(name, ".tsv") || name == "firstnames.tsv" {
			continue
		}
		cf, err := parseCurated(bytes.NewReader(b), name)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range cf.Entries {
			if other, dup := ids[e.ID]; dup {
				t.Errorf("id %s in %s and %s", e.ID, other, name)
			}
			ids[e.ID] = name
		}
	}
	for name, b := range res.Files {
		if !bytes.Equal(b, res2.Files[name]) {
			t.Errorf("%s differs between two runs", name)
		}
		got, err := os.ReadFile(filepath.Join(tmp, "data", name))
		committed := filepath.Join("..", "..", "gazetteer", "data", name)
		if name == "version.go" {
			got, err = os.ReadFile(filepath.Join(tmp, "version.go"))
			committed = filepath.Join("..", "..", "gazetteer", "version.go")
		}
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(committed)
		if err != nil {
			t.Errorf("%s: %v (run go generate ./gazetteer)", committed, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go generate ./gazetteer", committed)
		}
	}
}

func FuzzParseLine(f *testing.F) {
	f.Add("kn:per/a\tPER\tA B\tAB|A. B\tab\tkind=person;prior=0.5")
	f.Add("a\tLOC\tX")
	f.Add("\t\t\t\t\t\t")
	f.Fuzz(func(t *testing.T, s string) {
		e, err := parseLine(s)
		if err != nil {
			return
		}
		// A valid line survives a round trip.
		e2, err := parseLine(e.line())
		if err != nil {
			t.Fatalf("round trip of %q: %v", e.line(), err)
		}
		if e2.line() != e.line() {
			t.Fatalf("round trip changed %q to %q", e.line(), e2.line())
		}
	})
}

func FuzzBareName(f *testing.F) {
	for _, s := range []string{"Halle (Saale)", "Frankfurt am Main", "Neustadt a.d.Donau", "a/", " (", "Ü i."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := bareName(s)
		if b != "" && (!strings.Contains(s, b) || len(b) >= len(s) || !nameShapeOK(b)) {
			t.Fatalf("bareName(%q) = %q", s, b)
		}
		n, full := germanShortName(s)
		_ = n
		_ = full
	})
}

// TestLowerCuratedClashesMerged: a curated region merged into a place is no
// clash of that place, but still of others with its names.
func TestLowerCuratedClashesMerged(t *testing.T) {
	strip := &entry{ID: "adm1:PS.GZ", Name: "Gazastreifen", Aliases: []string{"Gaza"}, Kind: "admin1", CC: "PS", Prior: 1}
	city := &entry{ID: "geo:281133", Name: "Gaza-Stadt", Aliases: []string{"Gaza", "Gaza City"}, CC: "PS", Pop: 410_000, Prior: 1}
	region := &entry{ID: "kn:loc/gazastreifen", Type: "LOC", Name: "Gazastreifen", Aliases: []string{"Gaza"}, RawAttrs: "kind=region;cc=PS"}
	lowerCuratedClashes([]*entry{strip, city}, []*entry{region}, map[*entry]*entry{region: strip})
	if !slices.Equal(strip.Aliases, []string{"Gaza"}) || strip.Prior != 1 {
		t.Errorf("merged place changed: %+v", strip)
	}
	if !slices.Equal(city.Aliases, []string{"Gaza City"}) {
		t.Errorf("Gaza-Stadt aliases %v, want [Gaza City]", city.Aliases)
	}
}

// TestMergedTownKeepsGeoNamesName checks that a Gemeinde merged from two
// towns gets the GeoNames row of its first part (Dessau-Roßlau: Dessau),
// unless a Gemeinde of that name exists in the same Land (Neunkirchen).
func TestMergedTownKeepsGeoNamesName(t *testing.T) {
	s := &placeSources{
		Gebiete: []gebiet{
			{Kind: "gemeinde", TK: "61", ARS: "150010000000", Short: "Dessau-Roßlau", Pop: 80_000},
			{Kind: "gemeinde", TK: "64", ARS: "053820040040", Short: "Neunkirchen-Seelscheid", Pop: 19_700},
			{Kind: "gemeinde", TK: "64", ARS: "059700036036", Short: "Neunkirchen", Pop: 13_200},
		},
		Cities: []*gnRow{
			{ID: 1, Name: "Dessau", Country: "DE", Feature: "PPL", Admin1: "14", Pop: 77_000},
			{ID: 2, Name: "Neunkirchen", Country: "DE", Feature: "PPL", Admin1: "07", Pop: 14_000},
		},
	}
	got, err := germanGemeinden(s)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*entry{}
	for _, e := range got {
		byName[e.Name] = e
	}
	if e := byName["Dessau-Roßlau"]; e == nil || e.GeoNames != 1 || !slices.Contains(e.Aliases, "Dessau") {
		t.Errorf("Dessau-Roßlau: %+v, want GeoNames 1 and alias Dessau", e)
	}
	if e := byName["Neunkirchen-Seelscheid"]; e == nil || e.GeoNames != 0 || slices.Contains(e.Aliases, "Neunkirchen") {
		t.Errorf("Neunkirchen-Seelscheid: %+v, want no GeoNames row and no alias Neunkirchen", e)
	}
	if e := byName["Neunkirchen"]; e == nil || e.GeoNames != 2 {
		t.Errorf("Neunkirchen: %+v, want GeoNames 2", e)
	}
}

func TestGenitiveFirst(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Bundesamt für Migration und Flüchtlinge", "[Bundesamts für Migration und Flüchtlinge Bundesamtes für Migration und Flüchtlinge]"},
		{"Zentralkomitee der deutschen Katholiken", "[Zentralkomitees der deutschen Katholiken]"},
		{"Bundesverband der Deutschen Industrie", "[Bundesverbandes der Deutschen Industrie Bundesverbands der Deutschen Industrie]"},
		{"Bundesagentur für Arbeit", "[]"}, // feminine: no ending
		{"Deutsche Bahn", "[]"},            // an adjective first
		{"Bundesamt", "[]"},                // one word: the matcher inflects it
		{"bundesamt für etwas", "[]"},      // not a noun
	} {
		if got := fmt.Sprint(genitiveFirst(tc.in)); got != tc.want {
			t.Errorf("genitiveFirst(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
