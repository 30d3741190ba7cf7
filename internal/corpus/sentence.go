package corpus

import "strings"

// BaseTypes are the four GermEval base entity types, in the order the scorer
// reports them.
var BaseTypes = []string{"PER", "LOC", "ORG", "OTH"}

// Forms are the mention forms: the name itself, a word derived from a name
// (deutsche → LOCderiv) or a name inside a token (EU-weit → ORGpart).
var Forms = []string{"name", "deriv", "part"}

// Sentence is one annotated sentence.
//
// Outer and Inner hold one BIO tag per token (O, B-X, I-X, where X is a base
// type optionally suffixed "deriv" or "part", e.g. B-LOCderiv). Inner holds
// the nested level of GermEval; readers of corpora without nesting fill it
// with "O".
type Sentence struct {
	Source string // source URL or document id ("" when the corpus has none)
	Tokens []string
	Outer  []string
	Inner  []string
}

// Span is an entity span. Start and End are UTF-8 byte offsets into
// [Sentence.Text], end exclusive.
type Span struct {
	Start, End int
	Type       string // PER, LOC, ORG, OTH (other strings are unknown types)
	Form       string // name, deriv or part; "" means name
}

// Text returns the tokens joined by single spaces.
func (s Sentence) Text() string { return strings.Join(s.Tokens, " ") }

// TokenSpans returns the byte span [Start, End) of every token in Text().
// Type and Form are empty.
func (s Sentence) TokenSpans() []Span {
	out := make([]Span, len(s.Tokens))
	pos := 0
	for i, t := range s.Tokens {
		if i > 0 {
			pos++
		}
		out[i] = Span{Start: pos, End: pos + len(t)}
		pos += len(t)
	}
	return out
}

// IsWiki reports whether the sentence comes from Wikipedia (its source
// contains "wikipedia.org"). The scorer's news subset is !IsWiki().
func (s Sentence) IsWiki() bool { return strings.Contains(s.Source, "wikipedia.org") }

// GoldSpans returns the entity spans of the outer (outer == true) or inner
// tag column, with Type the base type and Form name, deriv or part.
func (s Sentence) GoldSpans(outer bool) []Span {
	if outer {
		return s.Spans(s.Outer)
	}
	return s.Spans(s.Inner)
}

// Spans converts one BIO tag per token into byte spans in Text(), the way
// conlleval and nerscore.py do: an I-X that does not continue an X span opens
// a new span; any tag not starting with "B-" or "I-" is outside. A label with
// suffix "deriv" or "part" (LOCderiv) gives Type LOC and Form deriv.
// tags shorter than the sentence are treated as O for the missing tokens.
func (s Sentence) Spans(tags []string) []Span {
	toks := s.TokenSpans()
	var out []Span
	for _, ts := range bioSpans(tags) {
		if ts.end > len(toks) {
			break
		}
		typ, form := SplitLabel(ts.label)
		out = append(out, Span{Start: toks[ts.start].Start, End: toks[ts.end-1].End, Type: typ, Form: form})
	}
	return out
}

// SplitLabel splits an entity label into base type and form:
// "LOCderiv" → ("LOC", "deriv"), "PER" → ("PER", "name").
func SplitLabel(label string) (typ, form string) {
	for _, suf := range [...]string{"deriv", "part"} {
		if strings.HasSuffix(label, suf) && len(label) > len(suf) {
			return label[:len(label)-len(suf)], suf
		}
	}
	return label, "name"
}

// tokSpan is a span over token indices [start, end).
type tokSpan struct {
	start, end int
	label      string
}

// bioSpans mirrors nerscore.py's bio_spans.
func bioSpans(tags []string) []tokSpan {
	var spans []tokSpan
	open := false
	var cur tokSpan
	for i, t := range tags {
		isB := strings.HasPrefix(t, "B-")
		isI := strings.HasPrefix(t, "I-")
		switch {
		case isB || (isI && (!open || cur.label != t[2:])):
			if open {
				cur.end = i
				spans = append(spans, cur)
			}
			cur = tokSpan{start: i, label: t[2:]}
			open = true
		case isI:
			// continues cur
		default:
			if open {
				cur.end = i
				spans = append(spans, cur)
			}
			open = false
		}
	}
	if open {
		cur.end = len(tags)
		spans = append(spans, cur)
	}
	return spans
}
