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
