module github.com/kenner-nlp/kenner

go 1.26.0

require github.com/kljensen/snowball v0.10.0
