package topic

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/taxgen

// TaxonomyVersion is the IPTC Media Topic release embedded in the package
// (the "last updated" date of IPTC's export).
const TaxonomyVersion = "2023-10-24"

// Prefix is the qcode prefix of IPTC Media Topics.
const Prefix = "medtop:"

//go:embed data/mediatopic.tsv
var mediatopicTSV string

//go:embed data/labels-de.tsv
var labelsDeTSV string

// Concept is one IPTC Media Topic of the taxonomy.
type Concept struct {
	ID      string // qcode, e.g. "medtop:16000000"
	Label   string // German name (IPTC's, or kenner's where IPTC has none); may be empty
	LabelEn string // English (en-GB) name
	Level   int    // 1 (top level) … 6
	Parent  string // qcode of the broader topic, empty at level 1
	Retired string // retirement date (YYYY-MM-DD), empty when the topic is active
}

// Active reports whether c is an active (not retired) topic.
func (c Concept) Active() bool { return c.Retired == "" }

// Taxonomy is the IPTC Media Topic tree. It is immutable and safe for
// concurrent use.
type Taxonomy struct {
	concepts []Concept      // sorted by ID
	byID     map[string]int // "medtop:…" → index
	children [][]int        // index → child indices (active and retired), sorted by ID
	chain    [][]int32      // index → ancestor indices from the top level down to the concept itself
}

var defaultTaxonomy = sync.OnceValues(func() (*Taxonomy, error) {
	return parseTaxonomy(mediatopicTSV, "data/mediatopic.tsv", labelsDeTSV, "data/labels-de.tsv")
})

// DefaultTaxonomy returns the embedded IPTC Media Topic taxonomy (version
// TaxonomyVersion), parsed once on first use.
//
// The embedded data is checked by the package tests; should it ever fail to
// parse, DefaultTaxonomy returns an empty taxonomy and NewTagger reports the
// error.
func DefaultTaxonomy() *Taxonomy {
	t, err := defaultTaxonomy()
	if err != nil {
		return &Taxonomy{byID: map[string]int{}}
	}
	return t
}

// LoadTaxonomy reads a taxonomy in the format of the embedded
// data/mediatopic.tsv: '#' comment lines, a header line starting with
// "code", then one topic per line with the tab-separated columns code
// (with or without the "medtop:" prefix), level, parent, retired, German
// name, English name. name is used in error messages.
func LoadTaxonomy(r io.Reader, name string) (*Taxonomy, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("topic: %s: %w", name, err)
	}
	return parseTaxonomy(string(b), name, "", "")
}

func normID(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, Prefix) {
		return s
	}
	return Prefix + s
}

func parseTaxonomy(data, name, labels, labelsName string) (*Taxonomy, error) {
	t := &Taxonomy{byID: make(map[string]int, 1400)}
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || s[0] == '#' || strings.HasPrefix(s, "code\t") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 6 {
			return nil, fmt.Errorf("topic: %s:%d: %d columns, want 6", name, line, len(f))
		}
		lvl, err := strconv.Atoi(f[1])
		if err != nil || lvl < 1 || lvl > 9 {
			return nil, fmt.Errorf("topic: %s:%d: bad level %q", name, line, f[1])
		}
		c := Concept{ID: normID(f[0]), Level: lvl, Parent: normID(f[2]), Retired: strings.TrimSpace(f[3]),
			Label: strings.TrimSpace(f[4]), LabelEn: strings.TrimSpace(f[5])}
		if len(c.ID) <= len(Prefix) {
			return nil, fmt.Errorf("topic: %s:%d: empty code", name, line)
		}
		if (lvl == 1) != (c.Parent == "") {
			return nil, fmt.Errorf("topic: %s:%d: level %d with parent %q", name, line, lvl, c.Parent)
		}
		if _, dup := t.byID[c.ID]; dup {
			return nil, fmt.Errorf("topic: %s:%d: duplicate code %s", name, line, c.ID)
		}
		t.byID[c.ID] = len(t.concepts)
		t.concepts = append(t.concepts, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("topic: %s: %w", name, err)
	}
	if len(t.concepts) == 0 {
		return nil, fmt.Errorf("topic: %s: no topics", name)
	}
	if labels != "" {
		if err := t.applyLabels(labels, labelsName); err != nil {
			return nil, err
		}
	}
	// Sort by ID (the embedded file is sorted already; user files may not be).
	sortConcepts(t)
	t.children = make([][]int, len(t.concepts))
	for i, c := range t.concepts {
		if c.Parent == "" {
			continue
		}
		p, ok := t.byID[c.Parent]
		if !ok {
			return nil, fmt.Errorf("topic: %s: %s: unknown parent %s", name, c.ID, c.Parent)
		}
		if t.concepts[p].Level != c.Level-1 {
			return nil, fmt.Errorf("topic: %s: %s: level %d under %s of level %d", name, c.ID, c.Level, c.Parent, t.concepts[p].Level)
		}
		t.children[p] = append(t.children[p], i)
	}
	t.chain = make([][]int32, len(t.concepts))
	for i := range t.concepts {
		var ch []int32
		for j := i; ; {
			ch = append(ch, int32(j))
			par := t.concepts[j].Parent
			if par == "" {
				break
			}
			j = t.byID[par]
		}
		for a, b := 0, len(ch)-1; a < b; a, b = a+1, b-1 {
			ch[a], ch[b] = ch[b], ch[a]
		}
		t.chain[i] = ch
	}
	return t, nil
}

func sortConcepts(t *Taxonomy) {
	sorted := true
	for i := 1; i < len(t.concepts); i++ {
		if t.concepts[i-1].ID > t.concepts[i].ID {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	cs := append([]Concept(nil), t.concepts...)
	slices.SortFunc(cs, func(a, b Concept) int { return strings.Compare(a.ID, b.ID) })
	t.concepts = cs
	for i, c := range cs {
		t.byID[c.ID] = i
	}
}

func (t *Taxonomy) applyLabels(data, name string) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || s[0] == '#' || strings.HasPrefix(s, "code\t") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 2 || strings.TrimSpace(f[1]) == "" {
			return fmt.Errorf("topic: %s:%d: want code<TAB>German name", name, line)
		}
		i, ok := t.byID[normID(f[0])]
		if !ok {
			return fmt.Errorf("topic: %s:%d: unknown code %s", name, line, f[0])
		}
		t.concepts[i].Label = strings.TrimSpace(f[1])
	}
	return sc.Err()
}

// Len returns the number of topics, active and retired.
func (t *Taxonomy) Len() int { return len(t.concepts) }

// Concepts returns all topics (active and retired) sorted by ID. The slice
// is a copy.
func (t *Taxonomy) Concepts() []Concept { return append([]Concept(nil), t.concepts...) }

// Concept returns the topic with the given qcode ("medtop:16000000"; the
// bare number "16000000" is accepted too).
func (t *Taxonomy) Concept(id string) (Concept, bool) {
	i, ok := t.byID[normID(id)]
	if !ok {
		return Concept{}, false
	}
	return t.concepts[i], true
}

// TopLevel returns the active level-1 topics sorted by ID.
func (t *Taxonomy) TopLevel() []Concept {
	var out []Concept
	for _, c := range t.concepts {
		if c.Level == 1 && c.Active() {
			out = append(out, c)
		}
	}
	return out
}

// Children returns the active narrower topics of id, sorted by ID.
func (t *Taxonomy) Children(id string) []Concept {
	i, ok := t.byID[normID(id)]
	if !ok {
		return nil
	}
	var out []Concept
	for _, c := range t.children[i] {
		if t.concepts[c].Active() {
			out = append(out, t.concepts[c])
		}
	}
	return out
}

// Path returns the qcodes from the top-level topic down to id itself
// (["medtop:16000000", "medtop:20000073"] for the peace process), or nil
// when id is unknown.
func (t *Taxonomy) Path(id string) []string {
	i, ok := t.byID[normID(id)]
	if !ok {
		return nil
	}
	out := make([]string, len(t.chain[i]))
	for k, j := range t.chain[i] {
		out[k] = t.concepts[j].ID
	}
	return out
}
