package main

// places.tsv: German Länder, Kreise and Gemeinden (Destatis), Austrian and Swiss
// municipalities and first-level regions, world cities and first-level regions
// with German names (GeoNames).

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// defaultWorldMinPop is the population from which places outside DE/AT/CH are
// kept (national capitals are always kept); flag -world-min.
const defaultWorldMinPop = 15_000

// skipFeatures are GeoNames feature codes that are not municipalities: sections
// of populated places (city districts with unreliable populations), historical,
// abandoned and destroyed places.
var skipFeatures = map[string]bool{"PPLX": true, "PPLH": true, "PPLQ": true, "PPLW": true}

// gnAdmin1ToLand maps GeoNames DE admin1 codes to Destatis Land codes.
var gnAdmin1ToLand = map[string]string{
	"01": "08", "02": "09", "03": "04", "04": "02", "05": "06", "06": "03", "07": "05", "08": "07",
	"09": "10", "10": "01", "11": "12", "12": "13", "13": "14", "14": "15", "15": "16", "16": "11",
}

// landAliases are official long forms of Länder (Hamburg and Berlin are cities).
var landAliases = map[string][]string{
	"02": {"Freie und Hansestadt Hamburg"},
	"04": {"Land Bremen", "Bundesland Bremen"},
	"09": {"Freistaat Bayern"},
	"14": {"Freistaat Sachsen"},
	"16": {"Freistaat Thüringen"},
}

// landName overrides the Destatis name of a Land that would collide with a city.
var landName = map[string]string{"04": "Freie Hansestadt Bremen"}

// cityStates are Länder that are one Gemeinde: the Gemeinde entry stands for both.
var cityStates = map[string]bool{"02": true, "11": true}

// atLandName overrides Austrian Länder named like their capital.
var atLandName = map[string][]string{"AT.05": {"Land Salzburg", "Bundesland Salzburg"}}

// skipAdmin1 are GeoNames admin1 regions that are a city covered by a place entry.
var skipAdmin1 = map[string]bool{"AT.09": true}

type placeSources struct {
	Gebiete   []gebiet
	Cities    []*gnRow
	German    *gnGerman
	Countries []*entry // for name collisions
	Amb       *ambiguity
	WorldMin  int64 // 0: defaultWorldMinPop
}

// buildPlaces returns all place entries (unsorted).
func buildPlaces(s *placeSources) ([]*entry, error) {
	for _, c := range s.Cities {
		c.NameDE = s.German.Places[c.ID]
	}
	var towns []*entry // municipalities and cities (DE, AT, CH, world)
	de, err := germanGemeinden(s)
	if err != nil {
		return nil, err
	}
	towns = append(towns, de...)
	towns = append(towns, geoNamesPlaces(s)...)

	var kept []*entry
	for _, e := range towns {
		if s.Amb.applyPriors(e) {
			kept = append(kept, e)
		}
	}
	towns = kept

	// Surfaces of all towns, for the collision rules of regions and districts.
	townNames := map[string]bool{}
	for _, e := range towns {
		for _, n := range e.surfaces() {
			townNames[n] = true
		}
	}
	countryNames := map[string]bool{}
	for _, c := range s.Countries {
		for _, n := range c.surfaces() {
			countryNames[n] = true
		}
	}
	// A town named like a country (Luxemburg, Singapur) is the less likely reading.
	for _, e := range towns {
		for _, n := range e.surfaces() {
			if countryNames[n] {
				e.setFormPrior(n, 0.5)
			}
		}
	}

	// Towns that block a region's short form: same country, or big elsewhere.
	blockers := map[string]map[string]bool{} // surface → countries with such a town
	for _, e := range towns {
		for _, n := range e.surfaces() {
			if blockers[n] == nil {
				blockers[n] = map[string]bool{}
			}
			cc := e.CC
			if e.Pop >= 20_000 {
				cc = "*"
			}
			blockers[n][cc] = true
		}
	}
	// Big towns that make a region of the same name the less likely reading:
	// same country from 50,000 inhabitants, elsewhere from 500,000.
	bigTowns := map[string]map[string]bool{}
	for _, e := range towns {
		cc := ""
		switch {
		case e.Pop >= 500_000:
			cc = "*"
		case e.Pop >= 50_000:
			cc = e.CC
		default:
			continue
		}
		for _, n := range e.surfaces() {
			if bigTowns[n] == nil {
				bigTowns[n] = map[string]bool{}
			}
			bigTowns[n][cc] = true
		}
	}
	regions := germanRegions(s, townNames)
	regions = append(regions, geoNamesAdmin1(s, blockers, bigTowns, countryNames)...)
	out := append(towns, regions...)

	// Ids must be unique.
	seen := map[string]bool{}
	for _, e := range out {
		if seen[e.ID] {
			return nil, fmt.Errorf("gazgen: places: duplicate id %s", e.ID)
		}
		seen[e.ID] = true
	}
	return out, nil
}

// germanGemeinden builds the Destatis Gemeinden, merged with GeoNames DE rows.
func germanGemeinden(s *placeSources) ([]*entry, error) {
	// GeoNames DE rows by lower-cased name, German name and bare name.
	idx := map[string][]*gnRow{}
	for _, c := range s.Cities {
		if c.Country != "DE" || skipFeatures[c.Feature] || c.Pop == 0 {
			continue
		}
		keys := []string{c.Name, c.NameDE, bareName(c.Name), bareName(c.NameDE)}
		var done []string
		for _, k := range keys {
			k = strings.ToLower(k)
			if k == "" || contains(done, k) {
				continue
			}
			done = append(done, k)
			idx[k] = append(idx[k], c)
		}
	}
	var gem []gebiet
	for _, g := range s.Gebiete {
		if g.Kind != "gemeinde" || g.TK == "65" || g.TK == "66" {
			continue
		}
		if len(g.ARS) != 12 {
			return nil, fmt.Errorf("gazgen: gebiete_de.tsv: Gemeinde %q: ARS %q is not 12 digits", g.Short, g.ARS)
		}
		gem = append(gem, g)
	}
	// Largest first, so that big places get the GeoNames row when names repeat.
	sort.SliceStable(gem, func(i, j int) bool { return gem[i].Pop > gem[j].Pop })
	// The names of the Gemeinden of each Land (Land code + lower-case name,
	// and without a qualifier).
	gemNames := map[string]bool{}
	for _, g := range gem {
		n, _ := germanShortName(g.Short)
		gemNames[g.ARS[:2]+strings.ToLower(n)] = true
		gemNames[g.ARS[:2]+strings.ToLower(bareName(n))] = true
	}
	var out []*entry
	for _, g := range gem {
		ags := g.ARS[:5] + g.ARS[9:]
		name, full := germanShortName(g.Short)
		kind := "town"
		switch g.TK {
		case "61", "62", "63", "67":
			kind = "city"
		}
		e := &entry{ID: "ags:" + ags, Type: "LOC", Name: name, Kind: kind, CC: "DE", Pop: g.Pop, Prior: 1, dach: true}
		e.addAlias(full)
		e.addAlias(bareName(name))
		e.addAlias(slashName(name))
		if cityStates[g.ARS[:2]] {
			e.major = true
			for _, a := range landAliases[g.ARS[:2]] {
				e.addAlias(a)
			}
		}
		// Merge with the GeoNames row of the same name and Land and a similar population.
		land := g.ARS[:2]
		var best *gnRow
		bestD := math.Inf(1)
		// A town merged from two keeps, in GeoNames, the name of the larger
		// one (Dessau-Roßlau: Dessau), which then names the whole town.
		merged := ""
		if i := strings.IndexByte(name, '-'); i > 0 && !strings.Contains(name, " ") && !gemNames[g.ARS[:2]+strings.ToLower(name[:i])] {
			merged = name[:i]
		}
		for _, k := range []string{strings.ToLower(name), strings.ToLower(bareName(name)), strings.ToLower(merged)} {
			for _, c := range idx[k] {
				if c.used || gnAdmin1ToLand[c.Admin1] != land {
					continue
				}
				if bareOrSelf(c.Name) != bareOrSelf(name) && bareOrSelf(c.NameDE) != bareOrSelf(name) && (merged == "" || c.Name != merged && c.NameDE != merged) {
					continue
				}
				d := math.Abs(math.Log(float64(c.Pop) / float64(max(g.Pop, 1))))
				if d <= math.Log(2) && d < bestD {
					best, bestD = c, d
				}
			}
		}
		if best != nil {
			best.used = true
			e.GeoNames = best.ID
			if best.Feature == "PPLC" || best.Feature == "PPLA" {
				e.major = true
			}
			e.addAlias(beforeSlash(best.NameDE))
			if isLatin(best.Name) {
				e.addAlias(beforeSlash(best.Name))
			}
		}
		for _, a := range e.surfaces() {
			e.addAlias(saintVariant(a))
		}
		out = append(out, e)
	}
	return out, nil
}

func bareOrSelf(s string) string {
	if b := bareName(s); b != "" {
		return b
	}
	return s
}

// germanShortName cleans a Destatis short name. It returns the canonical name and
// the full cleaned form when that differs ("Lauenburg/ Elbe" → "Lauenburg",
// "Lauenburg/Elbe"; "Cottbus/Chóśebuz" → "Cottbus", "Cottbus/Chóśebuz";
// "Lübbenau/Spreewald / Lubnjow/Błota" → "Lübbenau", "Lübbenau/Spreewald").
func germanShortName(s string) (name, full string) {
	if i := strings.Index(s, " / "); i > 0 {
		s = s[:i] // bilingual German / Sorbian name
	}
	if i := strings.Index(s, ","); i > 0 {
		s = s[:i] // "Ebstorf,Klosterflecken"
	}
	s = strings.ReplaceAll(s, "/ ", "/")
	s = cleanSpace(s)
	if i := strings.Index(s, "/"); i > 0 && !strings.Contains(s[:i], "(") {
		return strings.TrimSpace(s[:i]), s
	}
	return s, ""
}

// geoNamesPlaces builds AT and CH municipalities (all) and world cities.
func geoNamesPlaces(s *placeSources) []*entry {
	worldMin := s.WorldMin
	if worldMin <= 0 {
		worldMin = defaultWorldMinPop
	}
	var out []*entry
	for _, c := range s.Cities {
		if skipFeatures[c.Feature] {
			continue
		}
		dach := c.Country == "AT" || c.Country == "CH"
		switch {
		case c.Country == "DE":
			continue
		case dach:
		case c.Pop >= worldMin || c.Feature == "PPLC":
		default:
			continue
		}
		name := c.Name
		if c.NameDE != "" {
			name = c.NameDE
		}
		name = cleanSpace(name)
		name = beforeSlash(name)
		if !isLatin(name) || strings.ContainsAny(name, "|;\t") {
			continue
		}
		kind := "city"
		if dach && c.Pop < 10_000 {
			kind = "town"
		}
		e := &entry{ID: "geo:" + strconv.FormatInt(c.ID, 10), Type: "LOC", Name: name, Kind: kind,
			CC: c.Country, GeoNames: c.ID, Pop: c.Pop, Prior: 1, dach: dach}
		e.major = c.Feature == "PPLC" || (c.Country == "AT" && c.Feature == "PPLA")
		e.addAlias(beforeSlash(c.NameDE))
		if isLatin(c.Name) {
			e.addAlias(beforeSlash(c.Name))
		}
		if dach {
			e.addAlias(bareName(name))
			e.addAlias(slashName(name))
		} else if i := strings.Index(name, " ("); i > 0 && nameShapeOK(name[:i]) {
			e.addAlias(name[:i]) // "Newport (Wales)"
		}
		for _, a := range e.surfaces() {
			e.addAlias(saintVariant(a))
			e.addAlias(asciiApostrophe(a))
		}
		out = append(out, e)
	}
	return out
}

// beforeSlash cuts a GeoNames name at " / " ("Volketswil / Volketswil (Dorf)").
func beforeSlash(s string) string {
	if i := strings.Index(s, " / "); i > 0 {
		return s[:i]
	}
	return s
}

// germanRegions builds the Länder and the Kreise (kreisfreie Städte are Gemeinden).
func germanRegions(s *placeSources, townNames map[string]bool) []*entry {
	popLand := map[string]int64{}
	popKreis := map[string]int64{}
	for _, g := range s.Gebiete {
		if g.Kind == "gemeinde" && len(g.ARS) == 12 {
			popLand[g.ARS[:2]] += g.Pop
			popKreis[g.ARS[:5]] += g.Pop
		}
	}
	var out []*entry
	for _, g := range s.Gebiete {
		switch {
		case g.Kind == "land" && len(g.ARS) == 2:
			if cityStates[g.ARS] {
				continue
			}
			name := g.Short
			if n, ok := landName[g.ARS]; ok {
				name = n
			}
			e := &entry{ID: "ars:" + g.ARS, Type: "LOC", Name: name, Kind: "admin1", CC: "DE",
				Pop: popLand[g.ARS], Prior: 1, dach: true, major: true}
			for _, a := range landAliases[g.ARS] {
				e.addAlias(a)
			}
			out = append(out, e)
		case g.Kind == "kreis" && len(g.ARS) == 5 && (g.TK == "43" || g.TK == "44" || g.TK == "45"):
			e := &entry{ID: "ars:" + g.ARS, Type: "LOC", Kind: "district", CC: "DE",
				Pop: popKreis[g.ARS], Prior: 1, dach: true}
			short := cleanSpace(g.Short)
			var bare string
			switch {
			case strings.HasPrefix(short, "Landkreis ") || strings.HasPrefix(short, "Kreis "):
				e.Name = short
				_, bare, _ = strings.Cut(short, " ")
			case strings.Contains(strings.ToLower(short), "kreis") || strings.HasPrefix(short, "Region") ||
				strings.HasPrefix(short, "Regionalverband"):
				e.Name = short
			case g.TK == "43":
				e.Name = "Kreis " + short
				bare = short
			default:
				e.Name = "Landkreis " + short
				bare = short
				e.addAlias("Kreis " + short)
			}
			if bare != "" && !townNames[bare] && s.Amb.class(bare) == ambNone && nameShapeOK(bare) {
				e.addAlias(bare)
			}
			// The genitive, which the matcher does not make for a word
			// before the last: des Landkreises Regensburg.
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				for _, head := range [...]string{"Landkreis ", "Kreis "} {
					if rest, ok := strings.CutPrefix(n, head); ok {
						e.addAlias(strings.TrimSuffix(head, " ") + "es " + rest)
					}
				}
			}
			out = append(out, e)
		}
	}
	return out
}

// geoNamesAdmin1 builds first-level regions outside Germany with German names.
func geoNamesAdmin1(s *placeSources, blockers, bigTowns map[string]map[string]bool, countryNames map[string]bool) []*entry {
	var out []*entry
	for _, a := range s.German.Admin1 {
		if a.Country == "DE" || skipAdmin1[a.Key] {
			continue
		}
		name := cleanSpace(a.Name)
		if strings.HasPrefix(name, "Stadt ") || strings.HasPrefix(name, "Hauptstadt ") ||
			strings.HasSuffix(name, " Stadt") || countryNames[name] || !nameShapeOK(name) || !isLatin(name) {
			continue // city-states duplicate a city; "Luxemburg" is the country
		}
		e := &entry{ID: "adm1:" + a.Key, Type: "LOC", Name: name, Kind: "admin1", CC: a.Country, Prior: 1,
			dach: a.Country == "AT" || a.Country == "CH", major: true}
		if n, ok := atLandName[a.Key]; ok {
			e.Name = n[0]
			for _, al := range n[1:] {
				e.addAlias(al)
			}
			e.addAlias(name)
		}
		if rest, ok := strings.CutPrefix(name, "Kanton "); ok && a.Country == "CH" {
			if b := blockers[rest]; !b[a.Country] && !b["*"] && s.Amb.class(rest) == ambNone {
				e.addAlias(rest)
			}
			e.addAlias(saintVariant(name))
		}
		switch s.Amb.class(e.Name) {
		case ambStop:
			continue
		case ambVocab:
			if !e.dach {
				e.setFormPrior(e.Name, 0.1)
			}
		}
		// Aliases that a town blocks are dropped ("Salzburg" for Land Salzburg); a
		// canonical name shared with a town lowers the prior.
		var kept []string
		for _, al := range e.Aliases {
			if b := blockers[al]; b[a.Country] || b["*"] {
				continue
			}
			kept = append(kept, al)
		}
		e.Aliases = kept
		if big := bigTowns[e.Name]; big[a.Country] || big["*"] {
			e.setFormPrior(e.Name, 0.5) // Moskau, Istanbul, Madrid, New York
		}
		out = append(out, e)
	}
	return out
}
