package gazetteer

import (
	"fmt"
	"strings"
)

// Type is the kind of a named entity: PER, LOC, ORG or OTH.
//
// The zero value is not a valid type; every entry of a Gazetteer has one of
// the four constants below.
type Type uint8

// The entity types of the gazetteer TSV format (column 2).
const (
	PER Type = iota + 1 // person
	LOC                 // location: country, region, city, river, …
	ORG                 // organisation: party, company, agency, club, government, …
	OTH                 // other: event, product, work, …
)

// String returns "PER", "LOC", "ORG" or "OTH" (and "Type(n)" for other values).
func (t Type) String() string {
	switch t {
	case PER:
		return "PER"
	case LOC:
		return "LOC"
	case ORG:
		return "ORG"
	case OTH:
		return "OTH"
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// Valid reports whether t is one of PER, LOC, ORG and OTH.
func (t Type) Valid() bool { return t >= PER && t <= OTH }

// ParseType parses "PER", "LOC", "ORG" or "OTH" (ASCII case-insensitive).
func ParseType(s string) (Type, error) {
	switch {
	case strings.EqualFold(s, "PER"):
		return PER, nil
	case strings.EqualFold(s, "LOC"):
		return LOC, nil
	case strings.EqualFold(s, "ORG"):
		return ORG, nil
	case strings.EqualFold(s, "OTH"):
		return OTH, nil
	}
	return 0, fmt.Errorf("gazetteer: unknown type %q", s)
}

// parseType is ParseType without the error allocation, for the loader.
func parseType(s string) (Type, bool) {
	if len(s) != 3 {
		return 0, false
	}
	switch s {
	case "PER":
		return PER, true
	case "LOC":
		return LOC, true
	case "ORG":
		return ORG, true
	case "OTH":
		return OTH, true
	}
	t, err := ParseType(s)
	return t, err == nil
}

// MarshalText implements encoding.TextMarshaler ("PER", …).
func (t Type) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("gazetteer: invalid type %d", uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (see ParseType).
func (t *Type) UnmarshalText(b []byte) error {
	v, err := ParseType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Form says how a matched surface refers to its entry.
type Form uint8

// The forms of a match.
const (
	// FormName: the name or one of its aliases, possibly inflected
	// (Putin, Putins, Merz', Bundestages, Vereinigten Staaten).
	FormName Form = iota
	// FormDeriv: a derived word listed in the entry's derived column: an
	// adjective (russisch, russischen, Russische) or a noun (Russen, Pariser).
	FormDeriv
	// FormPart: the name inside a compound word (Nato in Nato-Staaten, EU in
	// EU-Kommission, Kreml in Kremlchef).
	FormPart
)

// String returns "name", "deriv" or "part".
func (f Form) String() string {
	switch f {
	case FormName:
		return "name"
	case FormDeriv:
		return "deriv"
	case FormPart:
		return "part"
	}
	return fmt.Sprintf("Form(%d)", uint8(f))
}

// MarshalText implements encoding.TextMarshaler ("name", "deriv", "part").
func (f Form) MarshalText() ([]byte, error) {
	if f > FormPart {
		return nil, fmt.Errorf("gazetteer: invalid form %d", uint8(f))
	}
	return []byte(f.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Form) UnmarshalText(b []byte) error {
	switch string(b) {
	case "name":
		*f = FormName
	case "deriv":
		*f = FormDeriv
	case "part":
		*f = FormPart
	default:
		return fmt.Errorf("gazetteer: unknown form %q", b)
	}
	return nil
}
