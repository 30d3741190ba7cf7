package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// lineReader yields the lines of r without their line terminator ("\n" or
// "\r\n"), numbering them from 1. It rejects invalid UTF-8.
type lineReader struct {
	br   *bufio.Reader
	name string
	n    int
	err  error
}

func newLineReader(r io.Reader, name string) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), name: name}
}

// next returns the next line; ok is false at the end of input or on error
// (see lr.err).
func (lr *lineReader) next() (line string, ok bool) {
	if lr.err != nil {
		return "", false
	}
	s, err := lr.br.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		lr.err = fmt.Errorf("corpus: %s: %w", lr.name, err)
		return "", false
	}
	if s == "" && err != nil {
		return "", false
	}
	lr.n++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	if lr.n == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	if !utf8.ValidString(s) {
		lr.err = lr.errorf("invalid UTF-8")
		return "", false
	}
	return s, true
}

func (lr *lineReader) errorf(format string, args ...any) error {
	return fmt.Errorf("corpus: %s:%d: %s", lr.name, lr.n, fmt.Sprintf(format, args...))
}

// isBlank reports whether line holds only white space (Python's str.isspace
// set, as nerscore.py uses line.strip()).
func isBlank(line string) bool {
	for _, r := range line {
		if !isPySpace(r) {
			return false
		}
	}
	return true
}

func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0x1680,
		0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// checkTag validates a BIO tag: "O", or "B-"/"I-" followed by a non-empty
// label without white space.
func checkTag(tag string) error {
	if tag == "O" {
		return nil
	}
	if (strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-")) && len(tag) > 2 &&
		!strings.ContainsAny(tag, " \t") {
		return nil
	}
	return fmt.Errorf("invalid BIO tag %q", tag)
}

// commentSource extracts the source from a GermEval comment line
// "#<TAB>url<TAB>[date]": the first non-empty field after the '#'.
func commentSource(line string) string {
	for _, f := range strings.Split(line[1:], "\t") {
		if f = strings.TrimSpace(f); f != "" {
			return f
		}
	}
	return ""
}

// ReadGermEval reads a GermEval 2014 NER file: per sentence a comment line
// "#<TAB>source-url<TAB>[date]", then one line per token
// "idx<TAB>token<TAB>outer<TAB>inner", and a blank line between sentences.
// The inner column may be missing (it is then "O"). It parses sentences the
// way nerscore.py does: when two comment lines follow each other, the later
// one wins. It is stricter in two ways: a tag that is not O, B-X or I-X, and
// a '#' line inside a sentence (a missing blank line), are errors. name is
// used in error messages, which give file and line.
func ReadGermEval(r io.Reader, name string) ([]Sentence, error) {
	lr := newLineReader(r, name)
	var out []Sentence
	var cur *Sentence
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		if strings.HasPrefix(line, "#") {
			if cur != nil && len(cur.Tokens) > 0 {
				return nil, lr.errorf("comment line inside a sentence (missing blank line?)")
			}
			if cur == nil {
				cur = &Sentence{}
			}
			cur.Source = commentSource(line)
			continue
		}
		if isBlank(line) {
			if cur != nil && len(cur.Tokens) > 0 {
				out = append(out, *cur)
				cur = nil
			}
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) < 3 {
			return nil, lr.errorf("expected >=3 tab-separated columns (idx, token, outer[, inner]), got %d", len(parts))
		}
		inner := "O"
		if len(parts) > 3 {
			inner = parts[3]
		}
		if err := checkTag(parts[2]); err != nil {
			return nil, lr.errorf("outer column: %v", err)
		}
		if err := checkTag(inner); err != nil {
			return nil, lr.errorf("inner column: %v", err)
		}
		if cur == nil {
			cur = &Sentence{}
		}
		cur.Tokens = append(cur.Tokens, parts[1])
		cur.Outer = append(cur.Outer, parts[2])
		cur.Inner = append(cur.Inner, inner)
	}
	if lr.err != nil {
		return nil, lr.err
	}
	if cur != nil && len(cur.Tokens) > 0 {
		out = append(out, *cur)
	}
	return out, nil
}

// normTag maps BIOES/BILOU tags onto BIO: S-X and U-X become B-X, E-X and
// L-X become I-X.
func normTag(tag string) string {
	if len(tag) > 2 && tag[1] == '-' {
		switch tag[0] {
		case 'S', 'U':
			return "B-" + tag[2:]
		case 'E', 'L':
			return "I-" + tag[2:]
		}
	}
	return tag
}

// ReadCoNLL reads a generic CoNLL-style file: one token per line as
// "token<TAB>…<TAB>tag" (token in the first, the BIO tag in the last of at
// least two tab-separated columns), a blank line between sentences. BIOES
// and BILOU tags are converted to BIO. "-DOCSTART-" lines are skipped. A line
// starting with '#' that contains no tab is a comment; its text (after
// "key = " if it has that form) becomes the Source of the sentences that
// follow, until the next comment. Inner is all "O". name is used in error
// messages.
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	lr := newLineReader(r, name)
	var out []Sentence
	var cur Sentence
	source := ""
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{Source: source}
	}
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		if isBlank(line) {
			flush()
			continue
		}
		if strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") && !strings.Contains(line, "\t") {
			flush()
			c := strings.TrimSpace(line[1:])
			if _, v, ok := strings.Cut(c, " = "); ok {
				c = strings.TrimSpace(v)
			}
			source = c
			cur.Source = source
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) < 2 {
			return nil, lr.errorf("expected >=2 tab-separated columns (token … tag), got 1")
		}
		tag := normTag(strings.TrimSpace(parts[len(parts)-1]))
		if err := checkTag(tag); err != nil {
			return nil, lr.errorf("%v", err)
		}
		cur.Tokens = append(cur.Tokens, parts[0])
		cur.Outer = append(cur.Outer, tag)
		cur.Inner = append(cur.Inner, "O")
	}
	if lr.err != nil {
		return nil, lr.err
	}
	flush()
	return out, nil
}

// smartDataTypes are the coarse types of the converted SmartData corpus.
var smartDataTypes = map[string]bool{"PER": true, "LOC": true, "ORG": true}

// ReadSmartData reads the converted DFKI SmartData corpus
// (smartdata-de-ner.tsv): "# doc_id = <id> (<file>)" lines start documents
// (they contain no tab; a token line may start with '#'), token lines are
// "token<TAB>fine<TAB>coarse", a blank line separates sentences. Tags come
// from the coarse column, which maps SmartData's person to PER, its
// organisation types to ORG and its location types to LOC, and all other
// types (date, number, trigger, …) to O. Source is the document id. Inner is
// all "O". name is used in error messages.
func ReadSmartData(r io.Reader, name string) ([]Sentence, error) {
	lr := newLineReader(r, name)
	var out []Sentence
	var cur Sentence
	source := ""
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{Source: source}
	}
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		if isBlank(line) {
			flush()
			continue
		}
		if !strings.Contains(line, "\t") {
			if !strings.HasPrefix(line, "#") {
				return nil, lr.errorf("expected 3 tab-separated columns (token, fine, coarse) or a '# doc_id' line")
			}
			flush()
			c := strings.TrimSpace(line[1:])
			c = strings.TrimSpace(strings.TrimPrefix(c, "doc_id ="))
			if i := strings.LastIndex(c, " ("); i > 0 && strings.HasSuffix(c, ")") {
				c = c[:i]
			}
			source = c
			cur.Source = source
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			return nil, lr.errorf("expected 3 tab-separated columns (token, fine, coarse), got %d", len(parts))
		}
		tag := parts[2]
		if err := checkTag(tag); err != nil {
			return nil, lr.errorf("coarse column: %v", err)
		}
		if tag != "O" && !smartDataTypes[tag[2:]] {
			return nil, lr.errorf("coarse column: unknown type %q (want PER, LOC or ORG)", tag[2:])
		}
		cur.Tokens = append(cur.Tokens, parts[0])
		cur.Outer = append(cur.Outer, tag)
		cur.Inner = append(cur.Inner, "O")
	}
	if lr.err != nil {
		return nil, lr.err
	}
	flush()
	return out, nil
}
