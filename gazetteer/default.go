package gazetteer

import (
	_ "embed" // the data files
	"sync"
)

// The default gazetteer (data/*.tsv, written by the generator in
// internal/gazgen), its prebuilt index (data/index.bin) and the first-name
// list (data/firstnames.tsv). Each file is embedded as a string, which the
// loaders parse in place: no copy of several MB into the heap at start-up.
// TestDataFilesListed checks that gazetteerFiles lists every data/*.tsv
// file but the first-name list.
var (
	//go:embed data/countries.tsv
	countriesTSV string
	//go:embed data/orgs.tsv
	orgsTSV string
	//go:embed data/oth.tsv
	othTSV string
	//go:embed data/people.tsv
	peopleTSV string
	//go:embed data/places.tsv
	placesTSV string
	//go:embed data/regions.tsv
	regionsTSV string
	//go:embed data/index.bin
	indexBin string
	//go:embed data/firstnames.tsv
	firstNamesTSV string
)

// gazetteerFiles are the embedded gazetteer files, sorted by name.
var gazetteerFiles = []struct {
	name string
	text *string
}{
	{"data/countries.tsv", &countriesTSV},
	{"data/orgs.tsv", &orgsTSV},
	{"data/oth.tsv", &othTSV},
	{"data/people.tsv", &peopleTSV},
	{"data/places.tsv", &placesTSV},
	{"data/regions.tsv", &regionsTSV},
}

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
	files := make([]string, len(gazetteerFiles))
	for i, f := range gazetteerFiles {
		files[i] = f.name
	}
	return files
}

// dataTexts returns the texts of the embedded gazetteer files, in the
// order of DataFiles.
func dataTexts() []string {
	texts := make([]string, len(gazetteerFiles))
	for i, f := range gazetteerFiles {
		texts[i] = *f.text
	}
	return texts
}

// loadDefault parses all embedded gazetteer files. An id that occurs in
// two files is an error.
func loadDefault() (*Gazetteer, error) {
	texts, files := dataTexts(), DataFiles()
	if g, ok, err := loadIndexed(texts, files, indexBin); ok {
		return g, err
	}
	return loadTexts(texts, files)
}
