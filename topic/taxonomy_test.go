package topic

import (
	"strings"
	"testing"
)

func TestDefaultTaxonomyCounts(t *testing.T) {
	tax, err := defaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if got := tax.Len(); got != 1372 {
		t.Errorf("Len = %d, want 1372 (active and retired)", got)
	}
	active, retired, german := 0, 0, 0
	perLevel := map[int]int{}
	for _, c := range tax.Concepts() {
		if !c.Active() {
			retired++
			continue
		}
		active++
		perLevel[c.Level]++
		if c.Label != "" {
			german++
		}
		if c.LabelEn == "" {
			t.Errorf("%s has no English label", c.ID)
		}
	}
	if active != 1099 || retired != 273 {
		t.Errorf("active %d, retired %d; want 1099, 273", active, retired)
	}
	// IPTC gives German names for 1,083 active topics; kenner adds the 16
	// missing ones (data/labels-de.tsv).
	if german != 1099 {
		t.Errorf("%d active topics with a German label, want 1099", german)
	}
	want := map[int]int{1: 17, 2: 121, 3: 496, 4: 395, 5: 65, 6: 5}
	for l, n := range want {
		if perLevel[l] != n {
			t.Errorf("level %d: %d active topics, want %d", l, perLevel[l], n)
		}
	}
	if n := len(tax.TopLevel()); n != 17 {
		t.Errorf("TopLevel: %d, want 17", n)
	}
}

func TestTaxonomyLookup(t *testing.T) {
	tax := DefaultTaxonomy()
	c, ok := tax.Concept("medtop:20000073")
	if !ok || c.Label != "Friedensprozess" || c.LabelEn != "peace process" || c.Level != 2 || c.Parent != "medtop:16000000" {
		t.Errorf("Concept(20000073) = %+v, %v", c, ok)
	}
	if c2, ok := tax.Concept("20000073"); !ok || c2 != c {
		t.Errorf("bare number lookup: %+v, %v", c2, ok)
	}
	if _, ok := tax.Concept("medtop:99999999"); ok {
		t.Error("unknown code found")
	}
	if got := strings.Join(tax.Path("medtop:20000135"), " "); got != "medtop:02000000 medtop:20000106 medtop:20000107 medtop:20000111 medtop:20000134 medtop:20000135" {
		t.Errorf("Path(capital punishment) = %s", got)
	}
	if tax.Path("nope") != nil {
		t.Error("Path of unknown code not nil")
	}
	kids := tax.Children("medtop:17000000")
	if len(kids) != 4 || kids[0].ID != "medtop:20001128" {
		t.Errorf("Children(weather) = %v", kids)
	}
	// kenner's labels fill the gaps of IPTC's German names.
	if c, _ := tax.Concept("medtop:20001361"); c.Label != "Cyberkrieg" {
		t.Errorf("20001361 label %q", c.Label)
	}
	// Retired topics are kept, marked.
	if c, ok := tax.Concept("medtop:20000241"); !ok || c.Active() || c.Retired != "2023-03-31" {
		t.Errorf("retired 20000241 = %+v", c)
	}
}

func TestLoadTaxonomyErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "no topics"},
		{"01000000\t1\n", "columns"},
		{"01000000\tx\t\t\ta\tb\n", "bad level"},
		{"01000000\t2\t\t\ta\tb\n", "level 2 with parent"},
		{"01000000\t1\t\t\ta\tb\n01000000\t1\t\t\ta\tb\n", "duplicate"},
		{"01000000\t1\t\t\ta\tb\n20000001\t2\t09000000\t\tc\td\n", "unknown parent"},
		{"01000000\t1\t\t\ta\tb\n20000001\t3\t01000000\t\tc\td\n", "level 3 under"},
	} {
		_, err := LoadTaxonomy(strings.NewReader(tc.in), "x.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "topic: x.tsv") {
			t.Errorf("LoadTaxonomy(%q) error %v, want %q", tc.in, err, tc.want)
		}
	}
	tax, err := LoadTaxonomy(strings.NewReader("# c\ncode\tlevel\n20000001\t2\t01000000\t\tKind\tchild\n01000000\t1\t\t\tTop\ttop\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() != 2 || tax.Concepts()[0].ID != "medtop:01000000" || len(tax.Children("01000000")) != 1 {
		t.Errorf("unsorted input: %v", tax.Concepts())
	}
}
