package tokenize

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// checkInvariants verifies everything the package promises about any input.
func checkInvariants(t *testing.T, text string) {
	t.Helper()
	toks := Tokenize(text)
	checkTokens(t, text, toks)
	if len(toks) > 0 && toks[0].Flags&SentStart == 0 {
		t.Fatalf("first token %q lacks SentStart", toks[0].Text)
	}
	// The marks give the sentences AppendSentences finds.
	if got, want := MarkedSentences(nil, toks), AppendSentences(nil, text, toks); !slices.Equal(got, want) {
		t.Fatalf("MarkedSentences %v, AppendSentences %v", got, want)
	}
	// every byte outside tokens is white space or a control/format character
	covered := 0
	for _, tk := range toks {
		for i := covered; i < tk.Start; {
			checkGap(t, text, i)
			_, w := utf8.DecodeRuneInString(text[i:])
			i += w
		}
		covered = tk.End
		// tokens never start or end with white space
		if spaceAt(text, tk.Start) > 0 {
			t.Fatalf("token %q starts with white space", tk.Text)
		}
		var spans []Span
		spans = Parts(tk, spans)
		prev := tk.Start
		for _, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > tk.End {
				t.Fatalf("token %q: bad part %v", tk.Text, sp)
			}
			prev = sp.End
		}
	}
	for i := covered; i < len(text); {
		checkGap(t, text, i)
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	// AppendTokens onto a non-empty buffer gives the same tokens
	buf := AppendTokens([]Token{{Text: "x"}}, text)
	if len(buf) != len(toks)+1 {
		t.Fatalf("AppendTokens appended %d tokens, Tokenize gave %d", len(buf)-1, len(toks))
	}
	for i := range toks {
		if buf[i+1] != toks[i] {
			t.Fatalf("AppendTokens token %d = %+v, Tokenize %+v", i, buf[i+1], toks[i])
		}
	}
}

func checkGap(t *testing.T, text string, i int) {
	t.Helper()
	r, w := utf8.DecodeRuneInString(text[i:])
	if r == utf8.RuneError && w <= 1 {
		t.Fatalf("invalid byte %#x at %d is in no token", text[i], i)
	}
	if spaceAt(text, i) == 0 && !unicode.In(r, unicode.Cc, unicode.Cf) {
		t.Fatalf("%q at %d is in no token", r, i)
	}
}

func FuzzTokenize(f *testing.F) {
	seeds := []string{
		"", " ", "a", "BERLIN/PARIS (dpa-AFX) - Die Nato-Außenminister trafen sich am 24. Februar 2022.",
		"Er sagte: „Wir kommen.“ Dann ging er. Platz 2. Die", "z.B. Dr. Nr. u.a. St. Prof. bzw. ca. usw. Die",
		"Macron's Merz' Lagarde' Ku'damm 's '89 400'000", "https://x.de/a_(b)). www.y.de, max.m@z.de #Wahl2025 @bund",
		"/abc/DP/xy", "!!!!!!......???…………", "\x00\xff\xfe\xc3\xe2\x80\xe2\x80A", "Ein- und Ausfuhr -5 +3,5 −2 °C 👍🏽 ❤️",
		`Das ist „ gut “ . " Dann " kam er . ' s`, "1.000 3,5 10.000.000 3:1 50-jährige 20er 24.02.2022 2022/23 km/h",
		"Dipl.-Ing. U.S.-Präsident Ver.di H&M Bürger:innen Lehrer*innen a_b", "Titel\n\nBERLIN (dpa) - Text.\nMÜNCHEN (dpa) - x",
	}
	if data, err := os.ReadFile("testdata/news.txt"); err == nil {
		for _, para := range strings.Split(string(data), "\n\n") {
			seeds = append(seeds, para)
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
	})
}

// TestPathological tokenizes large inputs made of one repeated pattern: no
// panic, valid offsets, and linear time (a quadratic step would take hours
// at this size).
func TestPathological(t *testing.T) {
	size := 1 << 18
	if testing.Short() {
		size = 1 << 16
	}
	patterns := []string{
		"!", ".", "…", "?!", "a.", "ab.", "abc.", "a.b.", "ab.cd.", "x@", "@x", "a@b.", "a.b@", "/a", "/", "'a", "a'",
		"'", `"`, `" `, "„", "“", "(", ")", "( a ? ) ", "1.", "1. ", "3.\u00a0", "2.)", "-", "a-", "-a", "www.", "http://",
		"https://a", "#", "#a", "\x00", "\xff", "\xc3", "\xe2\x80", " ", "\n", "\n\n", "ä", "a", "1", "1,", "1:1", "Dr. ",
		"usw. Die ", ". \" ", "' ", "a.de.", "x.y.", "Ver.", "St.-", "&", "A&", "°", "👍🏽", "\u00ad", "\u200d", "\u00a0",
		"BERLIN\n", "a'b'", "1'000'", ". „ ", "A. ", "II. ", "Platz 2. Die ", "\" . \" ", "a/b/", "/ab/cd",
	}
	for _, p := range patterns {
		text := strings.Repeat(p, size/len(p)+1)
		start := time.Now()
		toks := Tokenize(text)
		sents := Sentences(text, toks)
		d := time.Since(start)
		if testing.Verbose() && d > 50*time.Millisecond {
			t.Logf("pattern %q: %v for %d bytes, %d tokens", p, d, len(text), len(toks))
		}
		if d > 10*time.Second {
			t.Errorf("pattern %q: %v for %d bytes", p, d, len(text))
		}
		if len(toks) > 0 && (len(sents) == 0 || sents[len(sents)-1].Last != len(toks)) {
			t.Errorf("pattern %q: sentences do not cover the tokens", p)
		}
		checkTokens(t, text, toks)
	}
	// every byte value, shuffled into words
	var b strings.Builder
	for i := 0; i < 256; i++ {
		for j := 0; j < 256; j += 7 {
			b.WriteByte(byte(i))
			b.WriteByte(byte(j))
		}
	}
	checkInvariants(t, b.String())
}
