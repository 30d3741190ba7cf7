package tagger

import (
	"bytes"
	"compress/gzip"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// bruteForce returns the best label sequence over all sequences that obey
// allowed (and mask, if not nil), by enumeration.
func bruteForce(em []int64, n, nl int, trans, final []int64, allowed []bool, mask []uint64) ([]int, int64) {
	best := int64(negInf)
	var bestSeq []int
	cur := make([]int, n)
	var rec func(i int, score int64)
	rec = func(i int, score int64) {
		if i == n {
			score += final[cur[n-1]]
			if score > best {
				best = score
				bestSeq = append([]int(nil), cur...)
			}
			return
		}
		prev := nl
		if i > 0 {
			prev = cur[i-1]
		}
		for y := 0; y < nl; y++ {
			if !allowed[prev*nl+y] || (mask != nil && mask[i]&(1<<y) == 0) {
				continue
			}
			cur[i] = y
			rec(i+1, score+trans[prev*nl+y]+em[i*nl+y])
		}
	}
	rec(0, 0)
	return bestSeq, best
}

func pathScore(seq []int, em []int64, nl int, trans, final []int64) int64 {
	s := int64(0)
	prev := nl
	for i, y := range seq {
		s += trans[prev*nl+y] + em[i*nl+y]
		prev = y
	}
	return s + final[prev]
}

// decodingSetup returns, for a randomised decoder test over the given
// types, the number of BIO labels, their constraint, a generator seeded
// with seed and a source of scores in [-1000, 1000] drawn from it.
func decodingSetup(types []string, seed uint64) (nl int, allowed []bool, rng *pcg, rnd func() int64) {
	labels := labelsFor(types)
	rng = newPCG(seed)
	return len(labels), allowedMatrix(labels), rng, func() int64 { return int64(rng.next()%2001) - 1000 }
}

// randScores returns n scores drawn from rnd.
func randScores(rnd func() int64, n int) []int64 {
	v := make([]int64, n)
	for i := range v {
		v[i] = rnd()
	}
	return v
}

// boostLeaders adds by to one random label's score at every token of em
// (n tokens, nl labels): a clear leader, as O is in real text, for the
// decoder's shortcut.
func boostLeaders(em []int64, n, nl int, rng *pcg, by int64) {
	for i := 0; i < n; i++ {
		em[i*nl+int(rng.next()%uint32(nl))] += by
	}
}

// checkReusedMarginals decodes em and checks that Margins' max-marginals,
// which reuse the decoder's forward scores, equal alpha and beta, a full
// computation. It returns the decoder's plan.
func checkReusedMarginals(t *testing.T, trial int, em []int64, n, nl int, trans, final []int64, allowed []bool, alpha, beta []int64) *vplan {
	t.Helper()
	var dv decoder
	dv.viterbi(em, n, nl, trans, final, allowed, nil, make([]int, n))
	if a, b := dv.maxMarginalsPlan(&dv.plan, em, n, final, true); !slices.Equal(a, alpha) || !slices.Equal(b, beta) {
		t.Fatalf("trial %d: max-marginals after decoding differ:\n%v %v\n%v %v", trial, a, b, alpha, beta)
	}
	return &dv.plan
}

func TestViterbiMatchesBruteForce(t *testing.T) {
	nl, allowed, rng, rnd := decodingSetup([]string{"PER", "LOC"}, 3)
	for trial := 0; trial < 300; trial++ {
		n := 1 + trial%6
		em := randScores(rnd, n*nl)
		// Make I- labels attractive everywhere, to test the constraint.
		for i := 0; i < n; i++ {
			em[i*nl+2] += 800
			em[i*nl+4] += 800
		}
		// In half of the trials one label leads at each token by more than
		// any difference of transitions, as O does in real text (the
		// decoder's shortcut for a clear leader).
		if trial%2 == 1 {
			boostLeaders(em, n, nl, rng, 5000)
		}
		trans := randScores(rnd, (nl+1)*nl)
		final := randScores(rnd, nl)
		var mask []uint64
		if trial%3 == 0 {
			mask = make([]uint64, n)
			for i := range mask {
				mask[i] = 1 | uint64(rng.next())&(1<<nl-1) // O always allowed
			}
		}
		got := make([]int, n)
		var d decoder
		d.viterbi(em, n, nl, trans, final, allowed, mask, got)
		want, wantScore := bruteForce(em, n, nl, trans, final, allowed, mask)
		if s := pathScore(got, em, nl, trans, final); s != wantScore {
			t.Fatalf("trial %d: viterbi %v (score %d), brute force %v (score %d)", trial, got, s, want, wantScore)
		}
		prev := nl
		for i, y := range got {
			if !allowed[prev*nl+y] {
				t.Fatalf("trial %d: %v breaks the BIO constraint at %d", trial, got, i)
			}
			if mask != nil && mask[i]&(1<<y) == 0 {
				t.Fatalf("trial %d: %v breaks the mask at %d", trial, got, i)
			}
			prev = y
		}
	}
}

// plainViterbi is the textbook recursion over all allowed pairs, ties to
// the lower label index at every step: the reference for the decoder's
// choice among equally good sequences.
func plainViterbi(em []int64, n, nl int, trans, final []int64, allowed []bool, mask []uint64) []int {
	delta := make([]int64, n*nl)
	back := make([]int, n*nl)
	ok := func(i, y int) bool { return mask == nil || mask[i]&(1<<y) != 0 }
	for y := 0; y < nl; y++ {
		delta[y] = negInf
		if allowed[nl*nl+y] && ok(0, y) {
			delta[y] = trans[nl*nl+y] + em[y]
		}
	}
	for i := 1; i < n; i++ {
		for y := 0; y < nl; y++ {
			best, arg := int64(negInf), 0
			first := true
			for p := 0; p < nl; p++ {
				if !allowed[p*nl+y] {
					continue
				}
				if v := delta[(i-1)*nl+p] + trans[p*nl+y]; first || v > best {
					best, arg, first = v, p, false
				}
			}
			v := max(best+em[i*nl+y], negInf)
			if !ok(i, y) {
				v = negInf
			}
			delta[i*nl+y], back[i*nl+y] = v, arg
		}
	}
	out := make([]int, n)
	best, arg := delta[(n-1)*nl]+final[0], 0
	for y := 1; y < nl; y++ {
		if v := delta[(n-1)*nl+y] + final[y]; v > best {
			best, arg = v, y
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = back[i*nl+arg]
		out[i-1] = arg
	}
	return out
}

// TestViterbiTies: with scores from a small range, many sequences tie; the
// decoder must pick the same one as the textbook recursion.
func TestViterbiTies(t *testing.T) {
	// Three types, and four (the default model's, which has a decoder
	// step of its own).
	for _, types := range [][]string{{"PER", "LOC", "ORG"}, {"PER", "LOC", "ORG", "OTH"}} {
		testViterbiTies(t, types)
	}
}

func testViterbiTies(t *testing.T, types []string) {
	labels := labelsFor(types)
	nl := len(labels)
	allowed := allowedMatrix(labels)
	var pl vplan
	pl.build(nl, make([]int64, (nl+1)*nl), allowed)
	if pl.bio4 != (nl == 9) {
		t.Fatalf("%d labels: bio4 %v", nl, pl.bio4)
	}
	rng := newPCG(5)
	rnd := func() int64 { return int64(rng.next() % 3) }
	for trial := 0; trial < 2000; trial++ {
		n := 1 + trial%9
		em := randScores(rnd, n*nl)
		if trial%2 == 1 {
			boostLeaders(em, n, nl, rng, 10)
		}
		trans, final := randScores(rnd, (nl+1)*nl), randScores(rnd, nl)
		var mask []uint64
		if trial%3 == 0 {
			mask = make([]uint64, n)
			for i := range mask {
				mask[i] = 1 | uint64(rng.next())&(1<<nl-1)
			}
		}
		got := make([]int, n)
		var d decoder
		d.viterbi(em, n, nl, trans, final, allowed, mask, got)
		if want := plainViterbi(em, n, nl, trans, final, allowed, mask); !slices.Equal(got, want) {
			t.Fatalf("trial %d: viterbi %v, textbook %v", trial, got, want)
		}
	}
}

func TestAllowedMatrix(t *testing.T) {
	labels := labelsFor([]string{"PER", "LOC"}) // O B-PER I-PER B-LOC I-LOC
	a := allowedMatrix(labels)
	nl := len(labels)
	for _, c := range []struct {
		prev, cur int
		ok        bool
	}{
		{nl, 2, false}, {nl, 1, true}, {0, 2, false}, {1, 2, true}, {2, 2, true},
		{3, 2, false}, {4, 2, false}, {3, 4, true}, {2, 3, true}, {4, 0, true},
	} {
		if a[c.prev*nl+c.cur] != c.ok {
			t.Errorf("allowed %d→%d = %v, want %v", c.prev, c.cur, !c.ok, c.ok)
		}
	}
}

// tinyModel trains a small model on synthetic data (fast).
var tinyModel = sync.OnceValues(func() (*Model, error) {
	return Train(syntheticExamples(400, 1), TrainOptions{Epochs: 5, Seed: 7})
})

func TestTrainSmoke(t *testing.T) {
	start := time.Now()
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("training took %v", el)
	}
	// Held-out synthetic sentences (another seed): nearly all right.
	test := syntheticExamples(200, 99)
	right, total := 0, 0
	for _, ex := range test {
		got := m.TagStrings(ex.Seq)
		for i := range got {
			total++
			if got[i] == ex.Tags[i] {
				right++
			}
		}
	}
	if acc := float64(right) / float64(total); acc < 0.97 {
		t.Errorf("token accuracy %.3f on held-out synthetic data", acc)
	}
	got := m.TagStrings(NewSequence(strings.Fields("Morgen reist Olaf Scholz nach Wien , sagte die Nato .")))
	want := "O O B-PER I-PER O B-LOC O O O B-ORG O"
	if strings.Join(got, " ") != want {
		t.Errorf("tags %v, want %s", got, want)
	}
}

func TestDeterministicTraining(t *testing.T) {
	data := syntheticExamples(300, 5)
	for i := range data[:100] {
		data[i].Partial = []string{"OTH"}
	}
	var out [2]bytes.Buffer
	for k := range out {
		m, err := Train(data, TrainOptions{Epochs: 3, Seed: 11})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(&out[k]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatal("two trainings gave different model bytes")
	}
	m3, err := Train(data, TrainOptions{Epochs: 3, Seed: 12})
	if err != nil {
		t.Fatal(err)
	}
	var b3 bytes.Buffer
	m3.Save(&b3)
	if bytes.Equal(out[0].Bytes(), b3.Bytes()) {
		t.Error("another seed gave the same model")
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	var b1 bytes.Buffer
	if err := m.Save(&b1); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if err := m2.Save(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("Save(Load(Save(m))) differs from Save(m)")
	}
	if m2.NumFeatures() != m.NumFeatures() || strings.Join(m2.Labels(), " ") != strings.Join(m.Labels(), " ") {
		t.Fatal("loaded model differs")
	}
	for _, ex := range syntheticExamples(100, 42) {
		a, b := m.Tag(ex.Seq, nil), m2.Tag(ex.Seq, nil)
		if len(a) != len(b) {
			t.Fatal("different lengths")
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("tags differ after load: %v vs %v", a, b)
			}
		}
	}
	// The gzip-compressed form and a reader without ReadByte load too.
	for name, r := range map[string]io.Reader{"gzip": bytes.NewReader(gz(b1.Bytes())), "plain reader": io.MultiReader(bytes.NewReader(b1.Bytes()))} {
		m3, err := Load(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var b3 bytes.Buffer
		m3.Save(&b3)
		if !bytes.Equal(b1.Bytes(), b3.Bytes()) {
			t.Fatalf("%s: loaded model differs", name)
		}
	}
	if _, err := LoadFeatures(bytes.NewReader(b1.Bytes()), FeatureSet{Name: "other", Func: defaultFeatures}); err == nil ||
		!strings.Contains(err.Error(), "feature set") {
		t.Errorf("loading with another feature set: %v", err)
	}
}

func TestLoadCorrupt(t *testing.T) {
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	m.Save(&buf)
	good := buf.Bytes()
	// Every truncation of the file fails cleanly.
	for n := 0; n < len(good); n += 1 + n/50 {
		if _, err := Load(bytes.NewReader(good[:n])); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		} else if !strings.HasPrefix(err.Error(), "tagger: load: ") {
			t.Fatalf("error without prefix: %v", err)
		}
	}
	// Every truncation, gzip-compressed (Load reads gzip too).
	raw := good
	for n := 0; n < len(raw); n += 1 + n/30 {
		if _, err := Load(bytes.NewReader(gz(raw[:n]))); err == nil {
			t.Fatalf("content truncated to %d bytes: no error", n)
		}
	}
	// Flipped bytes: an error or a valid model, no panic.
	for i := 0; i < len(raw); i += 1 + i/20 {
		bad := append([]byte(nil), raw...)
		bad[i] ^= 0x5a
		Load(bytes.NewReader(bad))
		Load(bytes.NewReader(gz(bad)))
	}
	if _, err := Load(strings.NewReader("not gzip")); err == nil {
		t.Error("no error for garbage")
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func FuzzLoad(f *testing.F) {
	m, err := tinyModel()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	m.Save(&buf)
	raw := buf.Bytes()
	f.Add(raw[:min(len(raw), 400)])
	f.Add(raw[:60])
	f.Add([]byte(magic + "\x01"))
	f.Fuzz(func(t *testing.T, content []byte) {
		// The content as is, through a plain reader (buffered path) and
		// gzip-compressed.
		m, err := Load(bytes.NewReader(content))
		if err == nil {
			m.Tag(NewSequence([]string{"Ein", "Test", "in", "Berlin"}), nil)
		}
		Load(io.MultiReader(bytes.NewReader(content)))
		Load(bytes.NewReader(gz(content)))
	})
}

func TestTagNoAllocs(t *testing.T) {
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	ex := syntheticExamples(50, 3)
	tg := m.NewTagger()
	var dst []int
	for _, e := range ex {
		dst = tg.Tag(e.Seq, dst)
	}
	allocs := testing.AllocsPerRun(20, func() {
		for _, e := range ex {
			dst = tg.Tag(e.Seq, dst)
		}
	})
	if allocs != 0 {
		t.Errorf("Tag allocates %.1f times per run", allocs)
	}
}

func TestTagEmptyAndConcurrent(t *testing.T) {
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tag(&Sequence{}, nil); len(got) != 0 {
		t.Errorf("empty sequence: %v", got)
	}
	seq := NewSequence(strings.Fields("Merkel sagte in Paris , die SPD werde handeln ."))
	want := m.TagStrings(seq)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				if got := m.TagStrings(seq); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("concurrent tagging differs: %v", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestTrainErrors(t *testing.T) {
	ex := syntheticExamples(5, 1)
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("no error without data")
	}
	bad := []Example{{Seq: ex[0].Seq, Tags: ex[0].Tags[:1]}}
	if _, err := Train(bad, TrainOptions{}); err == nil || !strings.HasPrefix(err.Error(), "tagger: ") {
		t.Errorf("tag count mismatch: %v", err)
	}
	if _, err := Train(ex, TrainOptions{Types: []string{"PER", "PER"}}); err == nil {
		t.Error("duplicate type accepted")
	}
}

func TestPartialLabels(t *testing.T) {
	// OTH is annotated only in the first examples; the rest (with OTH
	// tagged O) is marked as not annotating OTH and must not unlearn it.
	data := syntheticExamples(600, 8)
	for i := range data[100:] {
		ex := &data[100+i]
		for k, tag := range ex.Tags {
			if strings.HasSuffix(tag, "OTH") {
				ex.Tags[k] = "O"
			}
		}
		ex.Partial = []string{"OTH"}
	}
	m, err := Train(data, TrainOptions{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	got := m.TagStrings(NewSequence(strings.Fields("Der Film Faust lief gestern in Wien .")))
	if got[2] != "B-OTH" {
		t.Errorf("tags %v: OTH unlearned", got)
	}
}

func TestLowerAndShape(t *testing.T) {
	for _, s := range []string{"Berlin", "ÄRZTE", "İstanbul", "straße", "Σίσυφος", "a\xffb", "", "EU-Kommission", "ǅemal"} {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
	for in, want := range map[string]string{
		"Merkel": "Xxxxx", "EU-Gipfel": "XX-Xxxxx", "2022": "dddd", "Müller": "Xxxxx",
		"iPhone": "xXxxxx", "„": "„", "3,5": "d,d",
	} {
		if got := Shape(in); got != want {
			t.Errorf("Shape(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]Flag{
		"Berlin": Upper, "NATO": Upper | AllCaps, "EU-Gipfel": Upper | Hyphen, "G7": Upper | Digit,
		"Merz'": Upper | Apos, "-": 0, "A": Upper, "x-y": Hyphen, "3.": Digit,
	} {
		if got := TextFlags(in); got != want {
			t.Errorf("TextFlags(%q) = %v, want %v", in, got, want)
		}
	}
}

// Features must not depend on whether Lower and Shape are filled in.
func TestFeaturesFilledOrNot(t *testing.T) {
	words := strings.Fields("Die EU-Kommission und ÖSTERREICH : Frau Müller-Lüdenscheidt sagte „ nein “ 2022 .")
	filled := NewSequence(words)
	raw := &Sequence{Tokens: make([]Token, len(words))}
	for i, w := range words {
		raw.Tokens[i] = Token{Text: w, Stem: filled.Tokens[i].Stem, LowerElsewhere: filled.Tokens[i].LowerElsewhere}
	}
	var a, b Features
	defaultFeatures(filled, &a)
	defaultFeatures(raw, &b)
	if len(a.Hashes) != len(b.Hashes) {
		t.Fatalf("%d vs %d features", len(a.Hashes), len(b.Hashes))
	}
	for i := range a.Hashes {
		if a.Hashes[i] != b.Hashes[i] {
			t.Fatalf("feature %d differs", i)
		}
	}
	if len(a.Ends) != len(words) {
		t.Fatalf("%d token ends for %d tokens", len(a.Ends), len(words))
	}
}

func TestMarkLowerElsewhere(t *testing.T) {
	s1 := NewSequence(strings.Fields("Die Grünen und die Linke"))
	s2 := NewSequence(strings.Fields("das ist grünen Politikern egal"))
	MarkLowerElsewhere(s1, s2)
	got := []bool{s1.Tokens[0].LowerElsewhere, s1.Tokens[1].LowerElsewhere, s1.Tokens[4].LowerElsewhere, s2.Tokens[2].LowerElsewhere}
	want := []bool{true, true, false, false}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("LowerElsewhere %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestStringFeatures(t *testing.T) {
	fs := FeatureSet{Name: "test-strings", Func: StringFeatures(func(s *Sequence, i int, emit func(string)) {
		emit("w=" + s.Tokens[i].Text)
		emit("cap=" + map[bool]string{true: "1", false: "0"}[s.Tokens[i].Flags&Upper != 0])
	})}
	m, err := Train(syntheticExamples(200, 2), TrainOptions{Features: fs, Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	m.Save(&buf)
	if _, err := Load(bytes.NewReader(buf.Bytes())); err == nil {
		t.Error("Load with the default features accepted a model with other features")
	}
	m2, err := LoadFeatures(bytes.NewReader(buf.Bytes()), fs)
	if err != nil {
		t.Fatal(err)
	}
	if got := m2.TagStrings(NewSequence([]string{"Merkel", "sagte"})); got[0] != "B-PER" {
		t.Errorf("tags %v", got)
	}
}

func TestMaxMarginals(t *testing.T) {
	nl, allowed, rng, rnd := decodingSetup([]string{"PER", "LOC"}, 9)
	for trial := 0; trial < 100; trial++ {
		n := 1 + trial%5
		em := randScores(rnd, n*nl)
		trans := randScores(rnd, (nl+1)*nl)
		final := randScores(rnd, nl)
		if trial%2 == 1 {
			boostLeaders(em, n, nl, rng, 5000)
		}
		var d decoder
		alpha, beta := d.maxMarginals(em, n, nl, trans, final, allowed)
		checkReusedMarginals(t, trial, em, n, nl, trans, final, allowed, alpha, beta)
		for i := 0; i < n; i++ {
			for y := 0; y < nl; y++ {
				mask := make([]uint64, n)
				for k := range mask {
					mask[k] = 1<<nl - 1
				}
				mask[i] = 1 << y
				seq, want := bruteForce(em, n, nl, trans, final, allowed, mask)
				got := alpha[i*nl+y] + beta[i*nl+y]
				if seq == nil {
					if got > negInf/2 {
						t.Fatalf("trial %d (%d,%d): impossible label scored %d", trial, i, y, got)
					}
					continue
				}
				if got != want {
					t.Fatalf("trial %d (%d,%d): max-marginal %d, brute force %d", trial, i, y, got, want)
				}
			}
		}
	}
}

// TestMarginsReuseNineLabels: with the default model's nine labels the
// decoder takes its fixed-size step; the forward scores Margins reuses
// from it must still equal a full forward pass.
func TestMarginsReuseNineLabels(t *testing.T) {
	nl, allowed, rng, rnd := decodingSetup([]string{"PER", "LOC", "ORG", "OTH"}, 13)
	for trial := 0; trial < 300; trial++ {
		n := 1 + trial%12
		em := randScores(rnd, n*nl)
		if trial%2 == 1 {
			boostLeaders(em, n, nl, rng, 5000)
		}
		trans, final := randScores(rnd, (nl+1)*nl), randScores(rnd, nl)
		var d decoder
		alpha, beta := d.maxMarginals(em, n, nl, trans, final, allowed)
		if pl := checkReusedMarginals(t, trial, em, n, nl, trans, final, allowed, alpha, beta); !pl.bio4 {
			t.Fatal("nine BIO labels without the fixed-size step")
		}
	}
}

func TestTagMargins(t *testing.T) {
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	tg := m.NewTagger()
	for _, ex := range syntheticExamples(20, 77) {
		tags := tg.Tag(ex.Seq, nil)
		got, margins := tg.TagMargins(ex.Seq, nil, nil)
		if len(margins) != len(tags) {
			t.Fatalf("%d margins for %d tokens", len(margins), len(tags))
		}
		for i := range tags {
			if got[i] != tags[i] || margins[i] < 0 {
				t.Fatalf("token %d: tag %d vs %d, margin %v", i, got[i], tags[i], margins[i])
			}
		}
	}
}
