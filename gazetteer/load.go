package gazetteer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ParseError is the error Load returns for malformed input: it names the
// file (the name given to Load) and the 1-based line.
type ParseError struct {
	File string // name given to Load
	Line int    // 1-based line number, 0 when the error concerns no single line
	Msg  string
}

// Error returns "gazetteer: FILE:LINE: MSG".
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("gazetteer: %s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("gazetteer: %s: %s", e.File, e.Msg)
}

// Load reads a gazetteer in TSV format v1 or in JSONL and returns it with
// its matcher built. name is used in error messages (usually the file name).
//
// The format is detected from the first byte that is not white space and
// not inside a '#' comment line: '{' means JSONL (one JSON object per line:
// {"id":…,"type":…,"name":…,"aliases":[…],"derived":[…],"attrs":{…}}),
// anything else TSV (id, type, name, aliases, derived, attrs separated by
// tabs; see the package documentation). Blank lines and lines starting with
// '#' are skipped in both formats. Lines may be arbitrarily long.
//
// Errors are *ParseError values naming file and line: an unknown type, an
// empty id or name, a line with fewer than 3 columns, invalid UTF-8, a
// malformed attribute, or an id that occurs twice.
func Load(r io.Reader, name string) (*Gazetteer, error) {
	if name == "" {
		name = "<input>"
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	s := string(data)
	return loadTexts([]string{s}, []string{name})
}

// streamBatch is the number of entries the parser hands to the index
// builder at a time.
const streamBatch = 2048

// loadTexts parses files (texts[i] named names[i]) and builds the
// gazetteer. Parsing runs in a goroutine that streams batches of entries to
// the index builder, so that both overlap on a machine with two cores.
func loadTexts(texts, names []string) (*Gazetteer, error) {
	lines := countLines(texts)
	ld := newLoader(lines, true)
	batches := make(chan []*Entry, 16)
	var perr error
	go func() {
		defer close(batches)
		ld.emit = func(batch []*Entry) { batches <- batch }
		for i, t := range texts {
			if perr = ld.parse(t, names[i]); perr != nil {
				return
			}
		}
		ld.flush()
	}()
	b := newBuilder(lines + lines/4)
	for batch := range batches {
		for _, e := range batch {
			b.addEntry(e)
		}
	}
	// The channel is closed: perr is final.
	if perr != nil {
		return nil, perr
	}
	b.finish()
	return &Gazetteer{entries: ld.entries, byID: ld.byID, m: b.m}, nil
}

// countLines returns the number of lines of texts, an upper bound of their
// entries.
func countLines(texts []string) int {
	n := 0
	for _, t := range texts {
		n += strings.Count(t, "\n") + 1
	}
	return n
}

// loader collects the entries of one or more files. byID finds duplicate
// ids (across files too) and becomes the Gazetteer's index. It is nil when
// the files are known to have no duplicates (see loadIndexed).
type loader struct {
	emit    func([]*Entry) // if set, receives the entries in batches
	sent    int            // entries emitted so far
	entries []*Entry
	byID    map[string]int32
	lines   []int32  // line of each entry
	file    []uint16 // file of each entry, index into files
	files   []string
}

// newLoader returns a loader for about n entries; byID is made only when
// ids is set.
func newLoader(n int, ids bool) *loader {
	ld := &loader{
		entries: make([]*Entry, 0, n),
		lines:   make([]int32, 0, n),
		file:    make([]uint16, 0, n),
	}
	if ids {
		ld.byID = make(map[string]int32, n)
	}
	return ld
}

// parse parses a whole file in either format.
func (ld *loader) parse(s, name string) error {
	s = strings.TrimPrefix(s, "\uFEFF")
	ld.files = append(ld.files, name)
	if isJSONL(s) {
		return ld.parseJSONL(s, name)
	}
	return ld.parseTSV(s, name)
}

// add records entry e read on the given line; a duplicate id is an error
// message naming the first occurrence.
func (ld *loader) add(e *Entry, file string, line int) string {
	e.fieldAttrs |= faKnown // setAttr has marked prior_forms
	if first, dup := ld.byID[e.ID]; dup {
		if f := ld.files[ld.file[first]]; f != file {
			return fmt.Sprintf("duplicate id %q (first in %s:%d)", e.ID, f, ld.lines[first])
		}
		return fmt.Sprintf("duplicate id %q (first on line %d)", e.ID, ld.lines[first])
	}
	if ld.byID != nil {
		ld.byID[e.ID] = int32(len(ld.entries))
	}
	ld.entries = append(ld.entries, e)
	ld.lines = append(ld.lines, int32(line))
	ld.file = append(ld.file, uint16(len(ld.files)-1))
	if ld.emit != nil && len(ld.entries)-ld.sent >= streamBatch {
		ld.flush()
	}
	return ""
}

// flush emits the entries not yet emitted.
func (ld *loader) flush() {
	if ld.emit != nil && ld.sent < len(ld.entries) {
		ld.emit(ld.entries[ld.sent:len(ld.entries):len(ld.entries)])
		ld.sent = len(ld.entries)
	}
}

// isJSONL reports whether the first byte that is neither white space nor
// part of a '#' line is '{'.
func isJSONL(s string) bool {
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimLeft(line, " \t\r\v\f")
		if line == "" || line[0] == '#' {
			continue
		}
		return line[0] == '{'
	}
	return false
}

// lineIter walks the lines of s, stripping a trailing "\r".
type lineIter struct {
	s    string
	line int
}

func (it *lineIter) next() (string, bool) {
	if len(it.s) == 0 {
		return "", false
	}
	it.line++
	var l string
	if i := strings.IndexByte(it.s, '\n'); i >= 0 {
		l, it.s = it.s[:i], it.s[i+1:]
	} else {
		l, it.s = it.s, ""
	}
	if n := len(l); n > 0 && l[n-1] == '\r' {
		l = l[:n-1]
	}
	return l, true
}

// slab hands out string slices from large shared backing arrays, so that
// the aliases of many entries cost few allocations.
type slab struct{ buf []string }

func (s *slab) take(n int) []string {
	if n > cap(s.buf)-len(s.buf) {
		c := 4096
		if n > c {
			c = n
		}
		s.buf = make([]string, 0, c)
	}
	l := len(s.buf)
	s.buf = s.buf[:l+n]
	return s.buf[l : l+n : l+n]
}

// splitList splits a '|'-separated list, dropping empty (or blank) items.
func splitList(sl *slab, f string) []string {
	f = trimSpace(f)
	if f == "" {
		return nil
	}
	n := strings.Count(f, "|") + 1
	out := sl.take(n)[:0]
	for f != "" {
		var item string
		if i := strings.IndexByte(f, '|'); i >= 0 {
			item, f = f[:i], f[i+1:]
		} else {
			item, f = f, ""
		}
		if item = trimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// trimSpace trims ASCII white space (cheaper than strings.TrimSpace for the
// common case and sufficient for TSV fields).
func trimSpace(s string) string {
	for len(s) > 0 && isSpaceByte(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpaceByte(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// parseTSV parses the TSV format v1. Fields are substrings of s: no copies.
func (ld *loader) parseTSV(s, name string) error {
	store := make([]Entry, 0, strings.Count(s, "\n")+1)
	var sl slab
	it := lineIter{s: s}
	fail := func(format string, args ...any) error {
		return &ParseError{File: name, Line: it.line, Msg: fmt.Sprintf(format, args...)}
	}
	for {
		line, ok := it.next()
		if !ok {
			break
		}
		if !utf8.ValidString(line) {
			return fail("invalid UTF-8")
		}
		if t := trimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		var col [6]string
		n := 0
		rest := line
		for {
			i := strings.IndexByte(rest, '\t')
			if i < 0 {
				col[n] = rest
				n++
				break
			}
			if n == 5 {
				return fail("too many columns (want at most 6)")
			}
			col[n] = rest[:i]
			n++
			rest = rest[i+1:]
		}
		if n < 3 {
			return fail("want at least 3 tab-separated columns (id, type, name), got %d", n)
		}
		store = append(store, Entry{})
		e := &store[len(store)-1]
		e.ID = trimSpace(col[0])
		if e.ID == "" {
			return fail("empty id")
		}
		t, ok := parseType(trimSpace(col[1]))
		if !ok {
			return fail("unknown type %q", trimSpace(col[1]))
		}
		e.Type = t
		e.Name = trimSpace(col[2])
		if e.Name == "" {
			return fail("%s: empty name", e.ID)
		}
		e.Aliases = splitList(&sl, col[3])
		e.Derived = splitList(&sl, col[4])
		e.Prior = 1
		if a := trimSpace(col[5]); a != "" {
			for a != "" {
				var kv string
				if i := strings.IndexByte(a, ';'); i >= 0 {
					kv, a = a[:i], a[i+1:]
				} else {
					kv, a = a, ""
				}
				kv = trimSpace(kv)
				if kv == "" {
					continue
				}
				eq := strings.IndexByte(kv, '=')
				if eq <= 0 {
					return fail("%s: attr %q: want key=value", e.ID, kv)
				}
				if err := e.setAttr(trimSpace(kv[:eq]), trimSpace(kv[eq+1:])); err != nil {
					return fail("%s: %v", e.ID, err)
				}
			}
		}
		if msg := ld.add(e, name, it.line); msg != "" {
			return fail("%s", msg)
		}
	}
	return nil
}

// jsonEntry is the JSONL form of an Entry.
type jsonEntry struct {
	ID      string                     `json:"id"`
	Type    string                     `json:"type"`
	Name    string                     `json:"name"`
	Aliases []string                   `json:"aliases"`
	Derived []string                   `json:"derived"`
	Attrs   map[string]json.RawMessage `json:"attrs"`
}

// parseJSONL parses one JSON object per line.
func (ld *loader) parseJSONL(s, name string) error {
	it := lineIter{s: s}
	fail := func(format string, args ...any) error {
		return &ParseError{File: name, Line: it.line, Msg: fmt.Sprintf(format, args...)}
	}
	for {
		line, ok := it.next()
		if !ok {
			break
		}
		if !utf8.ValidString(line) {
			return fail("invalid UTF-8")
		}
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			continue
		}
		var je jsonEntry
		dec := json.NewDecoder(strings.NewReader(t))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&je); err != nil {
			return fail("%v", err)
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return fail("unexpected data after the JSON object")
		}
		e := &Entry{ID: strings.TrimSpace(je.ID), Name: strings.TrimSpace(je.Name), Prior: 1}
		if e.ID == "" {
			return fail("empty id")
		}
		typ, ok := parseType(strings.TrimSpace(je.Type))
		if !ok {
			return fail("unknown type %q", je.Type)
		}
		e.Type = typ
		if e.Name == "" {
			return fail("%s: empty name", e.ID)
		}
		e.Aliases = cleanList(je.Aliases)
		e.Derived = cleanList(je.Derived)
		for _, k := range sortedKeys(je.Attrs) {
			v, err := attrString(je.Attrs[k])
			if err != nil {
				return fail("%s: attr %q: %v", e.ID, k, err)
			}
			if k == "" || strings.ContainsAny(k, ";=\t\n") || strings.ContainsAny(v, ";\t\n") {
				return fail("%s: attr %q: key or value contains a separator", e.ID, k)
			}
			if err := e.setAttr(k, v); err != nil {
				return fail("%s: %v", e.ID, err)
			}
		}
		if msg := ld.add(e, name, it.line); msg != "" {
			return fail("%s", msg)
		}
	}
	return nil
}

// cleanList trims the items and drops empty ones.
func cleanList(l []string) []string {
	out := l[:0]
	for _, s := range l {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// attrString converts a JSON attribute value (string, number or boolean)
// to its string form.
func attrString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", errors.New("empty value")
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case 't', 'f':
		return string(raw), nil
	case 'n', '[', '{':
		return "", errors.New("want a string, number or boolean")
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", err
	}
	return n.String(), nil
}
