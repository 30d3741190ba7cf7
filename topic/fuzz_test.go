package topic

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/sample"
)

func FuzzTag(f *testing.F) {
	f.Add(sample.Article, 0, 5)
	f.Add("Wien – Die ÖVP-Regierung\n\nFriedensverhandlungen im Kreml. Landtagswahlen!", 3, 10)
	f.Add("\xff\xfe Straße \u00ad Über-Ölpreis  =WHO", 1, 2)
	f.Add("", 0, 0)
	tg, err := NewTagger(WithThreshold(0), WithMaxTopics(0), WithMaxEvidence(0))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		// A document with one (possibly bogus) mention: Tag must not trust it.
		doc := &entity.Document{Text: text, Mentions: []entity.Mention{{Start: a, End: b, Type: entity.LOC, Entity: 0}},
			Entities: []entity.Entity{{Name: "X", Type: entity.LOC, Mentions: []int{0, 7}}}}
		for _, d := range []*entity.Document{nil, doc} {
			r := tg.Tag(text, d)
			for _, tp := range r.Topics {
				if !(tp.Score >= 0 && tp.Score < 1) || tp.Weight < 0 {
					t.Fatalf("%s: score %v weight %v", tp.ID, tp.Score, tp.Weight)
				}
				for _, e := range tp.Evidence {
					if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
						t.Fatalf("bad evidence %+v", e)
					}
				}
			}
			for _, fc := range r.Focus {
				if !(fc.Score > 0 && fc.Score <= 1) {
					t.Fatalf("focus %+v", fc)
				}
			}
		}
	})
}

func FuzzParseKeywords(f *testing.F) {
	f.Add("medtop:20000073\t2\tFriedens*\n-\t0\tBeispiel\nmedtop:20000574\t1\t*Wahl*\n")
	f.Add("qcode\tweight\tterm\nmedtop:20000639\t1.5\tEuropäische Zentralbank\nmedtop:20000639\t1\t=WHO\n")
	f.Add(keywordsTSV[:2000])
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, data string) {
		lx := newLexicon()
		if err := lx.parseKeywords(strings.NewReader(data), "fuzz.tsv", tax); err != nil {
			if !strings.HasPrefix(err.Error(), "topic: fuzz.tsv") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		// What parses must tag without panicking.
		for _, w := range termWords(data) {
			lx.analyze(w)
		}
		lx.matchText(data)
	})
}

func FuzzParseCues(f *testing.F) {
	f.Add("medtop:20000651\t2\tkind=party\n-\t0\tid=kn:org/apa\nmedtop:20000593\t2\trole=*minister\n")
	f.Add(cuesTSV[:1500])
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, data string) {
		ct := newCueTable()
		if err := ct.parse(strings.NewReader(data), "fuzz.tsv", tax); err != nil && !strings.HasPrefix(err.Error(), "topic: fuzz.tsv") {
			t.Fatalf("error without prefix: %v", err)
		}
	})
}

func FuzzLoadTaxonomy(f *testing.F) {
	f.Add(mediatopicTSV[:3000])
	f.Add("01000000\t1\t\t\ta\tb\n20000001\t2\t01000000\t\tc\td\n")
	f.Fuzz(func(t *testing.T, data string) {
		tax, err := LoadTaxonomy(strings.NewReader(data), "fuzz.tsv")
		if err != nil {
			return
		}
		for _, c := range tax.Concepts() {
			if p := tax.Path(c.ID); len(p) != c.Level || p[len(p)-1] != c.ID {
				t.Fatalf("path %v of %+v", p, c)
			}
		}
	})
}

func FuzzLoadClassifier(f *testing.F) {
	c, err := Train([]Example{{Label: "A", Text: "Fußball Tor Sieg"}, {Label: "B", Text: "Regierung Wahl Partei"}}, WithTopicFeatures(false), WithEpochs(2))
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("KNTC\x01\x00\x00\x00\x00\x00\x02\x01A\x01B\x00"))
	f.Add([]byte("KNTC\x01\x00\x00\x00\x80\x3f\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := LoadClassifier(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "topic: load classifier") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		p := c.Predict("Das Tor zum Sieg")
		if len(p) != len(c.Labels()) {
			t.Fatalf("%d predictions for %d labels", len(p), len(c.Labels()))
		}
	})
}
