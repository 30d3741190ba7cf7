package entity_test

import (
	"fmt"

	"github.com/kenner-nlp/kenner/entity"
)

func ExampleExtractor_Extract() {
	x, err := entity.NewExtractor()
	if err != nil {
		panic(err)
	}
	text := "Kremlchef Wladimir Putin empfing den US-Sondergesandten Steve Witkoff. Putins Sprecher schwieg."
	doc := x.Extract(text)
	for _, m := range doc.Mentions {
		e := doc.Entities[m.Entity]
		fmt.Printf("%d-%d %-20s %s %-5s → %s (%s)\n", m.Start, m.End, m.Text, m.Type, m.Form, e.Name, e.ID)
	}
	// Output:
	// 0-9 Kremlchef            ORG part  → Kreml (kn:org/kreml)
	// 10-24 Wladimir Putin       PER name  → Wladimir Putin (kn:per/wladimir-putin)
	// 37-55 US-Sondergesandten   LOC part  → Vereinigte Staaten (iso:US)
	// 56-69 Steve Witkoff        PER name  → Steve Witkoff (kn:per/steve-witkoff)
	// 71-77 Putins               PER name  → Wladimir Putin (kn:per/wladimir-putin)
}
