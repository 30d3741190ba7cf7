package topic

import (
	"slices"
	"strings"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/gazetteer"
)

// Focus parameters.
const (
	focusMinTotal  = 3.0  // denominator floor: a single passing mention is no clear focus
	focusThreshold = 0.15 // minimum focus score
	placeThreshold = 0.25 // minimum score of a place
	placeShare     = 0.4  // a place needs this share of its country's weight
	weightDateline = 3.0  // a place in the dateline ("WIEN (APA) –")
)

// placeKinds are the gazetteer kinds of places that can be a focus of their own.
var placeKinds = map[string]bool{
	"city": true, "town": true, "admin": true, "admin1": true, "admin2": true, "district": true,
	"region": true, "municipality": true, "village": true, "state": true,
}

// entityCountry returns the ISO country code an entity belongs to, whether
// the entity is the country itself, and the weight of the entity as
// geographic evidence.
func entityCountry(e *entity.Entity) (cc string, isCountry bool, w float64) {
	id := e.ID
	var kind string
	if e.Entry != nil {
		kind = e.Entry.Kind
		if id == "" {
			id = e.Entry.ID
		}
	}
	if cc, ok := strings.CutPrefix(id, "iso:"); ok && len(cc) == 2 {
		return strings.ToUpper(cc), true, 1
	}
	if e.Entry == nil || e.Entry.Country == "" || kind == "intl" {
		return "", false, 0
	}
	cc = strings.ToUpper(e.Entry.Country)
	if kind == "country" {
		return cc, true, 1
	}
	switch e.Type {
	case entity.LOC:
		if placeKinds[kind] || kind == "" {
			return cc, false, 0.9
		}
		return cc, false, 0.5
	case entity.PER:
		if _, ok := e.Entry.Attrs["party"]; ok || e.Entry.Attrs["role"] != "" {
			return cc, false, 0.6
		}
		return cc, false, 0.4
	case entity.ORG:
		switch kind {
		case "gov", "party", "agency", "military", "union":
			return cc, false, 0.7
		}
		return cc, false, 0.35
	}
	return cc, false, 0.2
}

type focusAcc struct {
	f Focus
	w float64
}

// focusBuf holds focus's buffers between calls (in the pooled state).
type focusBuf struct {
	countries, places []focusAcc
	names             map[string]string
}

// focus computes the geographic focus of a document from its entities.
func focus(doc *entity.Document, text string, z *zones, maxFocus int, fb *focusBuf) []Focus {
	countries, places := fb.countries[:0], fb.places[:0]
	defer func() {
		clear(countries) // drop the strings they hold
		clear(places)
		fb.countries, fb.places = countries[:0], places[:0]
	}()
	// Countries are found by code (their ID is "iso:"+code, made for the
	// ones returned), places by ID.
	findCountry := func(cc string) int {
		for i := range countries {
			if countries[i].f.Country == cc {
				return i
			}
		}
		return -1
	}
	findPlace := func(id string) int {
		for i := range places {
			if places[i].f.ID == id {
				return i
			}
		}
		return -1
	}
	if fb.names == nil {
		fb.names = map[string]string{}
	}
	names := fb.names
	defer clear(names)
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		cc, isCountry, kw := entityCountry(e)
		if cc == "" {
			continue
		}
		if isCountry {
			if _, ok := names[cc]; !ok {
				names[cc] = e.Name
			}
		}
		var zsum float64
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(doc.Mentions) {
				continue
			}
			m := &doc.Mentions[mi]
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				continue
			}
			zw := float64(z.weight(m.Start))
			if m.Start >= z.dateStart && m.End <= z.dateEnd && z.dateEnd > z.dateStart {
				zw = weightDateline
			}
			switch m.Form {
			case entity.FormDeriv:
				zw *= 0.8
			case entity.FormPart:
				zw *= 0.7
			}
			zsum += zw
		}
		if zsum == 0 {
			continue
		}
		v := kw * sat(zsum)
		i := findCountry(cc)
		if i < 0 {
			countries = append(countries, focusAcc{f: Focus{Country: cc}})
			i = len(countries) - 1
		}
		countries[i].w += v
		if !isCountry && e.Type == entity.LOC && e.Entry != nil && placeKinds[e.Entry.Kind] {
			id := e.ID
			if id == "" {
				id = e.Entry.ID
			}
			j := findPlace(id)
			if j < 0 {
				places = append(places, focusAcc{f: Focus{ID: id, Name: e.Name, Country: cc, Place: true}})
				j = len(places) - 1
			}
			places[j].w += v
		}
	}
	var total float64
	for _, c := range countries {
		total += c.w
	}
	if total == 0 {
		return nil
	}
	denom := max(total, focusMinTotal)
	var out []Focus
	for _, c := range countries {
		c.f.Score = c.w / denom
		if c.f.Score < focusThreshold {
			continue
		}
		c.f.ID = "iso:" + c.f.Country
		c.f.Name = names[c.f.Country]
		if c.f.Name == "" {
			c.f.Name = countryName(c.f.Country)
		}
		out = append(out, c.f)
	}
	for _, p := range places {
		cw := countries[findCountry(p.f.Country)].w
		p.f.Score = p.w / denom
		if p.f.Score < placeThreshold || p.w < placeShare*cw {
			continue
		}
		out = append(out, p.f)
	}
	slices.SortStableFunc(out, func(a, b Focus) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		case a.Place != b.Place:
			if a.Place {
				return 1
			}
			return -1
		}
		return strings.Compare(a.ID, b.ID)
	})
	if m := maxFocus; m > 0 && len(out) > m {
		out = out[:m]
	}
	return out
}

// countryName returns the German name of a country from the default
// gazetteer, or the ISO code when the gazetteer does not know it.
func countryName(cc string) string {
	if e := gazetteer.Default().ByID("iso:" + cc); e != nil && e.Name != "" {
		return e.Name
	}
	return cc
}
