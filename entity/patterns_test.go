package entity_test

import (
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/entity"
)

func TestLoadRules(t *testing.T) {
	jsonl := `# user rules
{"label":"ORG","id":"acme","name":"Acme Werke","pattern":[{"lower":"firma"},{"upper":true,"op":"+"}],"span":[1,2]}
{"label":"OTH","pattern":["Projekt",{"shape":"Xx"}]}
`
	tsv := "# label\tpattern\tid\tspan\nPER\tlower:kommissar upper:true\t\t1-2\nLOC\tgaz:LOC Nord\n"
	for name, src := range map[string]string{"rules.jsonl": jsonl, "rules.tsv": tsv} {
		r, err := entity.LoadRules(strings.NewReader(src), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Len() != 2 {
			t.Fatalf("%s: %d rules, want 2", name, r.Len())
		}
	}
	r, _ := entity.LoadRules(strings.NewReader(jsonl), "rules.jsonl")
	x, err := entity.NewExtractor(entity.WithRules(r), entity.WithoutModel())
	if err != nil {
		t.Fatal(err)
	}
	d := x.Extract("Die Firma Quonk baut am Projekt Blau.")
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Text+"|"+m.Type.String()+"|"+d.Entities[m.Entity].ID)
	}
	want := []string{"Quonk|ORG|acme", "Projekt Blau|OTH|"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got %v, want %v", got, want)
	}
	r2, _ := entity.LoadRules(strings.NewReader(tsv), "rules.tsv")
	x2, _ := entity.NewExtractor(entity.WithRules(r2), entity.WithoutModel())
	d = x2.Extract("Dann sprach Kommissar Quabbe mit ihr.")
	if len(d.Mentions) != 1 || d.Mentions[0].Text != "Quabbe" || d.Mentions[0].Type != entity.PER {
		t.Fatalf("TSV rule: got %+v", d.Mentions)
	}
}

func TestLoadRulesErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{\"label\":\"XYZ\",\"pattern\":[\"a\"]}\n", "r:1:"},
		{"# c\n{\"label\":\"PER\",\"pattern\":[]}\n", "r:2: empty pattern"},
		{"{\"label\":\"PER\",\"pattern\":[{\"op\":\"!\"}]}\n", "r:1: unknown op"},
		{"{\"label\":\"PER\",\"pattern\":[\"a\"],\"span\":[0,5]}\n", "r:1: span"},
		{"{\"label\":\"PER\",\"pattern\":[{\"colour\":\"red\"}]}\n", "r:1: invalid pattern element"},
		{"{broken\n", "r:1: invalid rule"},
		{"PER\n", "r:1: want label"},
		{"PER\tfoo:bar\n", "r:1: unknown attribute"},
		{"PER\tgaz:XYZ\n", "r:1: unknown gaz type"},
		{"PER\ta\t\tx-y\n", "r:1: bad span"},
		{"PER\ta\xff\n", "r:1: invalid UTF-8"},
	}
	for _, tc := range tests {
		_, err := entity.LoadRules(strings.NewReader(tc.src), "r")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("LoadRules(%q) = %v, want error containing %q", tc.src, err, tc.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "entity: ") {
			t.Errorf("error %q lacks the package prefix", err)
		}
	}
}

func FuzzLoadRules(f *testing.F) {
	f.Add("{\"label\":\"ORG\",\"pattern\":[{\"lower\":\"firma\"},{\"upper\":true,\"op\":\"+\"}],\"span\":[1,2]}\n")
	f.Add("PER\tlower:kommissar upper:true\t\t1-2\n")
	f.Add("LOC\tgaz:LOC Nord* in:a|b?\n")
	f.Fuzz(func(t *testing.T, src string) {
		r, err := entity.LoadRules(strings.NewReader(src), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "entity: fuzz") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		x, err := entity.NewExtractor(entity.WithRules(r), entity.WithoutModel())
		if err != nil {
			t.Fatal(err)
		}
		text := "Die Firma Quonk baut am Projekt Blau in Nord mit Kommissar Quabbe."
		for _, m := range x.Extract(text).Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}
