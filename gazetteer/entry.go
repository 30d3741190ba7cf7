package gazetteer

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Entry is one named entity of the gazetteer: a line of a TSV file or of a
// JSONL file.
//
// The entries of a Gazetteer are shared by all its matches and must be
// treated as read-only.
type Entry struct {
	// ID is the stable, unique identifier (iso:RU, geo:2950159,
	// ags:09162000, kn:per/wladimir-putin, …).
	ID string
	// Name is the canonical German name (Wladimir Putin, Russland, NATO).
	Name string
	// Type is PER, LOC, ORG or OTH.
	Type Type
	// Aliases are other surface forms of the name as written in text
	// (Putin, Russische Föderation, Nato). Inflected forms such as Putins are
	// not listed: the matcher derives them.
	Aliases []string
	// Derived are derived words. A lower-case item is an adjective stem that
	// the matcher inflects (russisch → russische, russischen, …); a
	// capitalised item is a noun or indeclinable adjective matched as written
	// (Russen, Pariser).
	Derived []string
	// Attrs holds the key=value attributes that have no field of their own
	// (party, role, prior_forms, …); Load keeps cc, kind, geonames, pop,
	// freq and prior only in the fields below. Attr reads either. It may
	// be nil.
	Attrs map[string]string

	// Parsed convenience fields, taken from Attrs.

	Country    string  // attr cc: ISO 3166-1 alpha-2 country of the entity
	GeoNamesID int     // attr geonames
	Population int64   // attr pop
	Freq       int64   // attr freq
	Prior      float64 // attr prior in [0,1]; 1 when absent
	Kind       string  // attr kind (country, city, party, person, …)

	fieldAttrs uint8 // which field attributes Load has set, and faKnown, faPriorForms
}

// Bits of Entry.fieldAttrs besides those of fieldAttrBit.
const (
	faKnown      uint8 = 64  // faPriorForms is set where it holds (Load, New)
	faPriorForms uint8 = 128 // Attrs has prior_forms
)

// Ambiguous reports whether the entry's name often means something else
// (Prior < 1): Essen, Halle, Hof, Weil, Bild.
func (e *Entry) Ambiguous() bool { return e.Prior < 1 }

// PriorOf returns the prior of one surface form of the entry: the value
// given for it in the attribute prior_forms (form:prior pairs separated by
// '|', as in prior_forms=Mitte:0.2|Die Mitte:0.5). When prior_forms is
// given, the forms it does not list are sure (1), as the generator writes
// it (Deutsche Bahn is sure where only Bahn is listed); without it, every
// form has the entry's Prior.
//
// An entry that Load read or New built remembers whether it has
// prior_forms, and PriorOf trusts that (the gazetteer stage asks it for
// every match): give a copy with other Attrs to New rather than changing
// its Attrs afterwards. Entries built by hand are read as they are.
func (e *Entry) PriorOf(surface string) float64 {
	if e.fieldAttrs&(faKnown|faPriorForms) == faKnown {
		return e.Prior // known to have no prior_forms: no map look-up
	}
	pf, ok := e.Attrs["prior_forms"]
	if !ok {
		return e.Prior
	}
	for pf != "" {
		var item string
		if i := strings.IndexByte(pf, '|'); i >= 0 {
			item, pf = pf[:i], pf[i+1:]
		} else {
			item, pf = pf, ""
		}
		i := strings.LastIndexByte(item, ':')
		if i < 0 || item[:i] != surface {
			continue
		}
		if p, err := strconv.ParseFloat(item[i+1:], 64); err == nil && p >= 0 && p <= 1 {
			return p
		}
		return e.Prior // listed with a broken value: stay cautious
	}
	// prior_forms names the doubtful forms: the others are sure
	// (Deutsche Bahn, when only Bahn is listed).
	return 1
}

// Surfaces returns the name followed by the aliases.
func (e *Entry) Surfaces() []string {
	s := make([]string, 0, 1+len(e.Aliases))
	s = append(s, e.Name)
	return append(s, e.Aliases...)
}

// String returns "ID (Type Name)", for debugging.
func (e *Entry) String() string { return e.ID + " (" + e.Type.String() + " " + e.Name + ")" }

// compareEntries orders entries best first: higher Prior, then larger
// Population, then higher Freq, then ID.
func compareEntries(a, b *Entry) int {
	if c := cmp.Compare(b.Prior, a.Prior); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Population, a.Population); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Freq, a.Freq); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// setAttr records attribute k=v in e: in Attrs and, for the known keys, in
// the convenience fields. It returns a descriptive error for a malformed
// value of a known key.
func (e *Entry) setAttr(k, v string) error {
	if bit := fieldAttrBit(k); bit != 0 {
		// Held in a field of its own: no map entry, which keeps loading
		// tens of thousands of places cheap (see Attr).
		if e.fieldAttrs&bit != 0 {
			return fmt.Errorf("duplicate attr %q", k)
		}
		e.fieldAttrs |= bit
		return e.applyAttr(k, v)
	}
	if e.Attrs == nil {
		e.Attrs = make(map[string]string, 2)
	}
	n := len(e.Attrs)
	e.Attrs[k] = v
	if len(e.Attrs) == n {
		return fmt.Errorf("duplicate attr %q", k)
	}
	if k == "prior_forms" {
		e.fieldAttrs |= faPriorForms
	}
	return e.applyAttr(k, v)
}

// fieldAttrBit returns the bit of a key that has a field of its own, 0
// for the others.
func fieldAttrBit(k string) uint8 {
	switch k {
	case "cc":
		return 1
	case "kind":
		return 2
	case "geonames":
		return 4
	case "pop":
		return 8
	case "freq":
		return 16
	case "prior":
		return 32
	}
	return 0
}

// Attr returns the value of attribute k, whether it is held in Attrs or,
// for cc, kind, geonames, pop, freq and prior, in the entry's fields.
func (e *Entry) Attr(k string) (string, bool) {
	if v, ok := e.Attrs[k]; ok {
		return v, true
	}
	if e.fieldAttrs&fieldAttrBit(k) == 0 {
		return "", false
	}
	switch k {
	case "cc":
		return e.Country, true
	case "kind":
		return e.Kind, true
	case "geonames":
		return strconv.Itoa(e.GeoNamesID), true
	case "pop":
		return strconv.FormatInt(e.Population, 10), true
	case "freq":
		return strconv.FormatInt(e.Freq, 10), true
	case "prior":
		return strconv.FormatFloat(e.Prior, 'g', -1, 64), true
	}
	return "", false
}

// applyAttr sets the convenience field of a known attribute.
func (e *Entry) applyAttr(k, v string) error {
	switch k {
	case "cc":
		e.Country = v
	case "kind":
		e.Kind = v
	case "geonames":
		n, ok := atoi(v)
		if !ok || n < 0 || n > 1<<31-1 {
			return fmt.Errorf("attr geonames: invalid id %q", v)
		}
		e.GeoNamesID = int(n)
	case "pop":
		n, ok := atoi(v)
		if !ok || n < 0 {
			return fmt.Errorf("attr pop: invalid number %q", v)
		}
		e.Population = n
	case "freq":
		n, ok := atoi(v)
		if !ok || n < 0 {
			return fmt.Errorf("attr freq: invalid number %q", v)
		}
		e.Freq = n
	case "prior":
		p, err := strconv.ParseFloat(v, 64)
		if err != nil || !(p >= 0 && p <= 1) {
			return fmt.Errorf("attr prior: want a number in [0,1], got %q", v)
		}
		e.Prior = p
	}
	return nil
}

// atoi parses a non-negative decimal integer without allocating.
func atoi(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// normalize checks e and fills its convenience fields from Attrs where they
// are zero. It is used for entries given to New.
func (e *Entry) normalize() error {
	if err := e.validate(); err != nil {
		return err
	}
	_, hasPrior := e.Attrs["prior"]
	saved := *e
	for k, v := range e.Attrs {
		if err := e.applyAttr(k, v); err != nil {
			return fmt.Errorf("%s: %v", e.ID, err)
		}
	}
	// Explicitly set fields win over attrs.
	if saved.Country != "" {
		e.Country = saved.Country
	}
	if saved.Kind != "" {
		e.Kind = saved.Kind
	}
	if saved.GeoNamesID != 0 {
		e.GeoNamesID = saved.GeoNamesID
	}
	if saved.Population != 0 {
		e.Population = saved.Population
	}
	if saved.Freq != 0 {
		e.Freq = saved.Freq
	}
	if saved.Prior != 0 {
		e.Prior = saved.Prior
	} else if !hasPrior {
		e.Prior = 1
	}
	if !(e.Prior >= 0 && e.Prior <= 1) {
		return fmt.Errorf("%s: prior %v not in [0,1]", e.ID, e.Prior)
	}
	// Whatever the entry copied into e said about prior_forms, e's own
	// Attrs decide (PriorOf).
	e.fieldAttrs |= faKnown
	e.fieldAttrs &^= faPriorForms
	if _, ok := e.Attrs["prior_forms"]; ok {
		e.fieldAttrs |= faPriorForms
	}
	return nil
}

// validate checks the fields every entry must have.
func (e *Entry) validate() error {
	switch {
	case e.ID == "":
		return fmt.Errorf("empty id")
	case !e.Type.Valid():
		return fmt.Errorf("%s: invalid type %d", e.ID, uint8(e.Type))
	case strings.TrimSpace(e.Name) == "":
		return fmt.Errorf("%s: empty name", e.ID)
	}
	for _, s := range [...]string{e.ID, e.Name} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s: invalid UTF-8", e.ID)
		}
	}
	for _, l := range [...][]string{e.Aliases, e.Derived} {
		for _, s := range l {
			if !utf8.ValidString(s) {
				return fmt.Errorf("%s: invalid UTF-8", e.ID)
			}
		}
	}
	return nil
}
