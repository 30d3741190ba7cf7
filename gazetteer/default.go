package gazetteer

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// data holds the default gazetteer (data/*.tsv, written by the generator in
// internal/gazgen) and the first-name list (data/firstnames.tsv). The whole
// directory is embedded so that the package builds before the generator has
// run; only *.tsv files are read.
//
//go:embed data
var data embed.FS

// firstNamesFile is the first-name list inside data/; every other data/*.tsv
// file is a gazetteer file.
const firstNamesFile = "firstnames.tsv"

var (
	defaultOnce = sync.OnceValues(loadDefault)
	emptyOnce   = sync.OnceValue(func() *Gazetteer {
		g, _ := build(nil, nil)
		return g
	})
)

// Default returns the embedded default German gazetteer: countries, German
// Länder, districts and municipalities, world cities, international
// organisations, parties, companies, media and people of German news (see
// the package documentation for sources and licences).
//
// It is parsed and indexed once, on first use, and shared afterwards. The
// package's tests guarantee that the embedded data parse; should they not,
// Default returns an empty gazetteer and DefaultErr the error.
func Default() *Gazetteer {
	if g, err := defaultOnce(); err == nil {
		return g
	}
	return emptyOnce()
}

// DefaultErr is Default with the error of parsing the embedded data.
func DefaultErr() (*Gazetteer, error) { return defaultOnce() }

// DataFiles returns the names of the embedded gazetteer files
// (data/xxx.tsv, sorted), without the first-name list.
func DataFiles() []string {
	files, _ := fs.Glob(data, "data/*.tsv")
	slices.Sort(files)
	return slices.DeleteFunc(files, func(f string) bool { return path.Base(f) == firstNamesFile })
}

// loadDefault parses all embedded gazetteer files. An id that occurs in
// two files is an error.
func loadDefault() (*Gazetteer, error) {
	files := DataFiles()
	texts := make([]string, len(files))
	for i, f := range files {
		t, err := readString(f)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %v", err)
		}
		texts[i] = t
	}
	if idx, err := readString(indexFile); err == nil {
		if g, ok, err := loadIndexed(texts, files, idx); ok {
			return g, err
		}
	}
	return loadTexts(texts, files)
}

// readString reads an embedded file into a string with one copy (ReadFile
// and a conversion would make two).
func readString(name string) (string, error) {
	f, err := data.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var sb strings.Builder
	if st, err := f.Stat(); err == nil {
		sb.Grow(int(st.Size()))
	}
	if _, err := io.Copy(&sb, f); err != nil {
		return "", err
	}
	return sb.String(), nil
}
