package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
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
	br := bufio.NewReader(r)
	var out []article
	rec := 0
	for {
		row, err := readRecord(br)
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

// readRecord reads one CSV record (delimiter ';', quote '\”, doubled
// quotes). It returns io.EOF with the last record when the input ends.
func readRecord(br *bufio.Reader) ([]string, error) {
	const (
		startField = iota
		inField
		inQuoted
		quoteInQuoted
	)
	var fields []string
	var f strings.Builder
	state := startField
	started := false
	end := func() { fields = append(fields, f.String()); f.Reset() }
	for {
		r, _, err := br.ReadRune()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return nil, err
			}
			if state == inQuoted {
				return nil, errors.New("unexpected end of data inside a quoted field")
			}
			if started {
				end()
			}
			return fields, io.EOF
		}
		if r == '\r' {
			if state == inQuoted {
				f.WriteRune(r)
			}
			continue // Python's csv treats \r\n as a line end
		}
		started = true
		switch state {
		case startField:
			switch r {
			case '\'':
				state = inQuoted
			case ';':
				end()
			case '\n':
				if len(fields) == 0 && f.Len() == 0 {
					started = false
					continue // empty line
				}
				end()
				return fields, nil
			default:
				f.WriteRune(r)
				state = inField
			}
		case inField:
			switch r {
			case ';':
				end()
				state = startField
			case '\n':
				end()
				return fields, nil
			default:
				f.WriteRune(r)
			}
		case inQuoted:
			if r == '\'' {
				state = quoteInQuoted
			} else {
				f.WriteRune(r)
			}
		case quoteInQuoted:
			switch r {
			case '\'':
				f.WriteRune(r)
				state = inQuoted
			case ';':
				end()
				state = startField
			case '\n':
				end()
				return fields, nil
			default:
				f.WriteRune(r)
				state = inField
			}
		}
	}
}
