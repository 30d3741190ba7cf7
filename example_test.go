package kenner_test

import (
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/kenner-nlp/kenner"
)

func Example() {
	a, err := kenner.New() // build once, share between goroutines
	if err != nil {
		log.Fatal(err)
	}
	text := "Wladimir Putin empfing Emmanuel Macron in Moskau. Putins Sprecher schwieg."
	res := a.Analyze(text)
	for _, e := range res.Entities {
		fmt.Printf("%s %s (%s)\n", e.Type, e.Name, e.ID)
		for _, m := range e.Mentions {
			fmt.Printf("   %q at bytes [%d:%d]\n", m.Text, m.Start, m.End)
		}
	}
	// The mention as the JSON contract writes it:
	json.NewEncoder(os.Stdout).Encode(res.Entities[0].Mentions[1])
	// Output:
	// PER Wladimir Putin (kn:per/wladimir-putin)
	//    "Wladimir Putin" at bytes [0:14]
	//    "Putins" at bytes [50:56]
	// PER Emmanuel Macron (kn:per/emmanuel-macron)
	//    "Emmanuel Macron" at bytes [23:38]
	// LOC Moskau (geo:524901)
	//    "Moskau" at bytes [42:48]
	// {"text":"Putins","start":50,"end":56,"form":"name","source":"gazetteer"}
}
