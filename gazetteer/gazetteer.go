package gazetteer

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Gazetteer is a set of entries with a matcher that finds their names in
// tokenized text.
//
// A Gazetteer is immutable after construction and safe for concurrent use
// by many goroutines. Build one with Load, New or With, or use Default.
type Gazetteer struct {
	entries []*Entry
	byID    map[string]int32 // id → index into entries
	// idOrder, when byID is nil, holds the indices of the entries sorted
	// by ID (the default gazetteer's, from its index: no map to build).
	idOrder []int32
	m       *matcher
}

// New returns a gazetteer of the given entries.
//
// The entries are copied (the copies are what Entries and matches return).
// Their convenience fields (Country, GeoNamesID, Population, Freq, Prior,
// Kind) are filled from Attrs where they are zero; a zero Prior with no
// "prior" attribute becomes 1. An entry without ID or name, with an invalid
// type or with the ID of an earlier entry is an error.
func New(entries ...*Entry) (*Gazetteer, error) {
	cp := make([]*Entry, 0, len(entries))
	for i, e := range entries {
		if e == nil {
			return nil, fmt.Errorf("gazetteer: entry %d is nil", i)
		}
		c := *e
		c.Attrs = maps.Clone(e.Attrs)
		c.Aliases = slices.Clone(e.Aliases)
		c.Derived = slices.Clone(e.Derived)
		if err := c.normalize(); err != nil {
			return nil, fmt.Errorf("gazetteer: entry %d: %v", i, err)
		}
		cp = append(cp, &c)
	}
	return build(cp, nil)
}

// build makes a Gazetteer of entries that are already normalised. When
// byID is nil it is built here, and a duplicate id is an error.
func build(entries []*Entry, byID map[string]int32) (*Gazetteer, error) {
	if byID == nil {
		byID = make(map[string]int32, len(entries))
		for i, e := range entries {
			if _, dup := byID[e.ID]; dup {
				return nil, fmt.Errorf("gazetteer: duplicate id %q", e.ID)
			}
			byID[e.ID] = int32(i)
		}
	}
	g := &Gazetteer{entries: entries, byID: byID}
	g.m = buildMatcher(entries)
	return g, nil
}

// With returns the union of g and others. An entry of a later gazetteer
// replaces an entry with the same ID of an earlier one (keeping the earlier
// one's position in Entries). g itself is not changed.
func (g *Gazetteer) With(others ...*Gazetteer) (*Gazetteer, error) {
	n := len(g.entries)
	for _, o := range others {
		if o != nil {
			n += len(o.entries)
		}
	}
	entries := make([]*Entry, 0, n)
	byID := make(map[string]int32, n)
	add := func(e *Entry) {
		if i, ok := byID[e.ID]; ok {
			entries[i] = e
			return
		}
		byID[e.ID] = int32(len(entries))
		entries = append(entries, e)
	}
	for _, e := range g.entries {
		add(e)
	}
	for _, o := range others {
		if o == nil {
			continue
		}
		for _, e := range o.entries {
			add(e)
		}
	}
	return build(entries, byID)
}

// Entries returns the entries in the order they were read or added. The
// slice is shared: do not modify it or the entries.
func (g *Gazetteer) Entries() []*Entry { return g.entries }

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// ByID returns the entry with the given ID, or nil.
func (g *Gazetteer) ByID(id string) *Entry {
	if g.byID == nil {
		k, ok := slices.BinarySearchFunc(g.idOrder, id, func(i int32, id string) int {
			return strings.Compare(g.entries[i].ID, id)
		})
		if ok {
			return g.entries[g.idOrder[k]]
		}
		return nil
	}
	if i, ok := g.byID[id]; ok {
		return g.entries[i]
	}
	return nil
}

// Match tokenizes text with the library's tokenizer and returns the
// gazetteer matches in it; see MatchTokens.
func (g *Gazetteer) Match(text string) []Match {
	toks := tokenize.Tokenize(text)
	return g.MatchTokens(text, toks, nil)
}

// Lookup returns what the matcher makes of one word or phrase: the matches
// in surface, tokenized on its own. For "Putins" it returns one match of
// Wladimir Putin (FormName, Inflected); for "Nato-Staaten" one FormPart
// match of NATO with PartStart:PartEnd covering "Nato".
func (g *Gazetteer) Lookup(surface string) []Match {
	return g.Match(surface)
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
