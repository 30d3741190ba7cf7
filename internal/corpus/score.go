package corpus

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// ScoreOptions configure [Score].
type ScoreOptions struct {
	// Types restricts the base types (default PER, LOC, ORG, OTH, when nil
	// or empty): gold spans and predictions of other base types are ignored
	// in every metric. Entries should be base types.
	Types []string
	// Subset is "all" (or ""), "news" (sentences for which IsWiki is false)
	// or "wiki".
	Subset string
	// Errors asks for the list of base4 errors in Result.Errors.
	Errors bool
}

// PRF holds counts and precision, recall and F1 of one metric.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	p.Precision, p.Recall, p.F1 = prf(p.TP, p.TP+p.FP, p.TP, p.TP+p.FN)
}

// prf computes precision pOK/pN and recall rOK/rN (0 when the denominator
// is 0) and their harmonic mean, with nerscore.py's arithmetic.
func prf(pOK, pN, rOK, rN int) (p, r, f float64) {
	if pN > 0 {
		p = float64(pOK) / float64(pN)
	}
	if rN > 0 {
		r = float64(rOK) / float64(rN)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Overlap is the lenient typed-overlap metric over base4 spans: a prediction
// is correct if its byte span overlaps a gold span of the same type, a gold
// span is found if some prediction of the same type overlaps it.
type Overlap struct {
	PredCorrect int     `json:"pred_correct"`
	Pred        int     `json:"pred"`
	GoldFound   int     `json:"gold_found"`
	Gold        int     `json:"gold"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
}

// Stats are the counts nerscore.py reports besides the metrics.
type Stats struct {
	Subset          string `json:"subset"`
	Sentences       int    `json:"sentences"`
	Tokens          int    `json:"tokens"`
	GoldSpans       int    `json:"gold_spans"`        // outer gold spans of the scored types
	GoldBase        int    `json:"gold_base"`         // those with form name
	PredEntities    int    `json:"pred_entities"`     // all predictions, duplicates included
	PredUnaligned   int    `json:"pred_unaligned"`    // not on token boundaries
	PredDerivPart   int    `json:"pred_derivpart"`    // form deriv/part (not in base4)
	PredUnknownType int    `json:"pred_unknown_type"` // type or form not known
	PredIgnoredType int    `json:"pred_ignored_type"` // base type outside ScoreOptions.Types
	PredDuplicates  int    `json:"pred_duplicates"`
	TextMismatch    int    `json:"text_mismatch"` // always 0 here (kept for nerscore's JSON)
	IDMismatch      int    `json:"id_mismatch"`   // always 0 here
}

// ScoreError is one base4 error: a missed gold span (FN), a wrong prediction
// (FP) or a prediction not on token boundaries (FP-unaligned).
type ScoreError struct {
	Kind     string // FN, FP or FP-unaligned
	Sentence int    // index into the gold sentences
	Text     string // covered text
	Type     string
}

// Result holds all metrics of [Score]. Its JSON form has the same keys as
// nerscore.py's --json output.
type Result struct {
	Types        []string       `json:"types"`
	Stats        Stats          `json:"stats"`
	Base4        PRF            `json:"base4"`
	Full12       PRF            `json:"full12"`
	PerType      map[string]PRF `json:"per_type"`
	TypedOverlap Overlap        `json:"typed_overlap"`
	Errors       []ScoreError   `json:"-"`
}

func isBaseType(t string) bool { return slices.Contains(BaseTypes, t) }
func isForm(f string) bool     { return slices.Contains(Forms, f) }

// predKey identifies a prediction after alignment. kind 'a' (aligned):
// a, b are token indices [a, b); kind 'b' (unaligned) and 'x' (unknown
// type or form): a, b are byte offsets.
type predKey struct {
	kind      byte
	a, b      int
	typ, form string
}

type baseKey struct {
	kind byte
	a, b int
	typ  string
}

// Score scores predicted spans against the outer gold spans of gold, with
// exactly the metrics of shared/tools/nerscore.py:
//
//   - base4: strict span+type match; gold spans and predictions with form
//     deriv or part are removed.
//   - full12: span, type and form must match.
//   - per-type: base4 for each type.
//   - typed-overlap: lenient base4 (byte spans overlap, same type).
//
// pred[i] are the predictions for gold[i] (byte offsets into gold[i].Text());
// a missing pred[i] means no predictions. A prediction whose offsets are not
// whole-token boundaries counts as a false positive in base4, full12 and
// per-type (it may count in typed-overlap). Duplicates (same span, type and
// form) are counted once. A prediction whose type is not a base type, or
// whose form is not name/deriv/part, is a false positive in full12 only.
// An empty Form means "name".
func Score(gold []Sentence, pred [][]Span, opts ScoreOptions) Result {
	types := opts.Types
	if len(types) == 0 {
		types = BaseTypes
	}
	types = slices.Clone(types)
	subset := opts.Subset
	if subset == "" {
		subset = "all"
	}
	inTypes := func(t string) bool { return slices.Contains(types, t) }
	res := Result{Types: types, PerType: make(map[string]PRF, len(types))}
	st := &res.Stats
	st.Subset = subset
	var base, full PRF
	perType := make(map[string]*PRF, len(types))
	for _, t := range types {
		perType[t] = &PRF{}
	}
	var ov Overlap

	var pFull []predKey
	var gFull []predKey // kind 'a'
	var pBase, gBase []baseKey
	type bspan struct {
		s, e int
		typ  string
	}
	var pBytes, gBytes []bspan

	for si := range gold {
		s := &gold[si]
		switch subset {
		case "wiki":
			if !s.IsWiki() {
				continue
			}
		case "news":
			if s.IsWiki() {
				continue
			}
		}
		st.Sentences++
		st.Tokens += len(s.Tokens)
		tb := s.TokenSpans()
		text := ""
		if opts.Errors {
			text = s.Text()
		}

		// gold sets
		gFull, gBase = gFull[:0], gBase[:0]
		for _, ts := range bioSpans(s.Outer) {
			if ts.end > len(tb) {
				break
			}
			typ, form := SplitLabel(ts.label)
			if !inTypes(typ) {
				continue
			}
			k := predKey{kind: 'a', a: ts.start, b: ts.end, typ: typ, form: form}
			if !slices.Contains(gFull, k) {
				gFull = append(gFull, k)
			}
			if form == "name" {
				bk := baseKey{kind: 'a', a: ts.start, b: ts.end, typ: typ}
				if !slices.Contains(gBase, bk) {
					gBase = append(gBase, bk)
				}
			}
		}
		st.GoldSpans += len(gFull)
		st.GoldBase += len(gBase)

		// predictions
		pFull = pFull[:0]
		if si < len(pred) {
			for _, e := range pred[si] {
				form := e.Form
				if form == "" {
					form = "name"
				}
				st.PredEntities++
				var k predKey
				startTok, endTok := lastIndexStart(tb, e.Start), lastIndexEnd(tb, e.End)
				switch {
				case !isBaseType(e.Type) || !isForm(form):
					st.PredUnknownType++
					k = predKey{kind: 'x', a: e.Start, b: e.End, typ: e.Type, form: form}
				case !inTypes(e.Type):
					st.PredIgnoredType++
					continue
				case startTok >= 0 && endTok >= 0 && startTok <= endTok:
					k = predKey{kind: 'a', a: startTok, b: endTok + 1, typ: e.Type, form: form}
				default:
					st.PredUnaligned++
					k = predKey{kind: 'b', a: e.Start, b: e.End, typ: e.Type, form: form}
				}
				if idx := slices.IndexFunc(pFull, func(x predKey) bool { return samePred(x, k) }); idx >= 0 {
					st.PredDuplicates++
					continue
				}
				pFull = append(pFull, k)
			}
		}

		// full12
		tp := 0
		for _, k := range pFull {
			if k.kind == 'a' && slices.ContainsFunc(gFull, func(g predKey) bool { return samePred(g, k) }) {
				tp++
			}
		}
		full.TP += tp
		full.FP += len(pFull) - tp
		full.FN += len(gFull) - tp

		// base4
		pBase, pBytes = pBase[:0], pBytes[:0]
		for _, k := range pFull {
			if k.kind == 'x' {
				continue
			}
			if k.form != "name" {
				st.PredDerivPart++
				continue
			}
			pBase = append(pBase, baseKey{kind: k.kind, a: k.a, b: k.b, typ: k.typ})
			if k.kind == 'b' {
				pBytes = append(pBytes, bspan{k.a, k.b, k.typ})
			} else {
				pBytes = append(pBytes, bspan{tb[k.a].Start, tb[k.b-1].End, k.typ})
			}
		}
		tp = 0
		for _, k := range pBase {
			if slices.Contains(gBase, k) {
				tp++
			}
		}
		base.TP += tp
		base.FP += len(pBase) - tp
		base.FN += len(gBase) - tp
		for _, t := range types {
			ng, np, ntp := 0, 0, 0
			for _, g := range gBase {
				if g.typ == t {
					ng++
				}
			}
			for _, k := range pBase {
				if k.typ == t {
					np++
					if slices.Contains(gBase, k) {
						ntp++
					}
				}
			}
			pt := perType[t]
			pt.TP += ntp
			pt.FP += np - ntp
			pt.FN += ng - ntp
		}

		// typed overlap
		gBytes = gBytes[:0]
		for _, g := range gBase {
			gBytes = append(gBytes, bspan{tb[g.a].Start, tb[g.b-1].End, g.typ})
		}
		for _, p := range pBytes {
			ov.Pred++
			for _, g := range gBytes {
				if p.typ == g.typ && p.s < g.e && g.s < p.e {
					ov.PredCorrect++
					break
				}
			}
		}
		for _, g := range gBytes {
			ov.Gold++
			for _, p := range pBytes {
				if p.typ == g.typ && p.s < g.e && g.s < p.e {
					ov.GoldFound++
					break
				}
			}
		}

		if opts.Errors {
			for _, g := range gBase {
				if !slices.Contains(pBase, g) {
					res.Errors = append(res.Errors, ScoreError{"FN", si, text[tb[g.a].Start:tb[g.b-1].End], g.typ})
				}
			}
			for _, k := range pBase {
				if slices.Contains(gBase, k) {
					continue
				}
				if k.kind == 'b' {
					res.Errors = append(res.Errors, ScoreError{"FP-unaligned", si, safeSlice(text, k.a, k.b), k.typ})
				} else {
					res.Errors = append(res.Errors, ScoreError{"FP", si, text[tb[k.a].Start:tb[k.b-1].End], k.typ})
				}
			}
		}
	}

	base.finish()
	full.finish()
	res.Base4, res.Full12 = base, full
	for t, p := range perType {
		p.finish()
		res.PerType[t] = *p
	}
	ov.Precision, ov.Recall, ov.F1 = prf(ov.PredCorrect, ov.Pred, ov.GoldFound, ov.Gold)
	res.TypedOverlap = ov
	return res
}

// samePred reports whether two predictions have the same key in nerscore's
// p_full set.
func samePred(x, y predKey) bool {
	return x.kind == y.kind && x.a == y.a && x.b == y.b && x.typ == y.typ && x.form == y.form
}

// lastIndexStart returns the index of the last token starting at byte b, or
// -1 (nerscore builds a dict, so the last token wins for empty tokens).
func lastIndexStart(tb []Span, b int) int {
	for i := len(tb) - 1; i >= 0; i-- {
		if tb[i].Start == b {
			return i
		}
	}
	return -1
}

// lastIndexEnd returns the index of the last token ending at byte b, or -1.
func lastIndexEnd(tb []Span, b int) int {
	for i := len(tb) - 1; i >= 0; i-- {
		if tb[i].End == b {
			return i
		}
	}
	return -1
}

// safeSlice returns text[a:b] clamped to valid bounds.
func safeSlice(text string, a, b int) string {
	a = max(0, min(a, len(text)))
	b = max(a, min(b, len(text)))
	return strings.ToValidUTF8(text[a:b], "\uFFFD")
}

// WriteTable prints the result as the table nerscore.py prints, ending with
// the line "base4 F1=0.xxxx".
func (r *Result) WriteTable(w io.Writer) error {
	var b strings.Builder
	st := r.Stats
	if st.Subset != "" && st.Subset != "all" {
		fmt.Fprintf(&b, "subset=%s ", st.Subset)
	}
	fmt.Fprintf(&b, "sentences=%d tokens=%d gold_outer_spans=%d (base=%d) pred_entities=%d "+
		"unaligned=%d deriv/part=%d unknown_type=%d ignored_type=%d dups=%d\n",
		st.Sentences, st.Tokens, st.GoldSpans, st.GoldBase, st.PredEntities,
		st.PredUnaligned, st.PredDerivPart, st.PredUnknownType, st.PredIgnoredType, st.PredDuplicates)
	fmt.Fprintf(&b, "%-14s %6s %6s %6s %7s %7s %7s\n", "metric", "tp", "fp", "fn", "prec", "rec", "f1")
	row := func(name string, d PRF) {
		fmt.Fprintf(&b, "%-14s %6d %6d %6d %7.4f %7.4f %7.4f\n", name, d.TP, d.FP, d.FN, d.Precision, d.Recall, d.F1)
	}
	row("base4", r.Base4)
	for _, t := range r.Types {
		row("  "+t, r.PerType[t])
	}
	row("full12", r.Full12)
	o := r.TypedOverlap
	fmt.Fprintf(&b, "%-14s %6s %6s %6s %7.4f %7.4f %7.4f   (pred ok %d/%d, gold found %d/%d)\n",
		"typed-overlap", "-", "-", "-", o.Precision, o.Recall, o.F1, o.PredCorrect, o.Pred, o.GoldFound, o.Gold)
	fmt.Fprintf(&b, "base4 F1=%.4f\n", r.Base4.F1)
	_, err := io.WriteString(w, b.String())
	return err
}
