package tokenize

import (
	"strings"
	"testing"
)

// TestSentences checks sentence boundaries; want separates the sentences
// with " | ".
func TestSentences(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"simple", "Er kam. Sie ging! Wer blieb?", "Er kam. | Sie ging! | Wer blieb?"},
		{"abbrev title", "Er traf Dr. Müller und Prof. Schmidt. Dann ging er.", "Er traf Dr. Müller und Prof. Schmidt. | Dann ging er."},
		{"abbrev inside", "Das kostet z.B. 5 Euro bzw. Mio. Euro. Gut.", "Das kostet z.B. 5 Euro bzw. Mio. Euro. | Gut."},
		{"abbrev before name", "Vgl. St. Pauli und Nr. 5 sowie ca. Hundert.", "Vgl. St. Pauli und Nr. 5 sowie ca. Hundert."},
		{"abbrev may end", "Äpfel, Birnen usw. Die Preise steigen.", "Äpfel, Birnen usw. | Die Preise steigen."},
		{"abbrev may end lower", "Äpfel, Birnen usw. sind teuer.", "Äpfel, Birnen usw. sind teuer."},
		{"initials", "George W. Bush kam.", "George W. Bush kam."},
		{"date", "Er wurde am 3. Dezember geboren. Das war 1950.", "Er wurde am 3. Dezember geboren. | Das war 1950."},
		{"date year", "Der Krieg begann am 24. Februar 2022. Seitdem kämpft die Ukraine.", "Der Krieg begann am 24. Februar 2022. | Seitdem kämpft die Ukraine."},
		{"month year", "Das war im Februar 2022. Die Lage", "Das war im Februar 2022. | Die Lage"},
		{"place", "Leverkusen bleibt auf Platz 2. Dahinter folgt Frankfurt.", "Leverkusen bleibt auf Platz 2. | Dahinter folgt Frankfurt."},
		{"century", "Im 19. Jahrhundert wuchs die Stadt.", "Im 19. Jahrhundert wuchs die Stadt."},
		{"club", "Er spielt beim 1. FC Köln.", "Er spielt beim 1. FC Köln."},
		{"quote end", "Er sagte: „Wir kommen.“ Dann ging er.", "Er sagte: „Wir kommen.“ | Dann ging er."},
		{"quote end guillemets", "Er sagte: »Wir kommen.« Dann ging er.", "Er sagte: »Wir kommen.« | Dann ging er."},
		{"quote end ascii", `Er sagte: "Wir kommen." Dann ging er.`, `Er sagte: "Wir kommen." | Dann ging er.`},
		{"quote continues", "„Wir kommen!“, sagte er. „Bald?“, fragte sie.", "„Wir kommen!“, sagte er. | „Bald?“, fragte sie."},
		{"quote starts", "Er ging. „Warum?“ Niemand wusste es.", "Er ging. | „Warum?“ | Niemand wusste es."},
		{"multi-sentence quote", "„Wir kommen. Wir bleiben.“ So sprach er.", "„Wir kommen. | Wir bleiben.“ | So sprach er."},
		{"lower after question", "Was nun? fragte er.", "Was nun? fragte er."},
		{"parenthesis", "Man habe 500 (verunsicherte?) Kunden abgeworben.", "Man habe 500 (verunsicherte?) Kunden abgeworben."},
		{"parenthesis end", "Er kam. (Sie ging.) Dann regnete es.", "Er kam. | (Sie ging.) | Dann regnete es."},
		{"ellipsis", "Er zögerte … und ging. Dann… Die Tür ging auf.", "Er zögerte … und ging. | Dann… | Die Tür ging auf."},
		{"repeated", "Was?!? Das ist ja toll!!! Ja.", "Was?!? | Das ist ja toll!!! | Ja."},
		{"paragraph", "Titel ohne Punkt\n\nBERLIN (dpa) - Text.", "Titel ohne Punkt | BERLIN (dpa) - Text."},
		{"dateline line", "Titel ohne Punkt\nBERLIN/PARIS (dpa-AFX) - Text.", "Titel ohne Punkt | BERLIN/PARIS (dpa-AFX) - Text."},
		{"wrapped line", "Die Regierung hat\nam Dienstag beschlossen.", "Die Regierung hat\nam Dienstag beschlossen."},
		{"number start", "Er kam 1980. 1981 ging er.", "Er kam 1980. | 1981 ging er."},
		{"url", "Mehr unter www.example.de. Danke.", "Mehr unter www.example.de. | Danke."},
		{"trailer", "Das ist alles. /abc/DP/xy", "Das ist alles. | /abc/DP/xy"},
		{"pretok", "Das ist „ gut “ . Er sagte : „ Wir kommen . “ Dann ging er .", "Das ist „ gut “ . | Er sagte : „ Wir kommen . “ | Dann ging er ."},
		{"pretok abbrev", "Er traf Dr . Müller z . B . in St . Pauli .", "Er traf Dr . Müller z . B . in St . Pauli ."},
		{"pretok ascii quote opens", `Das " Haus " ist gut . " Dann " kam er .`, `Das " Haus " ist gut . | " Dann " kam er .`},
		{"pretok ascii quote end", `Er sagte , es sei gut . " Dann kam er .`, `Er sagte , es sei gut . " | Dann kam er .`},
		{"empty", "", ""},
		{"space", " \n\t ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.in)
			checkTokens(t, tc.in, toks)
			var got []string
			for _, s := range Sentences(tc.in, toks) {
				got = append(got, tc.in[s.Start:s.End])
			}
			if g := strings.Join(got, " | "); g != tc.want {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, g, tc.want)
			}
		})
	}
}

// TestSentencesForeignTokens feeds Sentences tokens whose offsets do not fit
// the text: no panic, all tokens covered.
func TestSentencesForeignTokens(t *testing.T) {
	toks := Tokenize("Ein langer Text. Mit zwei Sätzen und „Zitaten“.")
	sents := Sentences("kurz", toks)
	if len(sents) == 0 || sents[len(sents)-1].Last != len(toks) {
		t.Errorf("sentences %v do not cover %d tokens", sents, len(toks))
	}
	if s := Sentences("x", nil); len(s) != 0 {
		t.Errorf("Sentences of no tokens = %v", s)
	}
}
