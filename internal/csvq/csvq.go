// Package csvq reads CSV with any delimiter and quote character, the way
// Python's csv module does (encoding/csv only knows the '"' quote). The
// example programs read 10kGNAD-style files (label;'text') with it.
package csvq

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// Reader reads CSV records with a configurable delimiter and quote
// character, like Python's csv module: a quote opens a quoted field only at
// the start of a field, doubled quotes inside quoted fields stand for one,
// text after a closing quote is kept, newlines inside quoted fields are
// part of the field, \r\n ends a record like \n, empty lines are skipped.
// (encoding/csv cannot use another quote character than '"'.)
type Reader struct {
	br           *bufio.Reader
	delim, quote rune
}

// NewReader returns a Reader over r with the given delimiter and quote.
func NewReader(r io.Reader, delim, quote rune) *Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return &Reader{br: br, delim: delim, quote: quote}
}

// Read reads one record; it returns io.EOF with the last record.
func (c *Reader) Read() ([]string, error) {
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
		r, _, err := c.br.ReadRune()
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
			continue
		}
		started = true
		switch state {
		case startField:
			switch r {
			case c.quote:
				state = inQuoted
			case c.delim:
				end()
			case '\n':
				if len(fields) == 0 && f.Len() == 0 {
					started = false
					continue
				}
				end()
				return fields, nil
			default:
				f.WriteRune(r)
				state = inField
			}
		case inField:
			switch r {
			case c.delim:
				end()
				state = startField
			case '\n':
				end()
				return fields, nil
			default:
				f.WriteRune(r)
			}
		case inQuoted:
			if r == c.quote {
				state = quoteInQuoted
			} else {
				f.WriteRune(r)
			}
		case quoteInQuoted:
			switch r {
			case c.quote:
				f.WriteRune(r)
				state = inQuoted
			case c.delim:
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
