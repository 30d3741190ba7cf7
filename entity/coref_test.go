package entity

import "testing"

func TestStripGenitive(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Putins", "Putins"}, // without an apostrophe the s stays: Putins is read elsewhere
		{"Merz'", "Merz"},
		{"Merz’", "Merz"},
		{"Macron's", "Macron"},
		{"Macron’s", "Macron"},
		{"Paris", "Paris"},
		// An ending with nothing before it is no genitive: the word stays,
		// so that no entity gets an empty name.
		{"'", "'"},
		{"’", "’"},
		{"'s", "'s"},
		{"", ""},
	} {
		if got := stripGenitive(c.in); got != c.want {
			t.Errorf("stripGenitive(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsAbbreviationOf(t *testing.T) {
	for _, c := range []struct {
		ab, name string
		want     bool
	}{
		{"FFA", "Filmförderungsanstalt", true},
		{"Bamf", "Bundesamt für Migration und Flüchtlinge", true},
		{"IfW", "Institut für Weltwirtschaft", true},
		{"HVB", "HypoVereinsbank", true},
		{"SPD", "Sozialdemokratische Partei Deutschlands", true},
		{"CDU", "Filmförderungsanstalt", false},       // letters not in order
		{"FFA", "FFA", false},                         // no more letters than the abbreviation
		{"AFF", "Filmförderungsanstalt", false},       // must start with the name's first letter
		{"ffa", "Filmförderungsanstalt", false},       // must start with a capital
		{"F", "Filmförderungsanstalt", false},         // too short
		{"FILMFOERD", "Filmförderungsanstalt", false}, // too long
		{"F1", "Formel 1", false},                     // letters only
		{"", "", false},
	} {
		if got := isAbbreviationOf(c.ab, c.name); got != c.want {
			t.Errorf("isAbbreviationOf(%q, %q) = %v, want %v", c.ab, c.name, got, c.want)
		}
	}
}
