package topic

import (
	"slices"
	"strings"
	"testing"
)

// tagWith builds a tagger from a keyword table alone and returns the IDs of
// the topics it finds in text (threshold near zero).
func tagIDs(t *testing.T, table, text string) []string {
	t.Helper()
	tg, err := NewTagger(WithoutBuiltin(), WithKeywords(strings.NewReader(table), "test.tsv"), WithThreshold(1e-9), WithMaxTopics(0))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, tp := range tg.Tag(text, nil).Topics {
		ids = append(ids, tp.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestTermSyntax(t *testing.T) {
	const peace, diplo, elect, sport = "medtop:20000073", "medtop:20000639", "medtop:20000574", "medtop:15000000"
	for _, tc := range []struct {
		name, term, text string
		match            bool
	}{
		{"stem", "Verhandlung", "Die Verhandlungen dauern an.", true},
		{"noun only capitalised", "Wahl", "Sie wählen heute.", false},
		{"noun", "Wahl", "Die Wahlen sind vorbei.", true},
		{"lower-case any case", "wählen", "Wählen gehen!", true},
		{"no compound without *", "Wahl", "Die Landtagswahl ist vorbei.", false},
		{"head", "*Wahl", "Die Landtagswahlen sind vorbei.", true},
		{"head needs capital", "*Richter", "Er berichtet.", false},
		{"head needs a modifier", "*Wahl", "Wahlen", true},
		{"modifier", "Friedens*", "Friedensverhandlungen beginnen.", true},
		{"modifier folded", "Krankenhaus*", "Krankenhäuser? Krankenhausärzte!", true},
		{"modifier needs a head of 3 bytes", "Friedens*", "Friedensxy", false},
		{"modifier is also exact", "Friedens*", "des Friedens", true},
		{"not a modifier of Friedrich", "Friedens*", "Friedrich Merz", false},
		{"both", "*Fußball*", "Frauenfußball und Fußballplätze", true},
		{"case-sensitive", "=WHO", "Who cares about the WHO?", true},
		{"case-sensitive genitive", "=ORF", "des ORFs Programm", true},
		{"case-sensitive miss", "=WHO", "who knows", false},
		{"phrase", "Europäische Zentralbank", "Die Europäischen Zentralbanken", true},
		{"phrase over hyphen", "E-Mail", "Eine E Mail", true},
		{"phrase order", "Europäische Zentralbank", "Zentralbank, europäische", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code := peace
			switch {
			case strings.Contains(strings.ToLower(tc.term), "wahl") || strings.Contains(tc.term, "wähl"):
				code = elect
			case strings.Contains(tc.term, "Fußball"):
				code = sport
			case tc.term == "Verhandlung":
				code = diplo
			}
			ids := tagIDs(t, code+"\t1\t"+tc.term+"\n", tc.text)
			if got := slices.Contains(ids, code); got != tc.match {
				t.Errorf("term %q in %q: match %v, want %v (%v)", tc.term, tc.text, got, tc.match, ids)
			}
		})
	}
}

func TestStopTerm(t *testing.T) {
	table := "medtop:15000000\t1\t*Spiel\n-\t0\tBeispiel\n"
	if ids := tagIDs(t, table, "Zum Beispiel"); len(ids) != 0 {
		t.Errorf("stop term matched: %v", ids)
	}
	if ids := tagIDs(t, table, "Das Heimspiel"); !slices.Contains(ids, "medtop:15000000") {
		t.Errorf("compound not matched: %v", ids)
	}
}

func TestLongestMatch(t *testing.T) {
	// The phrase wins over its words; the longest compound head wins.
	table := "medtop:20000350\t2\tEuropäische Zentralbank\nmedtop:20000344\t1\tZentralbank\n" +
		"medtop:20000104\t2\t*Diebstahl\nmedtop:20000294\t1\t*Stahl\n"
	ids := tagIDs(t, table, "Die Europäische Zentralbank und ein Ladendiebstahl")
	want := []string{"medtop:02000000", "medtop:04000000", "medtop:20000082", "medtop:20000104", "medtop:20000344", "medtop:20000346", "medtop:20000350"}
	if !slices.Equal(ids, want) {
		t.Errorf("got %v, want %v", ids, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"medtop:20000073\t1\n", "test.tsv:1: 2 columns"},
		{"medtop:99999999\t1\tx\n", "test.tsv:1: unknown topic"},
		{"medtop:20000241\t1\tx\n", "retired"},
		{"medtop:20000073\t0\tx\n", "weight"},
		{"medtop:20000073\t11\tx\n", "weight"},
		{"medtop:20000073\tabc\tx\n", "weight"},
		{"# c\n\nmedtop:20000073\t1\t\n", "test.tsv:3: term \"\": empty"},
		{"medtop:20000073\t1\tA*B\n", "only at the start or end"},
		{"medtop:20000073\t1\t*zwei Worte\n", "phrase cannot"},
		{"medtop:20000073\t1\t=zwei Worte\n", "single word"},
		{"medtop:20000073\t1\t*ab\n", "shorter than 3"},
		{"medtop:20000073\t1\tab*\n", "shorter than 3"},
		{"-\t0\t*Spiel\n", "stop term"},
		{"medtop:20000073\t1\t!!\n", "no word"},
	} {
		_, err := NewTagger(WithoutBuiltin(), WithKeywords(strings.NewReader(tc.in), "test.tsv"))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "topic: ") {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"medtop:20000651\t1\tparty\n", "want kind="},
		{"medtop:20000651\t1\tcolor=red\n", "want kind="},
		{"medtop:20000651\t1\ttype=XYZ\n", "PER, LOC"},
		{"-\t0\tkind=party\n", "stop cue is id= or role="},
		{"medtop:20000651\t1\tkind=party\nmedtop:20000651\t2\tkind=party\n", "cues.tsv:2: duplicate"},
	} {
		_, err := NewTagger(WithoutBuiltin(), WithCues(strings.NewReader(tc.in), "cues.tsv"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("cues %q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestTablesSorted checks that the embedded tables are sorted the way
// internal/kwfmt writes them and that every line parses.
func TestTablesSorted(t *testing.T) {
	for name, data := range map[string]string{"data/keywords.tsv": keywordsTSV, "data/cues.tsv": cuesTSV} {
		var prev string
		n := 0
		for i, l := range strings.Split(data, "\n") {
			if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "qcode\t") {
				continue
			}
			n++
			if prev != "" && CompareTableLines(prev, l) >= 0 {
				t.Errorf("%s:%d: %q not after %q (run go run ./internal/kwfmt %s)", name, i+1, l, prev, name)
			}
			prev = l
		}
		if n < 100 {
			t.Errorf("%s: only %d lines", name, n)
		}
	}
	if _, err := NewTagger(); err != nil {
		t.Fatal(err)
	}
}

// TestStemCollisions checks built-in keywords whose Snowball stem equals
// that of a frequent word of another meaning (the stemmer folds umlauts
// and drops -er): they are written as exact terms, so that the frequent
// word does not count as evidence, while the keyword itself still does.
func TestStemCollisions(t *testing.T) {
	tg, err := NewTagger(WithThreshold(1e-9), WithMaxTopics(0))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, code string
		match      bool
	}{
		{"Im Laufe des Tages kam es dazu.", "medtop:20000827", false},
		{"Die Läuferin gewann.", "medtop:20000827", true},
		{"Die Forderungen wurden laut.", "medtop:20000344", false},
		{"Aus diesen Gründen blieb es dabei.", "medtop:20000170", false},
		{"Die Länder und der Bund einigten sich.", "medtop:20000739", false},
		{"Die Spuren am Tatort wurden gesichert.", "medtop:20000851", false},
		{"Der Schutz der Bürger geht vor.", "medtop:20001313", false},
		{"Die Gläubiger des Konzerns warten.", "medtop:12000000", false},
		{"Die Gläubigen beteten.", "medtop:12000000", true},
		{"Ein Mann mit einem Messer floh.", "medtop:12000000", false},
		{"Ein Mann mit einem Messer floh.", "medtop:20000243", false},
		{"Der Bau der Brücke dauert.", "medtop:20000210", false},
		{"Eine neue Studie zeigt das.", "medtop:05000000", false},
		{"Die Stadtentwicklung stockt.", "medtop:20000231", false},
		{"Die Entwickler der App reagierten.", "medtop:20000231", true},
		{"Er lebt seit Jahren im Ausland.", "medtop:20000771", false},
		{"Die Art der Darstellung stört.", "medtop:20000051", false},
	} {
		var ids []string
		for _, tp := range tg.Tag(tc.text, nil).Topics {
			ids = append(ids, tp.ID)
		}
		if got := slices.Contains(ids, tc.code); got != tc.match {
			t.Errorf("%q: %s found %v, want %v (%v)", tc.text, tc.code, got, tc.match, ids)
		}
	}
}
