package tokenize

import (
	"strings"
	"testing"
)

// texts returns the token texts joined by single spaces.
func texts(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// TestTokenize checks the token boundaries of German news cases. want lists
// the token texts separated by single spaces (tokens never contain white
// space).
func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// hyphenated compounds
		{"compound", "Die Nato-Außenminister tagen.", "Die Nato-Außenminister tagen ."},
		{"compound US", "Der US-Sondergesandte kam.", "Der US-Sondergesandte kam ."},
		{"compound digits", "ein 10-Punkte-Plan für alle", "ein 10-Punkte-Plan für alle"},
		{"compound adjective", "der deutsch-französischen Freundschaft", "der deutsch-französischen Freundschaft"},
		{"trailing hyphen", "die Ein- und Ausfuhr", "die Ein- und Ausfuhr"},
		{"trailing hyphen comma", "Ein-, Aus- und Durchfuhr", "Ein- , Aus- und Durchfuhr"},
		{"leading hyphen", "Dada-Kunst und -Zeitung", "Dada-Kunst und -Zeitung"},
		{"dash is punct", "Er kam – und ging - sofort.", "Er kam – und ging - sofort ."},
		{"en dash range", "die Jahre 1930–1931 und Düren–Euskirchen", "die Jahre 1930–1931 und Düren–Euskirchen"},
		{"abbrev hyphen", "Dipl.-Ing. Meier und der U.S.-Präsident", "Dipl.-Ing. Meier und der U.S.-Präsident"},
		{"agency", "(dpa-AFX)", "( dpa-AFX )"},

		// abbreviations
		{"abbrev list", "z.B. Dr. Nr. u.a. St. Prof. bzw. ca. Art. Abs. Mio. Mrd. v.a. d.h. usw. etc. Jh. Jan. Okt. vgl. ggf. sog. Str. e.V. Hrsg. i.d.R. o.ä. z.T. ff. Inc. a.D. x",
			"z.B. Dr. Nr. u.a. St. Prof. bzw. ca. Art. Abs. Mio. Mrd. v.a. d.h. usw. etc. Jh. Jan. Okt. vgl. ggf. sog. Str. e.V. Hrsg. i.d.R. o.ä. z.T. ff. Inc. a.D. x"},
		{"abbrev capitalised", "Vgl. dazu Bzw. so", "Vgl. dazu Bzw. so"},
		{"initials", "George W. Bush und J. R. R. Tolkien", "George W. Bush und J. R. R. Tolkien"},
		{"abbrev no space", "Nr.1 und St.Pauli", "Nr. 1 und St. Pauli"},
		{"unknown word dot", "Er ging.Dann kam sie.", "Er ging . Dann kam sie ."},
		{"ver.di", "Die Gewerkschaft Ver.di streikt.", "Die Gewerkschaft Ver.di streikt ."},
		{"ellipsis", "Und dann... nichts. Oder doch…", "Und dann ... nichts . Oder doch …"},

		// ordinals and dates
		{"ordinal month", "am 3. Dezember", "am 3. Dezember"},
		{"ordinal date year", "am 24. Februar 2022 begann", "am 24. Februar 2022 begann"},
		{"month year end", "im Februar 2022.", "im Februar 2022 ."},
		{"year end next sentence", "im Jahr 2022. Die Lage", "im Jahr 2022 . Die Lage"},
		{"place end", "Er kam auf Platz 2. Die Bayern", "Er kam auf Platz 2 . Die Bayern"},
		{"place end of text", "Er kam auf Platz 2.", "Er kam auf Platz 2 ."},
		{"place before month", "auf Platz 2. Dezember", "auf Platz 2. Dezember"},
		{"ordinal noun", "im 19. Jahrhundert und der 2. Weltkrieg", "im 19. Jahrhundert und der 2. Weltkrieg"},
		{"ordinal article", "die 3. Mannschaft", "die 3. Mannschaft"},
		{"ordinal club", "gegen den 1. FC Köln", "gegen den 1. FC Köln"},
		{"ordinal lower", "Er wurde 2. in der Wertung", "Er wurde 2. in der Wertung"},
		{"ordinal verb", "Sie wurde 2. Dann", "Sie wurde 2 . Dann"},
		{"ordinal list", "am 3., 4. und 5. Mai", "am 3. , 4. und 5. Mai"},
		{"ordinal glued", "am 8.September", "am 8. September"},
		{"roman", "Wilhelm II. von Preußen", "Wilhelm II. von Preußen"},
		{"roman end", "Papst Benedikt XVI. Er", "Papst Benedikt XVI . Er"},
		{"date", "am 24.02.2022 um 12:30 Uhr", "am 24.02.2022 um 12:30 Uhr"},
		{"enumeration", "1. Die Lage ist ernst.", "1. Die Lage ist ernst ."},

		// quotes
		{"german quotes", "Er sagte „gut“.", "Er sagte „ gut “ ."},
		{"guillemets", "»Nein«, sagte er. «Ja», sagte sie.", "» Nein « , sagte er . « Ja » , sagte sie ."},
		{"ascii quotes", `Er sagte "gut".`, `Er sagte " gut " .`},
		{"single low quotes", "ein ‚kleiner‘ Fehler", "ein ‚ kleiner ‘ Fehler"},
		{"ascii single quotes", "ein 'kleiner' Fehler", "ein ' kleiner ' Fehler"},
		{"english quotes", "the ‘best’ one", "the ‘ best ’ one"},
		{"quote sentence end", "gesagt.“ Dann", "gesagt . “ Dann"},

		// apostrophes
		{"apos s", "Macron's Berater", "Macron's Berater"},
		{"apos s typographic", "Macron’s Berater", "Macron’s Berater"},
		{"apos trailing", "Merz' Team und Lagarde' Worte", "Merz' Team und Lagarde' Worte"},
		{"apos trailing typographic", "Merz’ Team", "Merz’ Team"},
		{"apos trailing end", "das Haus von Klaus'.", "das Haus von Klaus' ."},
		{"apos inner", "am Ku'damm und d'Or", "am Ku'damm und d'Or"},
		{"apos elision", "wie geht's, hab' ich 's gesagt", "wie geht's , hab' ich 's gesagt"},
		{"apos year", "im Sommer '89 und ’90er", "im Sommer '89 und ’90er"},
		{"apos swiss", "400'000 Franken", "400'000 Franken"},

		// datelines and trailers
		{"dateline", "BERLIN/PARIS (dpa-AFX) - Die", "BERLIN / PARIS ( dpa-AFX ) - Die"},
		{"dateline single", "MÜNCHEN (dpa) - Der", "MÜNCHEN ( dpa ) - Der"},
		{"trailer", "fertig. /abc/DP/xy", "fertig . /abc/DP/xy"},
		{"trailer slash end", "fertig.\n/ck/jha/", "fertig . /ck/jha/"},
		{"trailer single at end", "fertig. /he", "fertig . /he"},
		{"slash words", "Transliteration/Transkription und München/Hamburg", "Transliteration / Transkription und München / Hamburg"},
		{"slash units", "mit 120 km/h 24/7 in der Saison 2022/23", "mit 120 km/h 24/7 in der Saison 2022/23"},

		// numbers
		{"numbers", "1.000 und 3,5 und 2022 und 10.000.000 und 3:1", "1.000 und 3,5 und 2022 und 10.000.000 und 3:1"},
		{"number suffix", "die 50-jährige aus den 20er Jahren", "die 50-jährige aus den 20er Jahren"},
		{"signed", "um -5 Grad, +3,5 Prozent und (−2)", "um -5 Grad , +3,5 Prozent und ( −2 )"},
		{"decimal end", "Er wuchs um 3,5. Dann", "Er wuchs um 3,5 . Dann"},
		{"score compound", "nach dem 3:0-Sieg", "nach dem 3:0-Sieg"},

		// URLs, e-mail, hashtags, mentions
		{"url", "siehe https://www.tagesschau.de/inland/x-100.html.", "siehe https://www.tagesschau.de/inland/x-100.html ."},
		{"url www", "unter www.bahn.de/aktuell, bitte", "unter www.bahn.de/aktuell , bitte"},
		{"url bare", "bei t-online.de und stern.de.", "bei t-online.de und stern.de ."},
		{"url parens", "(https://de.wikipedia.org/wiki/Bank_(Begriffsklärung))", "( https://de.wikipedia.org/wiki/Bank_(Begriffsklärung) )"},
		{"url quoted", "„https://example.com/a“", "„ https://example.com/a “"},
		{"email", "an max.mustermann@firma.de.", "an max.mustermann@firma.de ."},
		{"email brackets", "<presse@dpa.com>", "< presse@dpa.com >"},
		{"hashtag mention", "#Wahl2025 und @bundestag_de!", "#Wahl2025 und @bundestag_de !"},
		{"symbols", "3 % und 5€ und $10 und § 5 und 20 °C", "3 % und 5 € und $ 10 und § 5 und 20 °C"},
		{"percent glued", "um 34,4% gestiegen", "um 34,4 % gestiegen"},
		{"emoji", "toll 👍🏽 oder ❤️!", "toll 👍🏽 oder ❤️ !"},

		// other German specifics
		{"umlauts", "Äpfel, Öl, Übermaß und Straße", "Äpfel , Öl , Übermaß und Straße"},
		{"gender", "Bürger:innen und Lehrer*innen", "Bürger:innen und Lehrer*innen"},
		{"company ampersand", "H&M, AT&T und Procter & Gamble", "H&M , AT&T und Procter & Gamble"},
		{"repeated punct", "Was?!? Toll!!! Nein...", "Was ?!? Toll !!! Nein ..."},
		{"nbsp", "3\u00a0%\u202fmehr", "3 % mehr"},
		{"soft hyphen", "Außen\u00administer", "Außen\u00administer"},

		// pre-tokenized (GermEval style)
		{"pretok quotes", "Das ist „ gut “ .", "Das ist „ gut “ ."},
		{"pretok abbrev", "z. B. in Berlin", "z. B. in Berlin"},
		{"pretok ordinal", "Er kam am 3. Dezember .", "Er kam am 3. Dezember ."},
		{"pretok ascii quotes", `Er sagte " Nein " .`, `Er sagte " Nein " .`},
		{"pretok apos", "hab ' s gesagt", "hab ' s gesagt"},
		{"pretok abbrev detached", "Dr . Müller", "Dr . Müller"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.in)
			if got := texts(toks); got != tc.want {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkTokens(t, tc.in, toks)
		})
	}
}

// TestTokenKinds checks Kind and Flags (without SentStart) of single tokens
// in context.
func TestTokenKinds(t *testing.T) {
	tests := []struct {
		in, tok string
		kind    Kind
		flags   Flag
	}{
		{"Die Nato-Außenminister", "Nato-Außenminister", Word, Upper | Hyphen},
		{"die BERLINER Zeitung", "BERLINER", Word, Upper | AllCaps},
		{"die US-EU Gespräche", "US-EU", Word, Upper | AllCaps | Hyphen},
		{"der 10-Punkte-Plan", "10-Punkte-Plan", Word, Digit | Hyphen},
		{"die dpa-AFX meldet", "dpa-AFX", Word, Hyphen},
		{"z.B. hier", "z.B.", Word, Abbrev},
		{"mit Dr. Müller", "Dr.", Word, Upper | Abbrev},
		{"George W. Bush", "W.", Word, Upper | Abbrev},
		{"Macron's Berater", "Macron's", Word, Upper | Apos},
		{"Merz' Team", "Merz'", Word, Upper | Apos},
		{"am Ku'damm", "Ku'damm", Word, Upper},
		{"am 3. Dezember", "3.", Number, Digit},
		{"rund 1.000 Menschen", "1.000", Number, Digit},
		{"die 20er Jahre", "20er", Number, Digit},
		{"die 50-jährige", "50-jährige", Word, Digit | Hyphen},
		{"bei 3:1 Toren", "3:1", Number, Digit},
		{"um -5 Grad", "-5", Number, Digit},
		{"es ist 3 % mehr", "%", Symbol, 0},
		{"es ist 3 € mehr", "€", Symbol, 0},
		{"es ist $ 3", "$", Symbol, 0},
		{"er sagte „ja“", "„", Punct, 0},
		{"er sagte „ja“", "“", Punct, 0},
		{"es ist . gut", ".", Punct, 0},
		{"siehe https://example.org/x", "https://example.org/x", URL, 0},
		{"siehe www.example.org", "www.example.org", URL, 0},
		{"bei tagesschau.de", "tagesschau.de", URL, 0},
		{"an info@example.org schreiben", "info@example.org", Email, 0},
		{"unter #Wahl2025 posten", "#Wahl2025", Hashtag, 0},
		{"an @bundestag schreiben", "@bundestag", Mention, 0},
		{"Ende /abc/DP/xy", "/abc/DP/xy", Symbol, 0},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		found := false
		for _, tk := range toks {
			if tk.Text != tc.tok {
				continue
			}
			found = true
			if tk.Kind != tc.kind || tk.Flags&^SentStart != tc.flags {
				t.Errorf("%q: token %q is %v %v, want %v %v", tc.in, tk.Text, tk.Kind, tk.Flags&^SentStart, tc.kind, tc.flags)
			}
		}
		if !found {
			t.Errorf("%q: no token %q in %q", tc.in, tc.tok, texts(toks))
		}
	}
}

func TestParts(t *testing.T) {
	tests := []struct{ tok, want string }{
		{"Nato-Außenminister", "Nato Außenminister"},
		{"US-Sondergesandter", "US Sondergesandter"},
		{"10-Punkte-Plan", "10 Punkte Plan"},
		{"deutsch-französischen", "deutsch französischen"},
		{"Ein-", "Ein"},
		{"-Zeitung", "Zeitung"},
		{"Dipl.-Ing.", "Dipl. Ing."},
		{"Düren–Euskirchen", "Düren Euskirchen"},
		{"Berlin", "Berlin"},
		{"1930–1931", "1930 1931"},
		{"-5", "-5"},
		{"t-online.de", "t-online.de"},
	}
	var spans []Span
	for _, tc := range tests {
		text := "» " + tc.tok + " «" // non-zero offsets
		toks := Tokenize(text)
		if len(toks) != 3 || toks[1].Text != tc.tok {
			t.Fatalf("%q: tokens %q", text, texts(toks))
		}
		spans = Parts(toks[1], spans)
		var got []string
		for _, sp := range spans {
			if sp.Start < toks[1].Start || sp.End > toks[1].End || sp.Start >= sp.End {
				t.Errorf("%q: part %v outside token %d..%d", tc.tok, sp, toks[1].Start, toks[1].End)
				continue
			}
			got = append(got, text[sp.Start:sp.End])
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Parts(%q) = %q, want %q", tc.tok, g, tc.want)
		}
	}
}

// TestAppendTokens checks that tokens already in dst are kept and that the
// appended ones equal those of Tokenize.
func TestAppendTokens(t *testing.T) {
	a, b := "Erster Text. Mit zwei Sätzen.", "Zweiter Text: „Hallo!“ Ende."
	buf := AppendTokens(nil, a)
	n := len(buf)
	buf = AppendTokens(buf, b)
	if got, want := texts(buf[:n]), texts(Tokenize(a)); got != want {
		t.Errorf("first text changed: %q, want %q", got, want)
	}
	want := Tokenize(b)
	if len(buf)-n != len(want) {
		t.Fatalf("appended %d tokens, want %d", len(buf)-n, len(want))
	}
	for i, tk := range want {
		if buf[n+i] != tk {
			t.Errorf("token %d: %+v, want %+v", i, buf[n+i], tk)
		}
	}
}

// checkTokens verifies the byte-offset contract and the SentStart flags.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %q: bad offsets %d..%d (previous end %d, len %d)", i, tk.Text, tk.Start, tk.End, prevEnd, len(text))
		}
		if text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d: Text %q != text[%d:%d] %q", i, tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
		}
		prevEnd = tk.End
	}
	sents := Sentences(text, toks)
	next := 0
	for _, s := range sents {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence %+v does not continue at token %d", s, next)
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %+v: byte span does not match its tokens", s)
		}
		for k := s.First; k < s.Last; k++ {
			if got := toks[k].Flags&SentStart != 0; got != (k == s.First) {
				t.Fatalf("token %d %q: SentStart %v, sentence %+v", k, toks[k].Text, got, s)
			}
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}
