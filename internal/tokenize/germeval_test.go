package tokenize

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"
)

var germevalPath = flag.String("germeval", "../../../shared/data/germeval2014/NER-de-dev.tsv",
	"GermEval 2014 NER file (tab-separated, token in column 2)")

var showMisses = flag.Bool("misses", false, "log the GermEval tokens and boundaries that the tokenizer misses")

// loadGermEval reads the token column of the GermEval file, one []string per
// sentence, or skips the test when the file is absent.
func loadGermEval(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open(*germevalPath)
	if err != nil {
		t.Skipf("GermEval data not available (%v): skipping", err)
	}
	defer f.Close()
	var sents [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || cols[1] == "" {
			t.Fatalf("%s: bad line %q", *germevalPath, line)
		}
		cur = append(cur, cols[1])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	if len(sents) == 0 {
		t.Skipf("%s: no sentences", *germevalPath)
	}
	return sents
}

// joinGold joins tokens with single spaces (or, when natural is true, with a
// simple German detokenizer: no space before , . ; : ! ? ) “ and after „ ( )
// and returns the text and the gold token spans.
func joinGold(toks []string, natural bool) (string, []Span) {
	var b strings.Builder
	spans := make([]Span, 0, len(toks))
	dblOpen := false
	glueNext := true
	for _, tok := range toks {
		glue := glueNext
		glueNext = false
		if natural {
			switch tok {
			case ",", ".", ";", ":", "!", "?", ")", "]", "“", "”", "%":
				glue = true
			case "„", "(", "[":
				glueNext = true
			case `"`:
				if dblOpen {
					glue = true
				} else {
					glueNext = true
				}
				dblOpen = !dblOpen
			}
		}
		if !glue && b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(tok)
		spans = append(spans, Span{start, b.Len()})
	}
	return b.String(), spans
}

// alignment counts gold tokens that come out exactly as one token (exact)
// and gold tokens whose start and end are token boundaries (aligned).
func alignment(toks []Token, gold []Span) (exact, aligned int, misses []Span) {
	starts := make(map[int]bool, len(toks))
	ends := make(map[int]bool, len(toks))
	whole := make(map[Span]bool, len(toks))
	for _, t := range toks {
		starts[t.Start] = true
		ends[t.End] = true
		whole[Span{t.Start, t.End}] = true
	}
	for _, g := range gold {
		if whole[g] {
			exact++
		} else {
			misses = append(misses, g)
		}
		if starts[g.Start] && ends[g.End] {
			aligned++
		}
	}
	return exact, aligned, misses
}

func tokenAlignment(t *testing.T, natural bool) (exactRate, alignedRate, oneSentRate float64) {
	sents := loadGermEval(t)
	var total, exact, aligned, oneSent int
	var buf []Token
	var sbuf []Sentence
	missCount := map[string]int{}
	for _, gs := range sents {
		text, gold := joinGold(gs, natural)
		buf = AppendTokens(buf[:0], text)
		e, a, misses := alignment(buf, gold)
		total += len(gold)
		exact += e
		aligned += a
		for _, m := range misses {
			missCount[text[m.Start:m.End]]++
		}
		sbuf = AppendSentences(sbuf[:0], text, buf)
		if len(sbuf) == 1 {
			oneSent++
		} else if *showMisses {
			var parts []string
			for _, s := range sbuf {
				parts = append(parts, text[s.Start:s.End])
			}
			t.Logf("split: %q", parts)
		}
	}
	if *showMisses {
		for w, c := range missCount {
			t.Logf("miss %4d %q", c, w)
		}
	}
	return float64(exact) / float64(total), float64(aligned) / float64(total), float64(oneSent) / float64(len(sents))
}

// TestGermEvalPretokenized joins each GermEval sentence's tokens with single
// spaces and checks that the tokenizer reproduces the gold tokens and finds
// one sentence.
func TestGermEvalPretokenized(t *testing.T) {
	exact, aligned, one := tokenAlignment(t, false)
	t.Logf("GermEval dev, pre-tokenized: %.2f%% of gold tokens exact, %.2f%% boundary-aligned; %.2f%% of sentences give one sentence",
		100*exact, 100*aligned, 100*one)
	if exact < 0.995 {
		t.Errorf("exact token alignment %.4f < 0.995", exact)
	}
	if one < 0.975 {
		t.Errorf("one-sentence rate %.4f < 0.975", one)
	}
}

// TestGermEvalDetokenized glues punctuation to its neighbours (natural
// spacing: "Das ist „gut“.") and checks the alignment again.
func TestGermEvalDetokenized(t *testing.T) {
	exact, aligned, one := tokenAlignment(t, true)
	t.Logf("GermEval dev, detokenized: %.2f%% of gold tokens exact, %.2f%% boundary-aligned; %.2f%% of sentences give one sentence",
		100*exact, 100*aligned, 100*one)
	if exact < 0.99 {
		t.Errorf("exact token alignment %.4f < 0.99", exact)
	}
}

// boundaryF1 joins all GermEval sentences into one running text and scores
// the predicted sentence starts against the gold ones.
func boundaryF1(t *testing.T, natural bool) (p, r, f1 float64) {
	sents := loadGermEval(t)
	var b strings.Builder
	gold := map[int]bool{}
	for i, gs := range sents {
		if i > 0 {
			b.WriteByte(' ')
			gold[b.Len()] = true
		}
		text, _ := joinGold(gs, natural)
		b.WriteString(text)
	}
	text := b.String()
	toks := Tokenize(text)
	sents2 := Sentences(text, toks)
	tp, fp := 0, 0
	for _, s := range sents2[1:] {
		if gold[s.Start] {
			tp++
		} else {
			fp++
			if *showMisses {
				t.Logf("false boundary: %q", text[max(0, s.Start-60):s.Start]+"|"+text[s.Start:min(len(text), s.Start+30)])
			}
		}
	}
	if *showMisses {
		pred := map[int]bool{}
		for _, s := range sents2 {
			pred[s.Start] = true
		}
		for g := range gold {
			if !pred[g] {
				t.Logf("missed boundary: %q", text[max(0, g-60):g]+"|"+text[g:min(len(text), g+30)])
			}
		}
	}
	p = float64(tp) / float64(tp+fp)
	r = float64(tp) / float64(len(gold))
	return p, r, 2 * p * r / (p + r)
}

// TestGermEvalBoundaryF1 measures sentence boundaries on running text made of
// the GermEval dev sentences joined by single spaces (the set-up in which
// neurosnap/sentences reaches F1 0.982).
func TestGermEvalBoundaryF1(t *testing.T) {
	p, r, f1 := boundaryF1(t, false)
	t.Logf("GermEval dev as running text (pre-tokenized): boundary P %.4f R %.4f F1 %.4f", p, r, f1)
	if f1 < 0.95 {
		t.Errorf("boundary F1 %.4f < 0.95", f1)
	}
	p, r, f1 = boundaryF1(t, true)
	t.Logf("GermEval dev as running text (detokenized):  boundary P %.4f R %.4f F1 %.4f", p, r, f1)
	if f1 < 0.95 {
		t.Errorf("detokenized boundary F1 %.4f < 0.95", f1)
	}
}
