package corpus

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Paths of the shared tools and data, relative to this package directory
// (the repository's ../shared).
const (
	sharedDir   = "../../../shared"
	nerscorePy  = sharedDir + "/tools/nerscore.py"
	germEvalDev = sharedDir + "/data/germeval2014/NER-de-dev.tsv"
)

// needNerscore skips the test when python3 or nerscore.py is missing.
func needNerscore(t *testing.T) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: skipping the comparison with nerscore.py")
	}
	if _, err := os.Stat(nerscorePy); err != nil {
		t.Skipf("%s not found (../shared absent): skipping the comparison with nerscore.py", nerscorePy)
	}
	return py
}

// runNerscore scores predFile against goldFile with nerscore.py and returns
// its parsed JSON result and its printed report.
func runNerscore(t *testing.T, py, goldFile, predFile string, args ...string) (Result, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.json")
	argv := append([]string{nerscorePy, goldFile, predFile, "--json", out}, args...)
	cmd := exec.Command(py, argv...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("nerscore.py %v: %v\n%s", args, err, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res Result
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("parsing nerscore JSON: %v", err)
	}
	return res, stdout.String()
}

// compareResults checks every metric of got against want (floats to 1e-9).
func compareResults(t *testing.T, label string, got, want Result) {
	t.Helper()
	if !reflect.DeepEqual(got.Types, want.Types) {
		t.Errorf("%s: types %v, nerscore %v", label, got.Types, want.Types)
	}
	if got.Stats != want.Stats {
		t.Errorf("%s: stats\n got  %+v\n want %+v", label, got.Stats, want.Stats)
	}
	cmp := func(name string, g, w PRF) {
		if g.TP != w.TP || g.FP != w.FP || g.FN != w.FN ||
			math.Abs(g.Precision-w.Precision) > 1e-9 || math.Abs(g.Recall-w.Recall) > 1e-9 ||
			math.Abs(g.F1-w.F1) > 1e-9 {
			t.Errorf("%s: %s\n got  %+v\n want %+v", label, name, g, w)
		}
	}
	cmp("base4", got.Base4, want.Base4)
	cmp("full12", got.Full12, want.Full12)
	if len(got.PerType) != len(want.PerType) {
		t.Errorf("%s: per_type has %d types, nerscore %d", label, len(got.PerType), len(want.PerType))
	}
	for ty, w := range want.PerType {
		cmp("per_type "+ty, got.PerType[ty], w)
	}
	g, w := got.TypedOverlap, want.TypedOverlap
	if g.PredCorrect != w.PredCorrect || g.Pred != w.Pred || g.GoldFound != w.GoldFound || g.Gold != w.Gold ||
		math.Abs(g.Precision-w.Precision) > 1e-9 || math.Abs(g.Recall-w.Recall) > 1e-9 ||
		math.Abs(g.F1-w.F1) > 1e-9 {
		t.Errorf("%s: typed_overlap\n got  %+v\n want %+v", label, g, w)
	}
}

// noisyPredictions derives deliberately noisy predictions from the gold
// annotation: dropped, retyped, re-formed, widened, unaligned, duplicated
// spans, inner spans, unknown types and forms, reversed, negative and
// out-of-range offsets, and random extra spans.
func noisyPredictions(sents []Sentence, seed uint64) [][]Span {
	rng := rand.New(rand.NewPCG(seed, 7))
	types := []string{"PER", "LOC", "ORG", "OTH", "MISC", "per", ""}
	forms := []string{"", "name", "deriv", "part", "foo", "Name"}
	out := make([][]Span, len(sents))
	for i, s := range sents {
		tb := s.TokenSpans()
		n := len(tb)
		textLen := tb[n-1].End
		var ps []Span
		for _, g := range s.GoldSpans(true) {
			r := rng.Float64()
			switch {
			case r < 0.45:
				if g.Form == "name" && rng.IntN(3) == 0 {
					g.Form = "" // "" means name
				}
				ps = append(ps, g)
			case r < 0.55:
				g.Type = types[rng.IntN(4)]
				ps = append(ps, g)
			case r < 0.62:
				g.Form = forms[rng.IntN(len(forms))]
				ps = append(ps, g)
			case r < 0.70: // widen to the next token end
				for k := range tb {
					if tb[k].End == g.End && k+1 < n {
						g.End = tb[k+1].End
						break
					}
				}
				ps = append(ps, g)
			case r < 0.76: // unaligned start: one byte in
				if g.End-g.Start > 1 {
					g.Start++
				}
				ps = append(ps, g)
			case r < 0.80: // unaligned end
				g.End--
				ps = append(ps, g)
			default: // dropped
			}
			if len(ps) > 0 && rng.IntN(5) == 0 {
				ps = append(ps, ps[len(ps)-1]) // duplicate
			}
		}
		for _, g := range s.GoldSpans(false) {
			if rng.IntN(2) == 0 {
				ps = append(ps, g)
			}
		}
		extra := rng.IntN(3)
		for range extra {
			a := rng.IntN(n)
			b := min(n-1, a+rng.IntN(3))
			sp := Span{Start: tb[a].Start, End: tb[b].End, Type: types[rng.IntN(len(types))], Form: forms[rng.IntN(len(forms))]}
			switch rng.IntN(10) {
			case 0:
				sp.Start, sp.End = tb[b].Start, tb[a].End // reversed tokens
			case 1:
				sp.Start = -1
			case 2:
				sp.End = textLen + 5
			case 3:
				sp.End = sp.Start // empty
			case 4:
				sp.Start, sp.End = sp.Start+1, sp.End+1
			}
			ps = append(ps, sp)
		}
		if rng.IntN(4) == 0 {
			rng.Shuffle(len(ps), func(a, b int) { ps[a], ps[b] = ps[b], ps[a] })
		}
		out[i] = ps
	}
	return out
}

// optionSets are the nerscore.py option combinations compared.
var optionSets = []struct {
	args []string
	opts ScoreOptions
}{
	{nil, ScoreOptions{}},
	{[]string{"--types", "PER,LOC,ORG"}, ScoreOptions{Types: []string{"PER", "LOC", "ORG"}}},
	{[]string{"--types", "OTH,PER"}, ScoreOptions{Types: []string{"OTH", "PER"}}},
	{[]string{"--subset", "news"}, ScoreOptions{Subset: "news"}},
	{[]string{"--subset", "wiki"}, ScoreOptions{Subset: "wiki"}},
	{[]string{"--subset", "wiki", "--types", "LOC"}, ScoreOptions{Subset: "wiki", Types: []string{"LOC"}}},
}

// compareWithNerscore writes preds as JSONL, scores them with nerscore.py
// and Score under every option set, and compares metrics and printed tables.
func compareWithNerscore(t *testing.T, py, goldFile string, gold []Sentence, preds [][]Span, label string) {
	t.Helper()
	predFile := filepath.Join(t.TempDir(), "pred.jsonl")
	var buf bytes.Buffer
	if err := WritePredJSONL(&buf, gold, preds); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(predFile, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, o := range optionSets {
		name := label + " " + strings.Join(o.args, " ")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, wantTable := runNerscore(t, py, goldFile, predFile, o.args...)
			got := Score(gold, preds, o.opts)
			compareResults(t, name, got, want)
			var tb strings.Builder
			if err := got.WriteTable(&tb); err != nil {
				t.Fatal(err)
			}
			if tb.String() != wantTable {
				t.Errorf("%s: table differs\n got:\n%s\n nerscore:\n%s", name, tb.String(), wantTable)
			}
		})
	}
}

func readFile(t *testing.T, path string, read func(r *os.File, name string) ([]Sentence, error)) []Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readGermEvalFile(r *os.File, name string) ([]Sentence, error) { return ReadGermEval(r, name) }

func goldPreds(sents []Sentence) [][]Span {
	out := make([][]Span, len(sents))
	for i, s := range sents {
		out[i] = s.GoldSpans(true)
	}
	return out
}

func TestScoreMatchesNerscoreTricky(t *testing.T) {
	py := needNerscore(t)
	const gold = "testdata/tricky.tsv"
	sents := readFile(t, gold, readGermEvalFile)
	compareWithNerscore(t, py, gold, sents, goldPreds(sents), "gold-as-pred")
	compareWithNerscore(t, py, gold, sents, make([][]Span, len(sents)), "empty")
	for seed := uint64(1); seed <= 4; seed++ {
		compareWithNerscore(t, py, gold, sents, noisyPredictions(sents, seed), "noisy")
	}
}

func TestScoreMatchesNerscoreDev(t *testing.T) {
	py := needNerscore(t)
	if _, err := os.Stat(germEvalDev); err != nil {
		t.Skipf("%s not found (../shared absent)", germEvalDev)
	}
	sents := readFile(t, germEvalDev, readGermEvalFile)
	// nerscore's own gold-as-pred must agree with our gold spans.
	out, err := exec.Command(py, nerscorePy, "--gold-as-pred", germEvalDev).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(sents) {
		t.Fatalf("nerscore --gold-as-pred: %d lines, %d sentences", len(lines), len(sents))
	}
	for i, l := range lines {
		var p predLine
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatal(err)
		}
		if p.Text != sents[i].Text() {
			t.Fatalf("sentence %d: text %q, nerscore %q", i, sents[i].Text(), p.Text)
		}
		gs := sents[i].GoldSpans(true)
		if len(gs) != len(p.Entities) {
			t.Fatalf("sentence %d: %d gold spans, nerscore %d", i, len(gs), len(p.Entities))
		}
		for k, e := range p.Entities {
			if Span(e) != gs[k] {
				t.Fatalf("sentence %d span %d: %+v, nerscore %+v", i, k, gs[k], e)
			}
		}
	}
	gp := goldPreds(sents)
	res := Score(sents, gp, ScoreOptions{})
	if res.Base4.F1 != 1 || res.Full12.F1 != 1 || res.Base4.TP != 2239 {
		t.Errorf("gold-as-pred: base4 %+v full12 %+v", res.Base4, res.Full12)
	}
	compareWithNerscore(t, py, germEvalDev, sents, gp, "dev gold-as-pred")
	compareWithNerscore(t, py, germEvalDev, sents, noisyPredictions(sents, 42), "dev noisy")
}
