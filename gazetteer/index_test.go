package gazetteer

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/index.bin")

// TestDataFilesListed checks that the embedded gazetteer files are all the
// data/*.tsv files but the first-name list.
func TestDataFilesListed(t *testing.T) {
	found, err := filepath.Glob("data/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	found = slices.DeleteFunc(found, func(f string) bool { return filepath.Base(f) == firstNamesFile })
	slices.Sort(found)
	if want := DataFiles(); !slices.Equal(found, want) {
		t.Errorf("data/*.tsv = %q, embedded %q: list the files in gazetteerFiles", found, want)
	}
	for i, text := range dataTexts() {
		b, err := os.ReadFile(DataFiles()[i])
		if err != nil || string(b) != text {
			t.Errorf("%s: the embedded text is not the file's (%v)", DataFiles()[i], err)
		}
	}
}

// TestDefaultIndex checks that data/index.bin is the index of the matcher
// the builder makes from the embedded files, that it decodes to that
// matcher, and that Default uses it.
func TestDefaultIndex(t *testing.T) {
	texts, names := dataTexts(), DataFiles()
	built, err := loadTexts(texts, names)
	if err != nil {
		t.Fatal(err)
	}
	want := built.m.appendIndex(nil, built.entries, sourceSum(texts, names))
	if *update {
		if err := os.WriteFile(indexFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", indexFile, len(want))
		return
	}
	got := indexBin
	if got != string(want) {
		t.Fatalf("%s is stale: rewrite it with: go test ./gazetteer -run TestDefaultIndex -update", indexFile)
	}
	g, ok, err := loadIndexed(texts, names, got)
	if !ok || err != nil {
		t.Fatalf("loadIndexed: ok %v, err %v", ok, err)
	}
	if !reflect.DeepEqual(g.m, built.m) {
		t.Error("the decoded matcher differs from the built one")
	}
	if !reflect.DeepEqual(g.entries, built.entries) {
		t.Error("the entries differ")
	}
	for id, i := range built.byID {
		if e := g.ByID(id); e != g.entries[i] {
			t.Fatalf("ByID(%q) = %v, want %v", id, e, g.entries[i])
		}
	}
	for _, id := range []string{"", "iso:", "iso:XX", "zzz", "\xff"} {
		if e := g.ByID(id); e != nil {
			t.Errorf("ByID(%q) = %v, want nil", id, e)
		}
	}
}

// TestIndexStale checks that an index does not fit files that differ from
// those it was built from, so that Default builds the matcher instead.
func TestIndexStale(t *testing.T) {
	texts, names := dataTexts(), DataFiles()
	idx := indexBin
	if _, ok, err := loadIndexed(texts, names, idx); !ok || err != nil {
		t.Fatalf("the committed index: ok %v, err %v", ok, err)
	}
	changed := slices.Clone(texts)
	changed[len(changed)-1] += "x:1\tLOC\tNeuort\n"
	if _, ok, _ := loadIndexed(changed, names, idx); ok {
		t.Error("an index fits files with an added line")
	}
	renamed := slices.Clone(names)
	renamed[0] = "data/other.tsv"
	if _, ok, _ := loadIndexed(texts, renamed, idx); ok {
		t.Error("an index fits renamed files")
	}
	if _, ok, _ := loadIndexed(texts[1:], names[1:], idx); ok {
		t.Error("an index fits fewer files")
	}
}

// TestIndexCorrupt checks that a damaged index is refused (its checksum),
// never a panic.
func TestIndexCorrupt(t *testing.T) {
	texts, names := dataTexts(), DataFiles()
	idx := indexBin
	for _, n := range []int{0, 1, len(indexMagic), len(indexMagic) + 3, len(idx) / 2, len(idx) - 1} {
		if _, ok, _ := loadIndexed(texts, names, idx[:n]); ok {
			t.Errorf("an index cut to %d bytes was used", n)
		}
	}
	for _, at := range []int{len(indexMagic) + 1, len(indexMagic) + 12, len(idx) / 3, len(idx) - 2} {
		b := []byte(idx)
		b[at] ^= 0x10
		if _, ok, _ := loadIndexed(texts, names, string(b)); ok {
			t.Errorf("an index with byte %d changed was used", at)
		}
	}
}

// smallIndex builds the test gazetteer and its index (with source sum 0).
func smallIndex(t testing.TB) (*Gazetteer, string) {
	g := mustTestGaz(t)
	return g, string(g.m.appendIndex(nil, g.entries, 0))
}

// TestIndexSmall checks the round trip of the test gazetteer's matcher.
func TestIndexSmall(t *testing.T) {
	g, idx := smallIndex(t)
	r, err := indexHeader(idx, 0)
	if err != nil {
		t.Fatal(err)
	}
	m, ents, ids, n, err := r.decode()
	if err != nil || n != len(g.entries) {
		t.Fatalf("decode: %d entries, %v", n, err)
	}
	m.ents = make([]*Entry, len(ents))
	for i, x := range ents {
		m.ents[i] = g.entries[x]
	}
	if !reflect.DeepEqual(m, g.m) {
		t.Error("the decoded matcher differs from the built one")
	}
	for k := 1; k < len(ids); k++ {
		if g.entries[ids[k-1]].ID >= g.entries[ids[k]].ID {
			t.Fatalf("ids not sorted at %d", k)
		}
	}
}

// FuzzIndexDecode decodes arbitrary index bodies (past the checksums,
// which would refuse almost all of them): decode must check every count
// and index, never panic, and a matcher it accepts must match text
// without a panic.
func FuzzIndexDecode(f *testing.F) {
	_, idx := smallIndex(f)
	r, err := indexHeader(idx, 0)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(r.s)
	f.Add(r.s[:len(r.s)/2])
	f.Add("")
	f.Fuzz(func(t *testing.T, body string) {
		r := &ixReader{s: body}
		m, ents, ids, n, err := r.decode()
		if err != nil {
			return
		}
		if len(ids) != n {
			t.Fatalf("%d ids for %d entries", len(ids), n)
		}
		entries := make([]*Entry, n)
		for i := range entries {
			entries[i] = &Entry{ID: "x" + strconv.Itoa(i), Name: "X", Type: LOC, Prior: 1}
		}
		m.ents = make([]*Entry, len(ents))
		for i, x := range ents {
			m.ents[i] = entries[x]
		}
		g := &Gazetteer{entries: entries, idOrder: ids, m: m}
		for _, text := range []string{"Berlin und die Deutsche Bahn in Bad Homburg vor der Höhe", "NATO-Gipfel der russischen Regierung", r.s} {
			g.Match(text)
		}
		g.ByID("x0")
	})
}
