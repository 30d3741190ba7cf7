package hardening

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestEdgeInputs runs every stage on hostile and unusual inputs: empty,
// blank, invalid UTF-8, NUL bytes, runs of punctuation, mixed scripts,
// all-caps text, megabyte-long words. No panic; all invariants hold.
func TestEdgeInputs(t *testing.T) {
	a := analyzer(t)
	for _, x := range edgeInputs() {
		t.Run(x.name, func(t *testing.T) {
			checkAll(t, a, x.name, x.text)
		})
	}
}

// TestEdgeInputsFindEntities checks that odd surroundings do not hide the
// names the extractor finds in plain text.
func TestEdgeInputsFindEntities(t *testing.T) {
	a := analyzer(t)
	for _, c := range []struct{ name, text, want string }{
		{"invalid-utf8-around", "\xff\xfe Bundeskanzler Friedrich Merz traf Emmanuel Macron in Paris. \xc3", "Paris"},
		{"nul-around", "\x00\x00Bundeskanzler Friedrich Merz traf Emmanuel Macron in Paris.\x00", "Paris"},
		{"cyrillic-around", "Путин. Bundeskanzler Friedrich Merz traf Emmanuel Macron in Paris. Москва", "Paris"},
	} {
		doc := a.Extractor().Extract(c.text)
		checkDoc(t, c.name, c.text, doc)
		found := false
		for _, m := range doc.Mentions {
			if m.Text == c.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %q not found; mentions: %s", c.name, c.want, fingerprint(doc))
		}
	}
}

// TestRandomCuts analyses pieces of the articles cut at random byte
// offsets: most start or end inside a UTF-8 sequence, a word or a name, and
// offsets must stay valid into the original bytes.
func TestRandomCuts(t *testing.T) {
	a := analyzer(t)
	r := rand.New(rand.NewPCG(3, 4))
	n := 2000
	if testing.Short() {
		n = 200
	}
	invalid := 0
	for i, s := range randomCuts(r, n, 4000) {
		if !utf8.ValidString(s) {
			invalid++
		}
		checkAll(t, a, "cut "+string(rune('0'+i%10)), s)
		if t.Failed() {
			t.Fatalf("failing input: %q", s)
		}
	}
	t.Logf("%d cuts, %d of them invalid UTF-8", n, invalid)
}

// TestTinyDocuments analyses many tiny documents (50,000; 1,000,000 with
// KENNER_LONG=1).
func TestTinyDocuments(t *testing.T) {
	a := analyzer(t)
	n := 50_000
	if long() {
		n = 1_000_000
	} else if testing.Short() {
		n = 5_000
	}
	ext, tg := a.Extractor(), a.Tagger()
	start := time.Now()
	for i, s := range tinyDocs(n) {
		doc := ext.Extract(s)
		tr := tg.Tag(s, doc)
		if i%97 == 0 || len(doc.Mentions) > 0 { // full checks on a sample and on every hit
			checkDoc(t, "tiny", s, doc)
			checkTopics(t, "tiny", s, tr, true)
		}
		if t.Failed() {
			t.Fatalf("failing input %d: %q", i, s)
		}
	}
	t.Logf("%d tiny documents in %v", n, time.Since(start).Round(time.Millisecond))
}

// TestLargeLine analyses a single 5 MB line.
func TestLargeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bigLine(t, 5<<20)
}

// TestHugeLine analyses a single 50 MB line (KENNER_LONG=1 only).
func TestHugeLine(t *testing.T) {
	if !long() {
		t.Skip("set KENNER_LONG=1 for the 50 MB line")
	}
	bigLine(t, 50<<20)
}

func bigLine(t *testing.T, size int) {
	a := analyzer(t)
	text := oneLine(size)
	start := time.Now()
	doc := a.Extractor().Extract(text)
	d1 := time.Since(start)
	tr := a.Tagger().Tag(text, doc)
	d2 := time.Since(start) - d1
	checkDoc(t, "big line", text, doc)
	checkTopics(t, "big line", text, tr, true)
	if len(doc.Mentions) == 0 {
		t.Errorf("no mentions in %d bytes of news", len(text))
	}
	t.Logf("%.1f MB: Extract %v (%d mentions, %d entities), Tag %v (%d topics)",
		float64(len(text))/(1<<20), d1.Round(time.Millisecond), len(doc.Mentions), len(doc.Entities), d2.Round(time.Millisecond), len(tr.Topics))
}

// TestLinearTime checks that the cost grows linearly with the input, also
// for inputs made to provoke quadratic behaviour (long runs of capitalised
// words, a single huge hyphenated word, nested brackets, repeated
// abbreviations): ten times the input (20 KB → 200 KB) may take at most 45
// times as long (linear: 10; quadratic: 100). A quadratic term with a small
// constant shows only on bigger inputs: for news text, 20 times the input
// (256 KB → 5 MB) may take at most 40 times as long (twice the cost per
// byte).
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if raceEnabled {
		t.Skip("timings under -race are meaningless")
	}
	a := analyzer(t)
	ext, tg := a.Extractor(), a.Tagger()
	gens := []struct {
		name  string
		gen   func(n int) string
		small int     // bytes; default 20 KB
		big   int     // bytes; default 10 × small
		limit float64 // largest accepted ratio big/small; default 4.5 × big/small
	}{
		{"news-large", func(n int) string { return oneLine(n)[:n] }, 256 << 10, 5 << 20, 40},
		{"news", func(n int) string { return oneLine(n)[:n] }, 0, 0, 0},
		{"all-caps-news", func(n int) string { return strings.ToUpper(oneLine(n)[:n]) }, 0, 0, 0},
		{"cap-run", func(n int) string { return capitalised(n / 9) }, 0, 0, 0},
		{"hyphen-chain", func(n int) string { return "EU" + strings.Repeat("-EU", n/3) }, 0, 0, 0},
		{"hyphen-names", func(n int) string { return strings.Repeat("Merz-Macron-", n/12) }, 0, 0, 0},
		{"parens", func(n int) string { return strings.Repeat("(", n/2) + strings.Repeat(")", n/2) }, 0, 0, 0},
		{"quotes", func(n int) string { return strings.Repeat("„Berlin“ ", n/12) }, 0, 0, 0},
		{"abbrev", func(n int) string { return strings.Repeat("Dr. ", n/4) }, 0, 0, 0},
		{"dots", func(n int) string { return strings.Repeat(".", n) }, 0, 0, 0},
		{"long-word", func(n int) string { return "B" + strings.Repeat("e", n) }, 0, 0, 0},
		{"names-no-space", func(n int) string { return strings.Repeat("MerzMacronPutin", n/15) }, 0, 0, 0},
		{"nul-separated", func(n int) string { return strings.Repeat("Merz\x00", n/5) }, 0, 0, 0},
		{"invalid-utf8", func(n int) string { return strings.Repeat("Berl\xffin \xc3", n/9) }, 0, 0, 0},
	}
	run := 0
	for _, g := range gens {
		t.Run(g.name, func(t *testing.T) {
			// timeOf returns the best of three runs, in process CPU time.
			// Each run gets a text with a different first word, so that no
			// per-word cache (the tagger keeps one) hides the cost of a
			// long word.
			timeOf := func(text string) time.Duration {
				best := time.Duration(1 << 62)
				for i := range 3 {
					if i > 0 && best > time.Second {
						break // slow enough to tell
					}
					run++
					v := fmt.Sprintf("V%d", run) + text
					start := cpuTime()
					doc := ext.Extract(v)
					tg.Tag(v, doc)
					best = min(best, cpuTime()-start)
				}
				return best
			}
			small := cmp.Or(g.small, 20<<10)
			big := cmp.Or(g.big, 10*small)
			limit := cmp.Or(g.limit, 4.5*float64(big)/float64(small))
			s, l := g.gen(small), g.gen(big)
			timeOf(s) // warm up
			// Two attempts: a busy machine can slow one of them.
			var ratio float64
			var ts, tl time.Duration
			for range 2 {
				ts, tl = timeOf(s), timeOf(l)
				ratio = float64(tl) / float64(max(ts, time.Microsecond))
				t.Logf("%d B: %v, %d B: %v, ratio %.1f", len(s), ts, len(l), tl, ratio)
				if ratio <= limit || tl <= 50*time.Millisecond {
					return
				}
				if ratio > 1.5*limit {
					break // clear enough: no second attempt
				}
			}
			t.Errorf("%.0f× the input takes %.0f× as long (%v → %v): not linear", float64(len(l))/float64(len(s)), ratio, ts, tl)
		})
	}
}
