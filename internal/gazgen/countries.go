package main

// countries.tsv: one LOC entry per ISO 3166-1 alpha-2 code (plus XK Kosovo).

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// countryCanonical overrides the CLDR name where German news uses another form.
var countryCanonical = map[string]string{
	"CD": "Demokratische Republik Kongo",
	"CG": "Republik Kongo",
	"CI": "Elfenbeinküste",
	"CV": "Kap Verde",
	"GB": "Großbritannien",
	"HK": "Hongkong",
	"MO": "Macau",
	"TL": "Osttimor",
}

// countryAliases are common news forms missing from the sources.
var countryAliases = map[string][]string{
	"AE": {"VAE"},
	"BY": {"Weißrussland"},
	"CD": {"DR Kongo"},
	"MD": {"Moldau", "Moldawien"},
	"MM": {"Birma"},
	"US": {"US"},
}

// nationalityFix repairs entries of i18n-nationality that are misspelt or carry
// a disambiguation instead of an adjective ("Kongolesisch (Demokratische Republik Kongo)").
var nationalityFix = map[string]string{
	"CD": "kongolesisch",
	"DO": "dominikanisch",
	"GQ": "äquatorialguineisch",
	"NE": "nigrisch",
	"NG": "nigerianisch",
	"NZ": "neuseeländisch",
	"PG": "papua-neuguineisch",
}

// nationalityExtra adds adjective stems that i18n-nationality lacks.
var nationalityExtra = map[string][]string{
	"BY": {"belarussisch"},
}

// countryExclude are codes that are not countries for our purpose.
var countryExclude = map[string]bool{"EU": true, "EZ": true, "UN": true, "QO": true, "ZZ": true}

// adjectiveStem lower-cases a nationality adjective and returns "" when it is
// not a plain -sch adjective (territory names, disambiguated forms).
func adjectiveStem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " (),.") {
		return ""
	}
	l := strings.ToLower(s)
	if !strings.HasSuffix(l, "sch") {
		return ""
	}
	return l
}

// countryNameOK filters source names: no inverted ("Syrien, Arabische Republik")
// or parenthesised ("Kongo (Republik)") forms.
func countryNameOK(s string) bool {
	return s != "" && !strings.ContainsAny(s, ",()") && !strings.Contains(s, "  ")
}

// demonym is one line of curated/demonyms.tsv.
type demonym struct {
	Adjectives, Nouns, Aliases []string
	AliasPriors                map[string]float64 // from "Amerika:0.6"
}

// parseDemonyms reads cc<TAB>adjective_stems<TAB>nouns[<TAB>extra_aliases]
// ('|'-separated lists). Several lines for one cc are merged.
func parseDemonyms(r io.Reader, name string) (map[string]*demonym, error) {
	out := map[string]*demonym{}
	sc := bufio.NewScanner(r)
	ln := 0
	for sc.Scan() {
		ln++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if strings.EqualFold(strings.TrimSpace(f[0]), "cc") {
			continue // column header
		}
		if len(f) < 2 || len(f) > 4 {
			return nil, fmt.Errorf("gazgen: %s:%d: %d columns, want cc, adjective_stems, nouns[, extra_aliases]", name, ln, len(f))
		}
		cc := strings.ToUpper(strings.TrimSpace(f[0]))
		if len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' {
			return nil, fmt.Errorf("gazgen: %s:%d: bad country code %q", name, ln, f[0])
		}
		d := out[cc]
		if d == nil {
			d = &demonym{}
			out[cc] = d
		}
		for i, dst := range []*[]string{&d.Adjectives, &d.Nouns, &d.Aliases} {
			if i+1 >= len(f) || strings.TrimSpace(f[i+1]) == "" {
				continue
			}
			items, err := splitList(strings.TrimSpace(f[i+1]), "item")
			if err != nil {
				return nil, fmt.Errorf("gazgen: %s:%d: %v", name, ln, err)
			}
			if i == 2 {
				for j, it := range items {
					k := strings.LastIndex(it, ":")
					if k <= 0 {
						continue
					}
					p, err := strconv.ParseFloat(it[k+1:], 64)
					if err != nil || p < 0 || p > 1 {
						return nil, fmt.Errorf("gazgen: %s:%d: bad alias prior in %q", name, ln, it)
					}
					items[j] = strings.TrimSpace(it[:k])
					if d.AliasPriors == nil {
						d.AliasPriors = map[string]float64{}
					}
					d.AliasPriors[items[j]] = p
				}
			}
			*dst = append(*dst, items...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazgen: %s: %w", name, err)
	}
	return out, nil
}

// countrySources bundles the inputs of buildCountries.
type countrySources struct {
	Codes    []string                     // ISO alpha-2 codes (sorted)
	CLDR     map[string]map[string]string // locale (de, de-AT, de-CH) → territories
	ISO      map[string][]string          // i18n-iso-countries names
	Nat      map[string]string            // i18n-nationality adjectives
	GeoNames map[string]string            // GeoNames German country names
	Demonyms map[string]*demonym          // curated, may be nil
	warnings []string
}

// buildCountries returns one entry per country, in code order.
func buildCountries(s *countrySources) []*entry {
	codes := append([]string(nil), s.Codes...)
	if !contains(codes, "XK") && s.CLDR["de"]["XK"] != "" {
		codes = append(codes, "XK")
	}
	sort.Strings(codes)
	var out []*entry
	for _, cc := range codes {
		if countryExclude[cc] {
			continue
		}
		var names []string
		add := func(n string) {
			n = cleanSpace(n)
			if countryNameOK(n) && !contains(names, n) {
				names = append(names, n)
			}
		}
		for _, loc := range []string{"de", "de-AT", "de-CH"} {
			t := s.CLDR[loc]
			add(t[cc])
			add(t[cc+"-alt-short"])
			add(t[cc+"-alt-variant"])
		}
		for _, n := range s.ISO[cc] {
			add(n)
		}
		add(s.GeoNames[cc])
		for _, n := range countryAliases[cc] {
			add(n)
		}
		if d := s.Demonyms[cc]; d != nil {
			for _, n := range d.Aliases {
				add(n)
			}
		}
		if len(names) == 0 {
			s.warnings = append(s.warnings, "country "+cc+": no usable name")
			continue
		}
		canon := names[0]
		if c, ok := countryCanonical[cc]; ok {
			canon = c
		}
		e := &entry{ID: "iso:" + cc, Type: "LOC", Name: canon, Kind: "country", CC: cc, Prior: 1}
		for _, n := range names {
			e.addAlias(n)
			e.addAlias(asciiApostrophe(n))
		}
		e.addAlias(asciiApostrophe(canon))
		// Derived forms: adjective stems first, then nouns.
		var adjs []string
		if d := s.Demonyms[cc]; d != nil {
			adjs = append(adjs, d.Adjectives...)
		}
		if fix, ok := nationalityFix[cc]; ok {
			adjs = append(adjs, fix)
		} else if a := adjectiveStem(s.Nat[cc]); a != "" {
			adjs = append(adjs, a)
		}
		adjs = append(adjs, nationalityExtra[cc]...)
		for _, a := range adjs {
			e.addDerived(a)
		}
		if d := s.Demonyms[cc]; d != nil {
			for _, n := range d.Nouns {
				e.addDerived(n)
			}
			for _, n := range e.surfaces() {
				if p, ok := d.AliasPriors[n]; ok {
					e.setFormPrior(n, p)
				}
			}
		}
		out = append(out, e)
	}
	for cc := range s.Demonyms {
		if countryExclude[cc] || !contains(codes, cc) {
			s.warnings = append(s.warnings, "curated/demonyms.tsv: unknown country code "+cc+" (skipped)")
		}
	}
	sort.Strings(s.warnings)
	return out
}
