package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kenner-nlp/kenner/internal/csvq"
)

// article is one record of a 10kGNAD CSV file.
type article struct {
	ID    string // 0-based record index, as topicscore.py numbers them
	Label string
	Text  string
}

// readGNAD reads a 10kGNAD CSV file: one record per article, fields
// separated by ';', quote character '\” with doubled quotes inside quoted
// fields, label first, text after. It follows Python's csv reader (the one
// topicscore.py uses): empty lines are skipped, a quote only opens a quoted
// field at the start of a field, and text after a closing quote is kept.
// Further fields are joined back with ';' into the text.
func readGNAD(r io.Reader) ([]article, error) {
	rd := csvq.NewReader(r, ';', '\'')
	var out []article
	rec := 0
	for {
		row, err := rd.Read()
		if len(row) > 0 {
			rec++
			if len(row) < 2 {
				return out, fmt.Errorf("record %d has %d field(s), want label;text", rec, len(row))
			}
			out = append(out, article{ID: fmt.Sprint(len(out)), Label: strings.TrimSpace(row[0]), Text: strings.Join(row[1:], ";")})
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}
