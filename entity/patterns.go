package entity

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/stem/german"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Rules is a set of user patterns loaded with LoadRules. A pattern is a
// sequence of token tests, in the spirit of spaCy's EntityRuler; where it
// matches, the tokens of its span become a mention of its label. Rules are
// immutable and safe for concurrent use.
type Rules struct {
	patterns []pattern
}

// Len returns the number of patterns.
func (r *Rules) Len() int { return len(r.patterns) }

type pattern struct {
	label      Type
	id, name   string
	toks       []tokenTest
	spanFrom   int
	spanTo     int // exclusive; 0 means len(toks)
	sourceLine string
}

// tokenTest is one element of a pattern.
type tokenTest struct {
	text, lower, stem, shape string
	gaz                      string // PER, LOC, ORG, OTH or ANY: token is part of such a mention
	upper                    int8   // 1: must start upper-case, -1: must not
	in                       map[string]bool
	op                       byte // 0 (exactly one), '?', '+', '*'
}

// jsonRule is the JSONL form of a rule.
type jsonRule struct {
	Label   string            `json:"label"`
	ID      string            `json:"id"`
	Name    string            `json:"name"`
	Pattern []json.RawMessage `json:"pattern"`
	Span    []int             `json:"span"`
}

type jsonTest struct {
	Text  string   `json:"text"`
	Lower string   `json:"lower"`
	Stem  string   `json:"stem"`
	Shape string   `json:"shape"`
	Gaz   string   `json:"gaz"`
	Upper *bool    `json:"upper"`
	In    []string `json:"in"`
	Op    string   `json:"op"`
}

// LoadRules reads user rules from r, in JSONL or TSV (detected by the first
// non-blank, non-comment byte: '{' means JSONL). name is used in errors.
//
// JSONL, one rule a line:
//
//	{"label":"ORG","id":"acme","name":"Acme","pattern":[{"lower":"firma"},{"upper":true,"op":"+"}],"span":[1,2]}
//
// A pattern element is either a string (the exact token text) or an object
// with any of the tests text, lower, stem (Snowball German stem), shape
// (Xx, XX, dd: upper, lower, digit, runs collapsed), gaz (PER, LOC, ORG, OTH
// or ANY: the token is part of a mention found so far), upper (bool) and in
// (list of texts), and an optional op: "?" (optional), "+" (one or more),
// "*" (any number). span gives the pattern elements [from, to) that form the
// mention (default: all).
//
// TSV: label<TAB>pattern[<TAB>id[<TAB>span]], where pattern is
// space-separated elements: a plain word, or attr:value tests joined by "&"
// (lower:firma&upper:true), each optionally ending in ?, + or *; span is
// "from-to". Lines starting with '#' are comments.
func LoadRules(r io.Reader, name string) (*Rules, error) {
	br := bufio.NewReader(r)
	rules := &Rules{}
	line := 0
	jsonl := -1
	for {
		s, err := br.ReadString('\n')
		if s == "" && err != nil {
			if err == io.EOF {
				break
			}
			return nil, fmt.Errorf("entity: %s: %v", name, err)
		}
		line++
		s = strings.TrimRight(s, "\r\n")
		t := strings.TrimSpace(s)
		if t == "" || t[0] == '#' {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("entity: %s:%d: invalid UTF-8", name, line)
		}
		if jsonl < 0 {
			jsonl = 0
			if t[0] == '{' {
				jsonl = 1
			}
		}
		var p pattern
		var perr error
		if jsonl == 1 {
			p, perr = parseJSONRule([]byte(t))
		} else {
			p, perr = parseTSVRule(s)
		}
		if perr != nil {
			return nil, fmt.Errorf("entity: %s:%d: %v", name, line, perr)
		}
		p.sourceLine = name + ":" + strconv.Itoa(line)
		rules.patterns = append(rules.patterns, p)
	}
	return rules, nil
}

func parseJSONRule(b []byte) (pattern, error) {
	var jr jsonRule
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jr); err != nil {
		return pattern{}, fmt.Errorf("invalid rule: %v", err)
	}
	var p pattern
	var err error
	if p.label, err = gazetteer.ParseType(jr.Label); err != nil {
		return p, err
	}
	p.id, p.name = jr.ID, jr.Name
	for _, raw := range jr.Pattern {
		var word string
		if json.Unmarshal(raw, &word) == nil {
			p.toks = append(p.toks, tokenTest{text: word})
			continue
		}
		var jt jsonTest
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&jt); err != nil {
			return p, fmt.Errorf("invalid pattern element %s: %v", raw, err)
		}
		tt := tokenTest{text: jt.Text, lower: jt.Lower, stem: jt.Stem, shape: jt.Shape, gaz: strings.ToUpper(jt.Gaz)}
		if jt.Upper != nil {
			tt.upper = -1
			if *jt.Upper {
				tt.upper = 1
			}
		}
		if len(jt.In) > 0 {
			tt.in = map[string]bool{}
			for _, w := range jt.In {
				tt.in[w] = true
			}
		}
		if err := setOp(&tt, jt.Op); err != nil {
			return p, err
		}
		p.toks = append(p.toks, tt)
	}
	if len(jr.Span) != 0 && len(jr.Span) != 2 {
		return p, fmt.Errorf("span must be [from, to]")
	}
	if len(jr.Span) == 2 {
		p.spanFrom, p.spanTo = jr.Span[0], jr.Span[1]
	}
	return p, p.check()
}

func setOp(tt *tokenTest, op string) error {
	switch op {
	case "":
	case "?", "+", "*":
		tt.op = op[0]
	default:
		return fmt.Errorf("unknown op %q (want ?, + or *)", op)
	}
	return nil
}

func parseTSVRule(s string) (pattern, error) {
	f := strings.Split(s, "\t")
	var p pattern
	if len(f) < 2 {
		return p, fmt.Errorf("want label<TAB>pattern[<TAB>id[<TAB>span]]")
	}
	var err error
	if p.label, err = gazetteer.ParseType(f[0]); err != nil {
		return p, err
	}
	if len(f) > 2 {
		p.id = f[2]
	}
	if len(f) > 3 && f[3] != "" {
		a, b, ok := strings.Cut(f[3], "-")
		from, e1 := strconv.Atoi(a)
		to, e2 := strconv.Atoi(b)
		if !ok || e1 != nil || e2 != nil {
			return p, fmt.Errorf("bad span %q (want from-to)", f[3])
		}
		p.spanFrom, p.spanTo = from, to
	}
	for _, el := range strings.Fields(f[1]) {
		var tt tokenTest
		if n := len(el); n > 1 && strings.ContainsRune("?+*", rune(el[n-1])) {
			tt.op = el[n-1]
			el = el[:n-1]
		}
		if !strings.Contains(el, ":") {
			tt.text = el
			p.toks = append(p.toks, tt)
			continue
		}
		for _, test := range strings.Split(el, "&") {
			k, v, ok := strings.Cut(test, ":")
			if !ok {
				return p, fmt.Errorf("bad test %q (want attr:value)", test)
			}
			switch k {
			case "text":
				tt.text = v
			case "lower":
				tt.lower = v
			case "stem":
				tt.stem = v
			case "shape":
				tt.shape = v
			case "gaz":
				tt.gaz = strings.ToUpper(v)
			case "upper":
				b, err := strconv.ParseBool(v)
				if err != nil {
					return p, fmt.Errorf("bad upper %q", v)
				}
				tt.upper = -1
				if b {
					tt.upper = 1
				}
			case "in":
				tt.in = map[string]bool{}
				for _, w := range strings.Split(v, "|") {
					tt.in[w] = true
				}
			default:
				return p, fmt.Errorf("unknown attribute %q", k)
			}
		}
		p.toks = append(p.toks, tt)
	}
	return p, p.check()
}

func (p *pattern) check() error {
	if len(p.toks) == 0 {
		return fmt.Errorf("empty pattern")
	}
	if p.spanTo == 0 && p.spanFrom == 0 {
		p.spanTo = len(p.toks)
	}
	if p.spanFrom < 0 || p.spanTo > len(p.toks) || p.spanFrom >= p.spanTo {
		return fmt.Errorf("span [%d,%d) outside pattern of %d elements", p.spanFrom, p.spanTo, len(p.toks))
	}
	for _, t := range p.toks {
		switch t.gaz {
		case "", "PER", "LOC", "ORG", "OTH", "ANY":
		default:
			return fmt.Errorf("unknown gaz type %q", t.gaz)
		}
	}
	return nil
}

// shape returns the token shape: X upper, x lower, d digit, other runes as
// they are, runs of the same class collapsed (Putin → Xx, NATO → X, 2022 → d).
func shape(w string, buf []byte) []byte {
	buf = buf[:0]
	var last rune = -1
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			buf = utf8.AppendRune(buf, c)
			last = c
		}
	}
	return buf
}

// test reports whether token i passes t.
func (t *tokenTest) test(x *Extractor, i int, s *scratch) bool {
	tok := &s.toks[i]
	if t.text != "" && tok.Text != t.text {
		return false
	}
	if t.in != nil && !t.in[tok.Text] {
		return false
	}
	if t.upper == 1 && tok.Flags&tokenize.Upper == 0 || t.upper == -1 && tok.Flags&tokenize.Upper != 0 {
		return false
	}
	if t.lower != "" {
		s.buf = lowerAll(tok.Text, s.buf)
		if string(s.buf) != t.lower {
			return false
		}
	}
	if t.shape != "" {
		s.buf = shape(tok.Text, s.buf)
		if string(s.buf) != t.shape {
			return false
		}
	}
	if t.stem != "" && german.Stem(tok.Text) != t.stem {
		return false
	}
	if t.gaz != "" {
		id := s.owner[i]
		if id == 0 {
			return false
		}
		if sp := &s.spans[id-1]; t.gaz != "ANY" && sp.typ.String() != t.gaz {
			return false
		}
	}
	return true
}

// match tries to match the pattern at token i. It returns the token index
// where each element starts (len(toks)+1 entries) and whether it matched.
func (p *pattern) match(x *Extractor, i int, s *scratch, at []int) ([]int, bool) {
	at = append(at[:0], i)
	var rec func(el, pos int) bool
	rec = func(el, pos int) bool {
		if el == len(p.toks) {
			return true
		}
		t := &p.toks[el]
		minN, maxN := 1, 1
		switch t.op {
		case '?':
			minN, maxN = 0, 1
		case '+':
			minN, maxN = 1, 8
		case '*':
			minN, maxN = 0, 8
		}
		n := 0
		for n < maxN && pos+n < len(s.toks) && t.test(x, pos+n, s) {
			n++
		}
		for ; n >= minN; n-- { // greedy, then back off
			at = append(at[:el+1], pos+n)
			if rec(el+1, pos+n) {
				return true
			}
		}
		return false
	}
	ok := rec(0, i)
	return at, ok
}

// apply runs the user patterns over the text. Their mentions replace
// gazetteer mentions they overlap.
func (r *Rules) apply(x *Extractor, text string, s *scratch) {
	var at []int
	for i := 0; i < len(s.toks); i++ {
		for pi := range r.patterns {
			p := &r.patterns[pi]
			var ok bool
			at, ok = p.match(x, i, s, at)
			if !ok {
				continue
			}
			from, to := at[p.spanFrom], at[p.spanTo]
			if from >= to {
				continue
			}
			x.claim(from, to, s)
			sp := span{
				first: from, last: to, start: s.toks[from].Start, end: s.toks[to-1].End,
				typ: p.label, form: FormName, src: SourceRule, score: 0.9,
			}
			if p.id != "" {
				sp.entry = &gazetteer.Entry{ID: p.id, Name: p.name, Type: p.label, Prior: 1}
				if sp.entry.Name == "" {
					sp.entry.Name = text[sp.start:sp.end]
				}
			}
			if s.add(sp) && at[len(p.toks)] > i {
				i = at[len(p.toks)] - 1
				break
			}
		}
	}
}
