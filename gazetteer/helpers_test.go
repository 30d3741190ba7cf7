package gazetteer

import (
	"os"
	"strings"
	"sync"
	"testing"
)

// testGaz is the small test gazetteer of testdata/test.tsv.
var testGaz = sync.OnceValues(func() (*Gazetteer, error) {
	f, err := os.Open("testdata/test.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f, "test.tsv")
})

func mustTestGaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := testGaz()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// describe renders a match compactly: text[/part] form ids [+infl] [+fold].
func describe(text string, m Match) string {
	var b strings.Builder
	b.WriteString(text[m.Start:m.End])
	if m.PartStart != m.Start || m.PartEnd != m.End {
		b.WriteString("/" + text[m.PartStart:m.PartEnd])
	}
	b.WriteString(" " + m.Form.String() + " ")
	for i, e := range m.Entries {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e.ID)
	}
	if m.Inflected {
		b.WriteString(" +infl")
	}
	if m.Folded {
		b.WriteString(" +fold")
	}
	return b.String()
}

func describeAll(text string, ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = describe(text, m)
	}
	return out
}

func readNews(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
