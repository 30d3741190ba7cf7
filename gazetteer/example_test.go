package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// tsv is a small gazetteer in TSV format v1.
const tsv = `# kenner-gazetteer v1
# source: example
iso:RU	LOC	Russland	Russische Föderation	russisch|Russe|Russen	cc=RU;kind=country
geo:524901	LOC	Moskau		Moskauer	cc=RU;kind=city;pop=10381222
geo:2928810	LOC	Essen		Essener	cc=DE;kind=city;pop=582760;prior=0.41
kn:org/nato	ORG	NATO	Nato		kind=intl
kn:org/kreml	ORG	Kreml			kind=gov;cc=RU
kn:per/wladimir-putin	PER	Wladimir Putin	Putin		kind=person;cc=RU
`

func mustLoad() *gazetteer.Gazetteer {
	g, err := gazetteer.Load(strings.NewReader(tsv), "example.tsv")
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleLoad() {
	g, err := gazetteer.Load(strings.NewReader(tsv), "example.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	e := g.ByID("geo:2928810")
	fmt.Println(g.Len(), e.Name, e.Type, e.Population, e.Prior, e.Ambiguous())

	_, err = gazetteer.Load(strings.NewReader("kn:per/x\tPERSON\tX\n"), "people.tsv")
	fmt.Println(err)
	// Output:
	// 6 Essen LOC 582760 0.41 true
	// gazetteer: people.tsv:1: unknown type "PERSON"
}

func ExampleGazetteer_Lookup() {
	g := mustLoad()
	for _, w := range []string{"Putins", "Nato-Staaten", "russische", "MOSKAU", "Kremlchef", "essen"} {
		ms := g.Lookup(w)
		if len(ms) == 0 {
			fmt.Printf("%-12s -\n", w)
			continue
		}
		m := ms[0]
		fmt.Printf("%-12s %-5s %-21s part=%q inflected=%v folded=%v\n",
			w, m.Form, m.Entries[0].ID, m.Part(w), m.Inflected, m.Folded)
	}
	// Output:
	// Putins       name  kn:per/wladimir-putin part="Putins" inflected=true folded=false
	// Nato-Staaten part  kn:org/nato           part="Nato" inflected=false folded=false
	// russische    deriv iso:RU                part="russische" inflected=true folded=false
	// MOSKAU       name  geo:524901            part="MOSKAU" inflected=false folded=true
	// Kremlchef    part  kn:org/kreml          part="Kreml" inflected=false folded=false
	// essen        -
}

func ExampleGazetteer_MatchTokens() {
	g := mustLoad()
	text := "MOSKAU (dpa) - Die Russische Föderation und Putins Sprecher kritisierten die Nato-Staaten."
	toks := tokenize.Tokenize(text)
	for _, m := range g.MatchTokens(text, toks, nil) {
		fmt.Printf("%d:%d %q %s %s\n", m.Start, m.End, text[m.Start:m.End], m.Form, m.Entries[0].Name)
	}
	// Output:
	// 0:6 "MOSKAU" name Moskau
	// 19:40 "Russische Föderation" name Russland
	// 45:51 "Putins" name Wladimir Putin
	// 78:90 "Nato-Staaten" part NATO
}

func ExampleGazetteer_With() {
	g := mustLoad()
	user, err := gazetteer.Load(strings.NewReader(
		`{"id":"kn:loc/donbass","type":"LOC","name":"Donbass","aliases":["Donbas"]}`), "user.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err = g.With(user)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range g.Match("Kämpfe im Donbas") {
		fmt.Println(m.Entries[0].ID, m.Entries[0].Name)
	}
	// Output:
	// kn:loc/donbass Donbass
}

func ExampleFirstNames() {
	n := gazetteer.FirstNames()
	if n.Count("Marie") > 0 && n.FemaleShare("Marie") > 0.9 {
		fmt.Println("Marie is a frequent female first name")
	}
}

func ExampleDefault() {
	g := gazetteer.Default()
	for _, m := range g.Match("Putins Sprecher sagte in Moskau ...") {
		fmt.Println(m.Form, m.Entries[0].ID)
	}
}
