package main

// Readers for the raw sources in ../shared/data/gazetteer-sources. Every reader
// takes an io.Reader (so tests can feed small inline inputs) and a name used in
// error messages; nothing here depends on map iteration order.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// readTSV reads a tab-separated file with a header line and returns its rows
// as maps from column name to value. want lists the columns that must exist.
func readTSV(r io.Reader, name string, want ...string) ([]map[string]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var header []string
	var rows []map[string]string
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
			header = strings.Split(text, "\t")
			for _, w := range want {
				if !contains(header, w) {
					return nil, fmt.Errorf("gazgen: %s:1: missing column %q", name, w)
				}
			}
			continue
		}
		if text == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) > len(header) {
			return nil, fmt.Errorf("gazgen: %s:%d: %d columns, header has %d", name, line, len(f), len(header))
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(f) {
				row[h] = strings.TrimSpace(f[i])
			} else {
				row[h] = ""
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	if header == nil {
		return nil, fmt.Errorf("gazgen: %s: empty file", name)
	}
	return rows, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseInt parses a non-negative integer column; empty means 0.
func parseInt(s, name string, line int) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("gazgen: %s:%d: bad number %q", name, line, s)
	}
	return n, nil
}

// cldrTerritories reads a CLDR localenames territories.json file and returns
// the territory map (code → German name; keys like "US-alt-short" included).
func cldrTerritories(r io.Reader, name string) (map[string]string, error) {
	var doc struct {
		Main map[string]struct {
			LocaleDisplayNames struct {
				Territories map[string]string `json:"territories"`
			} `json:"localeDisplayNames"`
		} `json:"main"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	if len(doc.Main) != 1 {
		return nil, fmt.Errorf("gazgen: %s: want exactly one locale, have %d", name, len(doc.Main))
	}
	for _, loc := range doc.Main {
		if len(loc.LocaleDisplayNames.Territories) == 0 {
			return nil, fmt.Errorf("gazgen: %s: no territories", name)
		}
		return loc.LocaleDisplayNames.Territories, nil
	}
	return nil, nil // unreachable
}

// isoCountryNames reads i18n-iso-countries' langs/de.json: code → names
// (official form first). A value may be a string or a list of strings.
func isoCountryNames(r io.Reader, name string) (map[string][]string, error) {
	var doc struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	out := make(map[string][]string, len(doc.Countries))
	for cc, raw := range doc.Countries {
		var one string
		if err := json.Unmarshal(raw, &one); err == nil {
			out[cc] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("gazgen: %s: country %s: want string or list", name, cc)
		}
		out[cc] = many
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("gazgen: %s: no countries", name)
	}
	return out, nil
}

// isoCodes reads i18n-iso-countries' codes.json ([[alpha2, alpha3, numeric, …], …])
// and returns the sorted alpha-2 codes.
func isoCodes(r io.Reader, name string) ([]string, error) {
	var doc [][]string
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	var codes []string
	for i, row := range doc {
		if len(row) == 0 || len(row[0]) != 2 {
			return nil, fmt.Errorf("gazgen: %s: entry %d: no alpha-2 code", name, i)
		}
		codes = append(codes, row[0])
	}
	sort.Strings(codes)
	return codes, nil
}

// nationalities reads i18n-nationality's langs/de.json: code → adjective (capitalised).
func nationalities(r io.Reader, name string) (map[string]string, error) {
	var doc struct {
		Nationalities map[string]string `json:"nationalities"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	if len(doc.Nationalities) == 0 {
		return nil, fmt.Errorf("gazgen: %s: no nationalities", name)
	}
	return doc.Nationalities, nil
}

// gnRow is one row of geonames-cities1000/cities1000.tsv.
type gnRow struct {
	ID      int64
	Name    string // GeoNames main name
	Country string
	Feature string
	Admin1  string
	Pop     int64
	NameDE  string // German name from geonames-de-names, if any
	used    bool   // merged into a Destatis Gemeinde
}

// readCities reads cities1000.tsv.
func readCities(r io.Reader, name string) ([]*gnRow, error) {
	rows, err := readTSV(r, name, "geonameid", "name", "country", "feature_code", "admin1", "population")
	if err != nil {
		return nil, err
	}
	out := make([]*gnRow, 0, len(rows))
	for i, row := range rows {
		id, err := parseInt(row["geonameid"], name, i+2)
		if err != nil {
			return nil, err
		}
		pop, err := parseInt(row["population"], name, i+2)
		if err != nil {
			return nil, err
		}
		if id == 0 || row["name"] == "" || len(row["country"]) != 2 {
			return nil, fmt.Errorf("gazgen: %s:%d: incomplete row", name, i+2)
		}
		out = append(out, &gnRow{ID: id, Name: row["name"], Country: row["country"],
			Feature: row["feature_code"], Admin1: row["admin1"], Pop: pop})
	}
	return out, nil
}

// gnGerman holds geonames-de-names/geonames_de.tsv.
type gnGerman struct {
	Countries map[string]string // ISO alpha-2 → German name
	Admin1    []gnAdmin1        // in file order
	Places    map[int64]string  // geonameid → German name
}

type gnAdmin1 struct {
	Key     string // CC.ADM1CODE
	Country string
	Name    string
}

func readGeoNamesDE(r io.Reader, name string) (*gnGerman, error) {
	rows, err := readTSV(r, name, "kind", "key", "name_de", "country")
	if err != nil {
		return nil, err
	}
	g := &gnGerman{Countries: map[string]string{}, Places: map[int64]string{}}
	for i, row := range rows {
		key, de := row["key"], row["name_de"]
		if key == "" || de == "" {
			return nil, fmt.Errorf("gazgen: %s:%d: empty key or name", name, i+2)
		}
		switch row["kind"] {
		case "country":
			g.Countries[key] = de
		case "admin1":
			g.Admin1 = append(g.Admin1, gnAdmin1{Key: key, Country: row["country"], Name: de})
		case "place":
			id, err := parseInt(key, name, i+2)
			if err != nil {
				return nil, err
			}
			g.Places[id] = de
		default:
			return nil, fmt.Errorf("gazgen: %s:%d: unknown kind %q", name, i+2, row["kind"])
		}
	}
	return g, nil
}

// gebiet is one row of destatis-gemeindeverzeichnis/gebiete_de.tsv.
type gebiet struct {
	Kind     string // land, regierungsbezirk, region, kreis, gemeindeverband, gemeinde
	TK       string // Textkennzeichen (41 kreisfreie Stadt, 44 Landkreis, 63 Stadt, …)
	ARS      string
	Official string
	Short    string
	Pop      int64
}

func readGebiete(r io.Reader, name string) ([]gebiet, error) {
	rows, err := readTSV(r, name, "kind", "textkennzeichen", "ars", "name_official", "name_short", "population")
	if err != nil {
		return nil, err
	}
	out := make([]gebiet, 0, len(rows))
	for i, row := range rows {
		pop, err := parseInt(row["population"], name, i+2)
		if err != nil {
			return nil, err
		}
		if row["ars"] == "" || row["name_short"] == "" {
			return nil, fmt.Errorf("gazgen: %s:%d: empty ars or name", name, i+2)
		}
		out = append(out, gebiet{Kind: row["kind"], TK: row["textkennzeichen"], ARS: row["ars"],
			Official: row["name_official"], Short: row["name_short"], Pop: pop})
	}
	return out, nil
}

// vorname is one row of vornamen-de/vornamen_aggregiert.tsv.
type vorname struct {
	Name      string
	Count     int64
	Male, Fem int64
}

func readVornamen(r io.Reader, name string) ([]vorname, error) {
	rows, err := readTSV(r, name, "vorname", "anzahl", "m", "w")
	if err != nil {
		return nil, err
	}
	out := make([]vorname, 0, len(rows))
	for i, row := range rows {
		var v vorname
		v.Name = row["vorname"]
		if v.Count, err = parseInt(row["anzahl"], name, i+2); err != nil {
			return nil, err
		}
		if v.Male, err = parseInt(row["m"], name, i+2); err != nil {
			return nil, err
		}
		if v.Fem, err = parseInt(row["w"], name, i+2); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// readLines returns the non-empty, trimmed lines of r.
func readLines(r io.Reader, name string) ([]string, error) {
	sc := bufio.NewScanner(r)
	var out []string
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	return out, nil
}
