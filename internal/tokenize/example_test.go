package tokenize_test

import (
	"fmt"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

func Example() {
	text := "BERLIN (dpa) - Die Nato-Außenminister trafen sich am 3. Dezember, u.a. mit Dr. Müller. " +
		"Er sagte: „Wir kommen.“ Dann ging er."
	toks := tokenize.Tokenize(text)
	for _, s := range tokenize.Sentences(text, toks) {
		fmt.Printf("[%d:%d] %s\n", s.Start, s.End, text[s.Start:s.End])
		for _, t := range toks[s.First:s.Last] {
			fmt.Printf("  %q", t.Text)
		}
		fmt.Println()
	}
	t := toks[6]
	fmt.Println(t.Text, t.Start, t.End, t.Kind, t.Flags)
	for _, p := range tokenize.Parts(t, nil) {
		fmt.Printf("%s [%d:%d]\n", text[p.Start:p.End], p.Start, p.End)
	}
	// Output:
	// [0:88] BERLIN (dpa) - Die Nato-Außenminister trafen sich am 3. Dezember, u.a. mit Dr. Müller.
	//   "BERLIN"  "("  "dpa"  ")"  "-"  "Die"  "Nato-Außenminister"  "trafen"  "sich"  "am"  "3."  "Dezember"  ","  "u.a."  "mit"  "Dr."  "Müller"  "."
	// [89:116] Er sagte: „Wir kommen.“
	//   "Er"  "sagte"  ":"  "„"  "Wir"  "kommen"  "."  "“"
	// [117:130] Dann ging er.
	//   "Dann"  "ging"  "er"  "."
	// Nato-Außenminister 19 38 Word Upper|Hyphen
	// Nato [19:23]
	// Außenminister [24:38]
}
