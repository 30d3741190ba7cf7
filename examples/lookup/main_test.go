package main

import (
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/gazetteer"
)

func TestDescribe(t *testing.T) {
	g, err := gazetteer.Load(strings.NewReader(
		"kn:per/wladimir-putin\tPER\tWladimir Putin\tPutin\t\tkind=person;cc=RU;role=Präsident\n"+
			"kn:org/nato\tORG\tNATO\tNato\t\tkind=intl\n"), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	describe(&b, g, "Putins", 5)
	describe(&b, g, "Nato-Staaten", 5)
	describe(&b, g, "Regierung", 5)
	out := b.String()
	for _, want := range []string{
		"Putins\n  stem:       putin\n",
		`match "Putins": form name (inflected), 1 candidate(s)`,
		"kn:per/wladimir-putin      PER  Wladimir Putin               prior 1.00  person RU (Präsident)",
		`match "Nato-Staaten", name "Nato": form part, 1 candidate(s)`,
		"Regierung\n  stem:       regier\n  first name: -\n  no gazetteer match\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
