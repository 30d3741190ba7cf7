package german_test

import (
	"fmt"

	"github.com/kenner-nlp/kenner/internal/stem/german"
)

func ExampleStem() {
	for _, w := range []string{"Häuser", "Verhandlungen", "äußerst", "Systemen", "gebetet", "Planet"} {
		fmt.Println(german.Stem(w))
	}
	// Output:
	// haus
	// verhandl
	// ausserst
	// system
	// gebet
	// planet
}
