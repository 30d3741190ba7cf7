package german

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// readLines reads a testdata file into lines.
func readLines(tb testing.TB, name string) []string {
	tb.Helper()
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return lines
}

// vocabulary returns the Snowball reference words and their stems.
func vocabulary(tb testing.TB) (words, stems []string) {
	tb.Helper()
	words = readLines(tb, "testdata/voc.txt")
	stems = readLines(tb, "testdata/output.txt")
	if len(words) != len(stems) {
		tb.Fatalf("voc.txt has %d lines, output.txt %d", len(words), len(stems))
	}
	return words, stems
}

// TestVocabulary checks every stem of the official Snowball German
// vocabulary.
func TestVocabulary(t *testing.T) {
	words, stems := vocabulary(t)
	bad := 0
	for i, w := range words {
		if got := Stem(w); got != stems[i] {
			bad++
			if bad <= 20 {
				t.Errorf("Stem(%q) = %q, want %q", w, got, stems[i])
			}
		}
	}
	t.Logf("%d/%d stems match", len(words)-bad, len(words))
	if bad > 0 {
		t.Errorf("%d of %d stems differ", bad, len(words))
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		// README examples.
		{"häuser", "haus"},
		{"verhandlungen", "verhandl"},
		{"äußerst", "ausserst"},
		{"systemen", "system"},
		{"system", "system"}, // -em not after syst
		{"gebetet", "gebet"},
		{"planet", "planet"}, // et not after plan
		{"geordnet", "geordnet"},
		// prelude
		{"feuer", "feu"},    // u between vowels is a consonant
		{"quelle", "quell"}, // ue after q is kept
		{"quae", "qua"},     // ae after qu becomes ä
		{"israel", "isral"},
		{"Straße", "strass"}, // lower-casing, ß→ss
		{"STRASSE", "strass"},
		{"Müller", "mull"},
		{"Mueller", "mull"}, // ue→ü
		// step 1
		{"kenntnisse", "kenntnis"}, // niss → nis
		{"lehrerinnen", "lehr"},
		{"lehrerin", "lehr"},
		{"wandeln", "wandel"}, // ln → l
		{"hauses", "haus"},
		{"tages", "tag"},
		// step 2
		{"kleinste", "klein"},
		// step 3
		{"bedeutung", "bedeut"},
		{"ewigkeit", "ewig"},
		{"seligkeit", "selig"},
		{"zärtlichkeit", "zartlich"},
		{"ordentlich", "ordent"},
		// step 4 (apostrophes)
		{"Macron's", "macron"},
		{"merz'", "merz"},
		{"a'", "a'"},
		// short, empty, odd input
		{"", ""},
		{"a", "a"},
		{"Ä", "a"},
		{"ß", "ss"},
		{"\xff", "\uFFFD"},
		{"ab\xffcdefgh", "ab\uFFFDcdefgh"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStemLong(t *testing.T) {
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitänsmützen", 20)
	got := Stem(long)
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "kapitansmutz") {
		t.Errorf("Stem(long) = …%q", got[max(0, len(got)-30):])
	}
}

func TestStemAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage changes allocations")
	}
	for _, w := range []string{"verhandlungen", "systemen", "planet", "kenntnisse"} {
		if n := testing.AllocsPerRun(100, func() { Stem(w) }); n != 0 {
			t.Errorf("Stem(%q): %v allocs, want 0", w, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Stem("Häuser") }); n > 1 {
		t.Errorf("Stem(Häuser): %v allocs, want ≤ 1", n)
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"", "a", "häuser", "Straße", "quelle", "feuer", "Macron's",
		"\xff\xfe", "ẞ", "İstanbul", "aeoeue", "yuyuy", "niss", "keitlichig"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Stem(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Stem(%q) = %q: invalid UTF-8", s, got)
		}
		if lower := Stem(strings.ToLower(s)); lower != got {
			t.Fatalf("Stem(%q) = %q, but Stem(ToLower) = %q", s, got, lower)
		}
		if utf8.RuneCountInString(got) > 2*utf8.RuneCountInString(s) {
			t.Fatalf("Stem(%q) = %q: longer than possible", s, got)
		}
	})
}

func BenchmarkStem(b *testing.B) {
	words, _ := vocabulary(b)
	var n int64
	for _, w := range words {
		n += int64(len(w))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(words))/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkStemCapitalized stems the vocabulary capitalised, as nouns and
// names appear in text: lower-casing makes the stem differ from the input,
// so one string is allocated per word.
func BenchmarkStemCapitalized(b *testing.B) {
	words, _ := vocabulary(b)
	var n int64
	caps := make([]string, len(words))
	for i, w := range words {
		n += int64(len(w))
		r, size := utf8.DecodeRuneInString(w)
		caps[i] = strings.ToUpper(string(r)) + w[size:]
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range caps {
			Stem(w)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(words))/b.Elapsed().Seconds(), "words/s")
}
