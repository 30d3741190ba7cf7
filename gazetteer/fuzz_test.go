package gazetteer

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// checkLoadResult checks the contract of Load on arbitrary input: no
// panic, errors are *ParseError values naming file and line, and a loaded
// gazetteer can match its own names.
func checkLoadResult(t *testing.T, src string) {
	g, err := Load(strings.NewReader(src), "fuzz.tsv")
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError", err)
		}
		if pe.File != "fuzz.tsv" || pe.Line < 1 || !strings.HasPrefix(err.Error(), "gazetteer: fuzz.tsv:") {
			t.Fatalf("error without file and line: %v", err)
		}
		return
	}
	for i, e := range g.Entries() {
		if i == 20 {
			break
		}
		if e.ID == "" || e.Name == "" || !e.Type.Valid() {
			t.Fatalf("invalid entry %+v", e)
		}
		for _, m := range g.Lookup(e.Name) {
			checkMatch(t, e.Name, tokenize.Tokenize(e.Name), m)
		}
	}
}

func FuzzLoadTSV(f *testing.F) {
	if b, err := os.ReadFile("testdata/test.tsv"); err == nil {
		f.Add(string(b))
	}
	f.Add("a\tLOC\tA\tB|C\td\tcc=DE;pop=1;prior=0.5\n")
	f.Add("# c\n\na\tPER\tA B\n")
	f.Add("a\tXXX\tA\n")
	f.Add("a\tLOC\n")
	f.Add("a\tLOC\tA\nb\tORG\tA-B\t\t\tkind=x\na\tLOC\tA\n")
	f.Add("a\tLOC\tDeutsches Rotes Kreuz\tDRK\tdeutsch\n")
	f.Fuzz(func(t *testing.T, src string) { checkLoadResult(t, src) })
}

func FuzzLoadJSONL(f *testing.F) {
	f.Add(`{"id":"a","type":"ORG","name":"NATO","aliases":["Nato"],"derived":[],"attrs":{"pop":1,"kind":"intl"}}`)
	f.Add("# c\n{\"id\":\"a\",\"type\":\"LOC\",\"name\":\"A\"}\n{\"id\":\"b\",\"type\":\"PER\",\"name\":\"B\"}\n")
	f.Add(`{"id":"a","type":"LOC","name":"A","attrs":{"prior":2}}`)
	f.Add(`{"id":"a"`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, src string) { checkLoadResult(t, src) })
}

func FuzzLoadNames(f *testing.F) {
	f.Add("Marie\t100\t1\nAlex\t3\t0.2\n")
	f.Add("# h\nX\t1\n")
	f.Fuzz(func(t *testing.T, src string) {
		n, err := LoadNames(strings.NewReader(src), "names.tsv")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without line: %v", err)
			}
			return
		}
		for _, name := range n.names {
			if n.Count(name) < 0 || n.FemaleShare(name) < 0 || n.FemaleShare(name) > 1 {
				t.Fatalf("bad values for %q", name)
			}
		}
	})
}

func FuzzMatchTokens(f *testing.F) {
	g, err := testGaz()
	if err != nil {
		f.Fatal(err)
	}
	fuzzMatch(f, g)
}

// FuzzMatchDefault is FuzzMatchTokens with the default gazetteer.
func FuzzMatchDefault(f *testing.F) {
	if len(DataFiles()) == 0 {
		f.Skip("no data/*.tsv")
	}
	g, err := DefaultErr()
	if err != nil {
		f.Fatal(err)
	}
	fuzzMatch(f, g)
}

func fuzzMatch(f *testing.F, g *Gazetteer) {
	if b, err := os.ReadFile("testdata/news.txt"); err == nil {
		for _, p := range strings.Split(string(b), "\n\n") {
			f.Add(p)
		}
	}
	for _, c := range matchCases {
		f.Add(c.text)
	}
	f.Add("NATO-GIPFEL in MOSKAU\xff\xfe Merz' Macron's Putins")
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize.Tokenize(text)
		ms := g.MatchTokens(text, toks, nil)
		// With a memo, twice (the second time from the memo).
		var memo Memo
		ids := wordIDs(toks, map[string]int32{})
		for range 2 {
			if mm := g.MatchTokensMemo(text, toks, ids, &memo, nil); !reflect.DeepEqual(mm, ms) {
				t.Fatalf("MatchTokensMemo %+v, MatchTokens %+v", mm, ms)
			}
		}
		// Misnumbered words (one number for all, so that a word reads what
		// a longer or shorter one left) give wrong matches but must not
		// panic; nor must numbers for tokens that are not words.
		var bad Memo
		one := make([]int32, len(toks))
		g.MatchTokensMemo(text, toks, one, &bad, nil)
		g.MatchTokensMemo(text, toks, one, &bad, nil)
		for i, m := range ms {
			checkMatch(t, text, toks, m)
			if i > 0 {
				p := ms[i-1]
				if !(p.First == m.First && p.Last == m.Last) && m.First < p.Last {
					t.Fatalf("overlapping matches %+v %+v", p, m)
				}
			}
		}
	})
}
