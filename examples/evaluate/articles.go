package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kenner-nlp/kenner/entity"
)

// An article is one hand-annotated news text of testdata/articles: the text
// of NAME.txt and the mentions of NAME.gold.tsv, located in the text.
type article struct {
	name string
	text string
	gold []goldMention
}

// goldMention is one annotated mention: its byte offsets in the article's
// text and its coarse type (PER, LOC, ORG, OTH; "ORGpart" and "LOCderiv"
// count as ORG and LOC, as kenner gives a compound or an adjective the type
// of the entity it names).
type goldMention struct {
	start, end int
	typ        string
}

// readArticles reads every NAME.txt in dir that has a NAME.gold.tsv beside
// it. A gold line is surface<TAB>type[<TAB>canonical], in text order; the
// surface is looked for after the previous mention's start, so a repeated
// name takes its next occurrence. Lines starting with '#' are comments.
func readArticles(dir string) ([]article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.gold.tsv"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no *.gold.tsv files", dir)
	}
	sort.Strings(names)
	var out []article
	for _, g := range names {
		base := strings.TrimSuffix(g, ".gold.tsv")
		text, err := os.ReadFile(base + ".txt")
		if err != nil {
			return nil, err
		}
		f, err := os.Open(g)
		if err != nil {
			return nil, err
		}
		gold, err := readGold(f, g, string(text))
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, article{name: filepath.Base(base), text: string(text), gold: gold})
	}
	return out, nil
}

// readGold reads the gold mentions of text from r; path names the file in
// errors.
func readGold(r io.Reader, path, text string) ([]goldMention, error) {
	var gold []goldMention
	sc := bufio.NewScanner(r)
	from := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" {
			return nil, fmt.Errorf("%s:%d: want surface<TAB>type[<TAB>canonical]", path, n)
		}
		typ := f[1]
		for _, form := range [...]string{"part", "deriv"} {
			typ = strings.TrimSuffix(typ, form)
		}
		switch typ {
		case "PER", "LOC", "ORG", "OTH":
		default:
			return nil, fmt.Errorf("%s:%d: unknown type %q", path, n, f[1])
		}
		i := strings.Index(text[from:], f[0])
		if i < 0 {
			return nil, fmt.Errorf("%s:%d: %q not in the text after byte %d", path, n, f[0], from)
		}
		start := from + i
		gold = append(gold, goldMention{start, start + len(f[0]), typ})
		from = start + 1
	}
	return gold, sc.Err()
}

// articleScore counts matches of mentions: strict, by offsets and coarse type.
type articleScore struct {
	tp, gold, pred int
	byType         map[string]*[3]int // tp, gold, pred
}

func (s *articleScore) add(typ string, k int) {
	if s.byType == nil {
		s.byType = map[string]*[3]int{}
	}
	if s.byType[typ] == nil {
		s.byType[typ] = new([3]int)
	}
	s.byType[typ][k]++
}

// scoreArticles extracts every article with x and scores its mentions
// against the gold ones.
func scoreArticles(x *entity.Extractor, arts []article) articleScore {
	type key struct {
		start, end int
		typ        string
	}
	var s articleScore
	for _, a := range arts {
		gold := map[key]bool{}
		for _, g := range a.gold {
			gold[key{g.start, g.end, g.typ}] = true
		}
		pred := map[key]bool{}
		for _, m := range x.Extract(a.text).Mentions {
			pred[key{m.Start, m.End, m.Type.String()}] = true
		}
		for k := range gold {
			s.gold++
			s.add(k.typ, 1)
			if pred[k] {
				s.tp++
				s.add(k.typ, 0)
			}
		}
		for k := range pred {
			s.pred++
			s.add(k.typ, 2)
		}
	}
	return s
}

func prf(tp, gold, pred int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// writeArticleScore prints the score of n articles.
func writeArticleScore(w io.Writer, dir string, n int, s articleScore) {
	fmt.Fprintf(w, "== articles %s: %d articles, %d gold mentions, strict offsets and type\n", dir, n, s.gold)
	fmt.Fprintf(w, "%-6s %6s %6s %6s %7s %7s %7s\n", "type", "tp", "gold", "pred", "P", "R", "F1")
	for _, t := range []string{"PER", "LOC", "ORG", "OTH"} {
		c := s.byType[t]
		if c == nil {
			c = new([3]int)
		}
		p, r, f := prf(c[0], c[1], c[2])
		fmt.Fprintf(w, "%-6s %6d %6d %6d %7.4f %7.4f %7.4f\n", t, c[0], c[1], c[2], p, r, f)
	}
	p, r, f := prf(s.tp, s.gold, s.pred)
	fmt.Fprintf(w, "%-6s %6d %6d %6d %7.4f %7.4f %7.4f\n", "all", s.tp, s.gold, s.pred, p, r, f)
	fmt.Fprintf(w, "articles F1=%.4f\n", f)
}
