package gazetteer

//go:generate go run ../internal/gazgen -src ../../shared/data/gazetteer-sources -curated ../internal/gazgen/curated -out data
