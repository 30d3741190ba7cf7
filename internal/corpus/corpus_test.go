package corpus

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestReadGermEvalTricky(t *testing.T) {
	sents := readFile(t, "testdata/tricky.tsv", readGermEvalFile)
	if len(sents) != 32 {
		t.Fatalf("got %d sentences, want 32", len(sents))
	}
	wiki := 0
	for _, s := range sents {
		if len(s.Tokens) != len(s.Outer) || len(s.Tokens) != len(s.Inner) {
			t.Fatalf("column lengths differ: %+v", s)
		}
		if s.IsWiki() {
			wiki++
		}
	}
	if wiki != 11 {
		t.Errorf("wiki sentences = %d, want 11", wiki)
	}
	// Two comment lines in a row: the later one wins.
	if got := sents[13].Source; got != "http://www.spiegel.de/politik/a-1.html" {
		t.Errorf("sentence 13 source = %q", got)
	}
	// No comment line: empty source (a news sentence).
	if sents[14].Source != "" || sents[14].IsWiki() {
		t.Errorf("sentence 14 source = %q", sents[14].Source)
	}
	// Three columns: inner is O.
	if s := sents[22]; s.Inner[0] != "O" || s.Outer[9] != "B-LOC" {
		t.Errorf("sentence 22 = %+v", s)
	}
	// A token with a space inside.
	if got := sents[19].Tokens[0]; got != "New York" {
		t.Errorf("token = %q", got)
	}
}

func TestSentenceSpans(t *testing.T) {
	s := Sentence{
		Tokens: []string{"Der", "FC", "Bayern", "München", "und", "Kölner", "Meier"},
		Outer:  []string{"O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOCderiv", "I-PER"},
		Inner:  []string{"O", "O", "B-LOC", "B-LOC", "O", "O", "O"},
	}
	if got, want := s.Text(), "Der FC Bayern München und Kölner Meier"; got != want {
		t.Fatalf("Text = %q", got)
	}
	text := s.Text()
	for i, sp := range s.TokenSpans() {
		if text[sp.Start:sp.End] != s.Tokens[i] {
			t.Errorf("token %d: %q", i, text[sp.Start:sp.End])
		}
	}
	want := []Span{
		{4, 22, "ORG", "name"},
		{27, 34, "LOC", "deriv"},
		{35, 40, "PER", "name"}, // I- without B- opens a span
	}
	if got := s.GoldSpans(true); !reflect.DeepEqual(got, want) {
		t.Errorf("outer spans = %+v, want %+v", got, want)
	}
	wantInner := []Span{{7, 13, "LOC", "name"}, {14, 22, "LOC", "name"}}
	if got := s.GoldSpans(false); !reflect.DeepEqual(got, wantInner) {
		t.Errorf("inner spans = %+v, want %+v", got, wantInner)
	}
	if got := s.Spans([]string{"B-PER", "I-LOC", "I-LOC", "B-X"}); len(got) != 3 || got[1].Type != "LOC" || got[2].Type != "X" {
		t.Errorf("Spans = %+v", got)
	}
}

func TestSplitLabel(t *testing.T) {
	for _, c := range [][3]string{
		{"LOCderiv", "LOC", "deriv"}, {"ORGpart", "ORG", "part"}, {"PER", "PER", "name"},
		{"deriv", "deriv", "name"}, {"part", "part", "name"}, {"", "", "name"},
	} {
		if typ, form := SplitLabel(c[0]); typ != c[1] || form != c[2] {
			t.Errorf("SplitLabel(%q) = %q, %q", c[0], typ, form)
		}
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		read func(string) error
		in   string
		want string
	}{
		{germ, "#\tu\n1\tA\n", "x.tsv:2: expected >=3"},
		{germ, "#\tu\n1\tA\tB-PER\tO\n#\tv\n", "x.tsv:3: comment line inside a sentence"},
		{germ, "1\tA\tX-PER\tO\n", "x.tsv:1: outer column: invalid BIO tag"},
		{germ, "1\tA\tO\tB-\n", "x.tsv:1: inner column: invalid BIO tag"},
		{germ, "1\tA\tO\tO\n\n1\t\xff\tO\tO\n", "x.tsv:3: invalid UTF-8"},
		{conll, "A\tO\nB\n", "x.tsv:2: expected >=2"},
		{conll, "A\tB-PER\nB\tQ\n", "x.tsv:2: invalid BIO tag"},
		{smart, "# doc_id = a (f)\nA\tO\n", "x.tsv:2: expected 3 tab-separated"},
		{smart, "A\tB-PERSON\tB-PERSON\n", "x.tsv:1: coarse column: unknown type"},
		{smart, "plain\n", "x.tsv:1: expected 3 tab-separated"},
	}
	for _, c := range cases {
		err := c.read(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "corpus: ") {
			t.Errorf("%q: error %v, want %q", c.in, err, c.want)
		}
	}
}

func germ(s string) error  { _, err := ReadGermEval(strings.NewReader(s), "x.tsv"); return err }
func conll(s string) error { _, err := ReadCoNLL(strings.NewReader(s), "x.tsv"); return err }
func smart(s string) error { _, err := ReadSmartData(strings.NewReader(s), "x.tsv"); return err }

func TestReadGermEvalQuirks(t *testing.T) {
	in := "\ufeff#\tfirst\n#\thttp://de.wikipedia.org/wiki/X\t[2009]\t\r\n1\tA\tB-PER\r\n\n  \n2\tB\tO\tO\n"
	sents, err := ReadGermEval(strings.NewReader(in), "q")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || !sents[0].IsWiki() || sents[0].Inner[0] != "O" || sents[1].Source != "" {
		t.Errorf("got %+v", sents)
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART-\tO\n\n# doc_id = d1\nMerkel\tNE\tS-PER\nin\tAPPR\tO\nNew\tNE\tB-LOC\nYork\tNE\tE-LOC\n\nGut\tADJ\tO\n#\tNE\tO\n"
	sents, err := ReadCoNLL(strings.NewReader(in), "c")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences", len(sents))
	}
	if want := []string{"B-PER", "O", "B-LOC", "I-LOC"}; !reflect.DeepEqual(sents[0].Outer, want) {
		t.Errorf("tags %v", sents[0].Outer)
	}
	if sents[0].Source != "d1" || sents[1].Source != "d1" || sents[1].Tokens[1] != "#" {
		t.Errorf("got %+v", sents)
	}
}

func TestReadSmartData(t *testing.T) {
	in := "# doc_id = http://x.de/a@2016 (smartdata-v1-train.json.gz)\nMaserati\tB-ORGANIZATION_COMPANY\tB-ORG\n:\tO\tO\n\n" +
		"#EM16\tO\tO\nin\tO\tO\nBad\tB-LOCATION_CITY\tB-LOC\nTölz\tI-LOCATION_CITY\tI-LOC\nheute\tB-DATE\tO\n\n" +
		"# doc_id = d2 (f)\nA\tO\tO\n"
	sents, err := ReadSmartData(strings.NewReader(in), "s")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("got %d sentences", len(sents))
	}
	if sents[0].Source != "http://x.de/a@2016" || sents[1].Source != "http://x.de/a@2016" || sents[2].Source != "d2" {
		t.Errorf("sources %q %q %q", sents[0].Source, sents[1].Source, sents[2].Source)
	}
	if sents[1].Tokens[0] != "#EM16" {
		t.Errorf("hashtag token lost: %v", sents[1].Tokens)
	}
	if got := sents[1].GoldSpans(true); len(got) != 1 || got[0].Type != "LOC" || sents[1].Text()[got[0].Start:got[0].End] != "Bad Tölz" {
		t.Errorf("spans %+v", got)
	}
}

func TestReadSmartDataFile(t *testing.T) {
	const path = sharedDir + "/data/smartdata-de/smartdata-de-ner.tsv"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s not found (../shared absent)", path)
	}
	defer f.Close()
	sents, err := ReadSmartData(f, path)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	toks := 0
	for _, s := range sents {
		toks += len(s.Tokens)
		for _, sp := range s.GoldSpans(true) {
			counts[sp.Type]++
		}
	}
	t.Logf("%d sentences, %d tokens, spans %v", len(sents), toks, counts)
	if len(sents) < 10000 || counts["LOC"] < 5000 || counts["PER"] < 1000 || counts["OTH"] != 0 {
		t.Errorf("unexpected: %d sentences, spans %v", len(sents), counts)
	}
}

func TestScoreBasics(t *testing.T) {
	gold := []Sentence{
		{Source: "http://de.wikipedia.org/wiki/A", Tokens: []string{"Angela", "Merkel", "in", "Köln"},
			Outer: []string{"B-PER", "I-PER", "O", "B-LOC"}},
		{Source: "http://news.de/b", Tokens: []string{"Die", "deutsche", "EU-Politik"},
			Outer: []string{"O", "B-LOCderiv", "B-ORGpart"}},
	}
	for i := range gold {
		gold[i].Inner = make([]string, len(gold[i].Tokens))
	}
	pred := [][]Span{
		{{0, 13, "PER", ""}, {0, 13, "PER", "name"}, {17, 22, "ORG", ""}, {18, 22, "LOC", ""}},
		{{4, 12, "LOC", "deriv"}, {13, 15, "ORG", "part"}, {0, 3, "MISC", ""}},
	}
	r := Score(gold, pred, ScoreOptions{Errors: true})
	if r.Base4.TP != 1 || r.Base4.FP != 2 || r.Base4.FN != 1 {
		t.Errorf("base4 %+v", r.Base4)
	}
	if r.Full12.TP != 2 || r.Full12.FP != 4 || r.Full12.FN != 2 {
		t.Errorf("full12 %+v", r.Full12)
	}
	if r.Stats.PredDuplicates != 1 || r.Stats.PredUnaligned != 2 || r.Stats.PredUnknownType != 1 || r.Stats.PredDerivPart != 2 {
		t.Errorf("stats %+v", r.Stats)
	}
	// typed overlap: PER ok, ORG wrong type, LOC (unaligned, overlaps Köln) ok.
	if o := r.TypedOverlap; o.PredCorrect != 2 || o.Pred != 3 || o.GoldFound != 2 || o.Gold != 2 {
		t.Errorf("overlap %+v", o)
	}
	if len(r.Errors) != 3 || r.Errors[0].Kind != "FN" || r.Errors[0].Text != "Köln" || r.Errors[1].Kind != "FP" ||
		r.Errors[2].Kind != "FP-unaligned" || r.Errors[2].Text != "öln" {
		t.Errorf("errors %+v", r.Errors)
	}
	w := Score(gold, pred, ScoreOptions{Subset: "wiki", Types: []string{"PER"}})
	if w.Stats.Sentences != 1 || w.Base4.TP != 1 || w.Base4.FP != 0 || w.Stats.PredIgnoredType != 2 {
		t.Errorf("wiki PER: %+v %+v", w.Base4, w.Stats)
	}
}
