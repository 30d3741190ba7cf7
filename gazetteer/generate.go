package gazetteer

//go:generate go run ../internal/gazgen -src ../../shared/data/gazetteer-sources -curated ../internal/gazgen/curated -out data

// The prebuilt index of the default gazetteer (data/index.bin) follows the
// TSV files: rewrite it after them.
//go:generate go test . -run TestDefaultIndex -update
