package gazetteer

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadTSV(t *testing.T) {
	src := "\uFEFF# kenner-gazetteer v1\r\n" +
		"# source: test\r\n" +
		"\r\n" +
		"iso:RU\tLOC\tRussland\tRussische Föderation\trussisch|Russe\tcc=RU;kind=country;pop=144000000\r\n" +
		"kn:org/nato\tORG\tNATO\tNato\n" +
		"kn:per/x\tPER\tMax Mustermann\t\t\tprior=0.25;role=Testperson;geonames=7;freq=12;\n" +
		"   \n" +
		"kn:oth/y\tOTH\t Ding \t a || b |\n"
	g, err := Load(strings.NewReader(src), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 {
		t.Fatalf("Len = %d", g.Len())
	}
	ru := g.ByID("iso:RU")
	if ru == nil || ru.Name != "Russland" || ru.Type != LOC || ru.Country != "RU" || ru.Kind != "country" ||
		ru.Population != 144000000 || ru.Prior != 1 || ru.Ambiguous() {
		t.Fatalf("iso:RU = %+v", ru)
	}
	if strings.Join(ru.Aliases, "|") != "Russische Föderation" || strings.Join(ru.Derived, "|") != "russisch|Russe" {
		t.Errorf("aliases %q derived %q", ru.Aliases, ru.Derived)
	}
	nato := g.ByID("kn:org/nato")
	if nato.Attrs != nil || nato.Derived != nil || nato.Prior != 1 {
		t.Errorf("nato = %+v", nato)
	}
	x := g.ByID("kn:per/x")
	if x.Prior != 0.25 || !x.Ambiguous() || x.GeoNamesID != 7 || x.Freq != 12 || x.Attrs["role"] != "Testperson" || len(x.Attrs) != 1 {
		t.Errorf("kn:per/x = %+v", x)
	}
	y := g.ByID("kn:oth/y")
	if y.Name != "Ding" || strings.Join(y.Aliases, "|") != "a|b" {
		t.Errorf("kn:oth/y = %+v", y)
	}
	if g.ByID("nope") != nil {
		t.Error("ByID(nope) != nil")
	}
	ids := []string{}
	for _, e := range g.Entries() {
		ids = append(ids, e.ID)
	}
	if strings.Join(ids, " ") != "iso:RU kn:org/nato kn:per/x kn:oth/y" {
		t.Errorf("Entries order %v", ids)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown type", "# h\niso:RU\tLOC\tRussland\nkn:per/x\tPERSON\tX\n",
			`gazetteer: people.tsv:3: unknown type "PERSON"`},
		{"few columns", "iso:RU\tLOC\n", `gazetteer: people.tsv:1: want at least 3 tab-separated columns (id, type, name), got 2`},
		{"many columns", "a\tLOC\tA\t\t\t\tx\n", `gazetteer: people.tsv:1: too many columns (want at most 6)`},
		{"empty name", "\n\na\tLOC\t \n", `gazetteer: people.tsv:3: a: empty name`},
		{"empty id", " \tLOC\tA\n", `gazetteer: people.tsv:1: empty id`},
		{"duplicate", "a\tLOC\tA\nb\tLOC\tB\na\tORG\tC\n", `gazetteer: people.tsv:3: duplicate id "a" (first on line 1)`},
		{"invalid utf8", "a\tLOC\tA\nb\tLOC\tB\xff\n", `gazetteer: people.tsv:2: invalid UTF-8`},
		{"attr without =", "a\tLOC\tA\t\t\tcc\n", `gazetteer: people.tsv:1: a: attr "cc": want key=value`},
		{"attr bad pop", "a\tLOC\tA\t\t\tpop=viele\n", `gazetteer: people.tsv:1: a: attr pop: invalid number "viele"`},
		{"attr bad prior", "a\tLOC\tA\t\t\tprior=1.5\n", `gazetteer: people.tsv:1: a: attr prior: want a number in [0,1], got "1.5"`},
		{"attr duplicate", "a\tLOC\tA\t\t\tcc=DE;cc=AT\n", `gazetteer: people.tsv:1: a: duplicate attr "cc"`},
		{"jsonl syntax", "# c\n{\"id\":\"a\",\"type\":\"LOC\",\"name\":\"A\"}\n{\"id\":\n",
			`gazetteer: people.tsv:3: unexpected EOF`},
		{"jsonl type", `{"id":"a","type":"PERSON","name":"A"}`, `gazetteer: people.tsv:1: unknown type "PERSON"`},
		{"jsonl unknown field", `{"id":"a","type":"LOC","name":"A","alias":["x"]}`, `gazetteer: people.tsv:1: json: unknown field "alias"`},
		{"jsonl empty name", `{"id":"a","type":"LOC","name":""}`, `gazetteer: people.tsv:1: a: empty name`},
		{"jsonl duplicate", "{\"id\":\"a\",\"type\":\"LOC\",\"name\":\"A\"}\n\n{\"id\":\"a\",\"type\":\"LOC\",\"name\":\"A\"}",
			`gazetteer: people.tsv:3: duplicate id "a" (first on line 1)`},
		{"jsonl trailing", `{"id":"a","type":"LOC","name":"A"} {}`, `gazetteer: people.tsv:1: unexpected data after the JSON object`},
		{"jsonl attr object", `{"id":"a","type":"LOC","name":"A","attrs":{"pop":{}}}`, `gazetteer: people.tsv:1: a: attr "pop": want a string, number or boolean`},
		{"jsonl attr separator", `{"id":"a","type":"LOC","name":"A","attrs":{"role":"a;b"}}`, `gazetteer: people.tsv:1: a: attr "role": key or value contains a separator`},
		{"jsonl invalid utf8", "{\"id\":\"a\",\"type\":\"LOC\",\"name\":\"A\xff\"}", `gazetteer: people.tsv:1: invalid UTF-8`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tc.src), "people.tsv")
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("error\n got  %s\n want %s", err, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "people.tsv" || pe.Line < 1 {
				t.Errorf("error %#v is not a *ParseError with file and line", err)
			}
		})
	}
}

func TestPriorOf(t *testing.T) {
	g, err := Load(strings.NewReader("kn:org/mitte-ch\tORG\tDie Mitte\tMitte|Mitte-Partei\t\tprior=0.2;prior_forms=Mitte:0.2|Die Mitte:0.5|Bad:x\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	e := g.ByID("kn:org/mitte-ch")
	for s, want := range map[string]float64{"Mitte": 0.2, "Die Mitte": 0.5, "Mitte-Partei": 1, "Bad": 0.2} {
		if got := e.PriorOf(s); got != want {
			t.Errorf("PriorOf(%q) = %v, want %v", s, got, want)
		}
	}
	if p := (&Entry{Prior: 1}).PriorOf("x"); p != 1 {
		t.Errorf("no attrs: %v", p)
	}
	// Entries that Load and New know to lack prior_forms skip the map; an
	// entry copied from one of them into New with prior_forms added, and
	// one built by hand, must still use it.
	g, err = Load(strings.NewReader("kn:org/x\tORG\tX-Partei\tX\t\tprior=0.4;party=x\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	loaded := g.ByID("kn:org/x")
	if p := loaded.PriorOf("X"); p != 0.4 {
		t.Errorf("loaded without prior_forms: %v, want the prior 0.4", p)
	}
	cp := *loaded
	cp.Attrs = map[string]string{"prior_forms": "X:0.1"}
	byHand := &Entry{ID: "kn:org/y", Type: ORG, Name: "Y-Partei", Prior: 0.4, Attrs: map[string]string{"prior_forms": "Y:0.3"}}
	if p := byHand.PriorOf("Y"); p != 0.3 {
		t.Errorf("entry built by hand: %v, want 0.3", p)
	}
	g2, err := New(&cp, byHand)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id, surface string
		want        float64
	}{{"kn:org/x", "X", 0.1}, {"kn:org/y", "Y", 0.3}} {
		if p := g2.ByID(c.id).PriorOf(c.surface); p != c.want {
			t.Errorf("New, %s: PriorOf(%q) = %v, want %v", c.id, c.surface, p, c.want)
		}
	}
	noPF := *byHand
	noPF.ID, noPF.Attrs = "kn:org/z", nil
	g3, err := New(&noPF)
	if err != nil {
		t.Fatal(err)
	}
	if p := g3.ByID("kn:org/z").PriorOf("Y"); p != 0.4 {
		t.Errorf("New without prior_forms: %v, want the prior 0.4", p)
	}
}

func TestLoadJSONL(t *testing.T) {
	src := "# users' entities\n\n" +
		`{"id":"kn:org/nato","type":"ORG","name":"NATO","aliases":["Nato", " "],"attrs":{"kind":"intl","pop":0,"prior":0.9,"member":true}}` + "\n" +
		`{"id":"iso:RU","type":"loc","name":"Russland","derived":["russisch"]}` + "\n"
	g, err := Load(strings.NewReader(src), "user.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	nato := g.ByID("kn:org/nato")
	if nato == nil || nato.Type != ORG || strings.Join(nato.Aliases, "|") != "Nato" || nato.Kind != "intl" ||
		nato.Prior != 0.9 || nato.Attrs["member"] != "true" || nato.Attrs["pop"] != "" {
		t.Fatalf("nato = %+v", nato)
	}
	if v, ok := nato.Attr("pop"); !ok || v != "0" {
		t.Fatalf("nato.Attr(pop) = %q, %v", v, ok)
	}
	if v, ok := nato.Attr("member"); !ok || v != "true" {
		t.Fatalf("nato.Attr(member) = %q, %v", v, ok)
	}
	if _, ok := nato.Attr("geonames"); ok {
		t.Fatalf("nato = %+v", nato)
	}
	if ru := g.ByID("iso:RU"); ru == nil || ru.Type != LOC || ru.Prior != 1 {
		t.Fatalf("iso:RU = %+v", ru)
	}
	if got := describeAll("Nato-Staaten", g.Match("Nato-Staaten")); len(got) != 1 || got[0] != "Nato-Staaten/Nato part kn:org/nato" {
		t.Errorf("match %q", got)
	}
}

func TestLoadLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("kn:loc/long\tLOC\tLanger Name\t")
	for i := range 20000 {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString("Alias")
		b.WriteString(strings.Repeat("x", i%7))
	}
	b.WriteString("\n")
	if b.Len() < 100000 {
		t.Fatalf("line only %d bytes", b.Len())
	}
	g, err := Load(strings.NewReader(b.String()), "long.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.ByID("kn:loc/long").Aliases); n != 20000 {
		t.Fatalf("%d aliases", n)
	}
}

func TestLoadEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# only a comment\n"} {
		g, err := Load(strings.NewReader(src), "")
		if err != nil || g.Len() != 0 {
			t.Errorf("Load(%q) = %v, %v", src, g, err)
		}
	}
	_, err := Load(strings.NewReader("x\n"), "")
	if err == nil || !strings.HasPrefix(err.Error(), "gazetteer: <input>:1:") {
		t.Errorf("unnamed input: %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoadReadError(t *testing.T) {
	_, err := Load(errReader{}, "x.tsv")
	if err == nil || err.Error() != "gazetteer: x.tsv: disk on fire" {
		t.Errorf("err = %v", err)
	}
}

func TestNew(t *testing.T) {
	in := &Entry{ID: "kn:loc/x", Type: LOC, Name: "Xstadt", Aliases: []string{"X-Stadt"},
		Attrs: map[string]string{"pop": "1200", "cc": "DE", "kind": "town"}}
	g, err := New(in, &Entry{ID: "kn:per/y", Type: PER, Name: "Y Z", Prior: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	x := g.ByID("kn:loc/x")
	if x == in {
		t.Error("New does not copy")
	}
	if x.Population != 1200 || x.Country != "DE" || x.Kind != "town" || x.Prior != 1 {
		t.Errorf("convenience fields: %+v", x)
	}
	in.Aliases[0] = "changed"
	in.Attrs["pop"] = "1"
	if x.Aliases[0] != "X-Stadt" || x.Attrs["pop"] != "1200" {
		t.Error("New shares slices or maps with the caller")
	}
	if g.ByID("kn:per/y").Prior != 0.5 {
		t.Error("explicit prior lost")
	}
	if ms := g.Match("in der X-Stadt"); len(ms) != 1 || ms[0].Entries[0] != x {
		t.Errorf("match %v", ms)
	}
	for _, bad := range [][]*Entry{
		{nil},
		{{ID: "", Type: LOC, Name: "A"}},
		{{ID: "a", Type: 0, Name: "A"}},
		{{ID: "a", Type: LOC, Name: " "}},
		{{ID: "a", Type: LOC, Name: "A"}, {ID: "a", Type: LOC, Name: "B"}},
		{{ID: "a", Type: LOC, Name: "A", Attrs: map[string]string{"prior": "2"}}},
		{{ID: "a", Type: LOC, Name: "A", Prior: 3}},
		{{ID: "a", Type: LOC, Name: "A\xff"}},
	} {
		if _, err := New(bad...); err == nil || !strings.HasPrefix(err.Error(), "gazetteer: ") {
			t.Errorf("New(%v): err = %v", bad, err)
		}
	}
	if g, err := New(&Entry{ID: "a", Type: LOC, Name: "A", Attrs: map[string]string{"prior": "0"}}); err != nil || g.ByID("a").Prior != 0 {
		t.Errorf("explicit prior=0: %v %v", g, err)
	}
}

func TestWith(t *testing.T) {
	base := mustTestGaz(t)
	user, err := Load(strings.NewReader(
		"kn:org/kreml\tORG\tKreml\tMoskauer Kreml\t\tkind=gov;prior=0.9\n"+
			"kn:loc/donbass\tLOC\tDonbass\tDonbas\n"), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	g, err := base.With(user, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != base.Len()+1 {
		t.Fatalf("Len = %d, want %d", g.Len(), base.Len()+1)
	}
	if k := g.ByID("kn:org/kreml"); k.Prior != 0.9 || k != user.ByID("kn:org/kreml") {
		t.Errorf("kreml not replaced: %+v", k)
	}
	if base.ByID("kn:org/kreml").Prior != 1 {
		t.Error("With changed the receiver")
	}
	// The replaced entry keeps its position.
	bi, gi := -1, -1
	for i, e := range base.Entries() {
		if e.ID == "kn:org/kreml" {
			bi = i
		}
	}
	for i, e := range g.Entries() {
		if e.ID == "kn:org/kreml" {
			gi = i
		}
	}
	if bi != gi || g.Entries()[g.Len()-1].ID != "kn:loc/donbass" {
		t.Errorf("positions: %d vs %d", bi, gi)
	}
	if got := describeAll("Donbas und Moskauer Kreml", g.Match("Donbas und Moskauer Kreml")); len(got) != 2 ||
		got[1] != "Moskauer Kreml name kn:org/kreml" {
		t.Errorf("matches %q", got)
	}
	if got := base.Match("Donbass"); len(got) != 0 {
		t.Error("the receiver matches the new entry")
	}
}

func TestTypeAndForm(t *testing.T) {
	for _, ty := range []Type{PER, LOC, ORG, OTH} {
		p, err := ParseType(ty.String())
		if err != nil || p != ty {
			t.Errorf("ParseType(%s) = %v, %v", ty, p, err)
		}
		b, err := ty.MarshalText()
		var u Type
		if err != nil || u.UnmarshalText(b) != nil || u != ty {
			t.Errorf("text round trip of %s", ty)
		}
	}
	if p, err := ParseType("org"); err != nil || p != ORG {
		t.Errorf("ParseType(org) = %v, %v", p, err)
	}
	if _, err := ParseType("PERSON"); err == nil || err.Error() != `gazetteer: unknown type "PERSON"` {
		t.Errorf("ParseType(PERSON): %v", err)
	}
	if Type(9).String() != "Type(9)" || Type(0).Valid() {
		t.Error("invalid type")
	}
	if _, err := Type(0).MarshalText(); err == nil {
		t.Error("MarshalText of invalid type")
	}
	for f, s := range map[Form]string{FormName: "name", FormDeriv: "deriv", FormPart: "part"} {
		b, err := f.MarshalText()
		var u Form
		if f.String() != s || err != nil || string(b) != s || u.UnmarshalText(b) != nil || u != f {
			t.Errorf("form %d: %q %q %v", f, f.String(), b, err)
		}
	}
	var u Form
	if Form(7).String() != "Form(7)" || u.UnmarshalText([]byte("x")) == nil {
		t.Error("invalid form")
	}
	if _, err := Form(7).MarshalText(); err == nil {
		t.Error("MarshalText of invalid form")
	}
}

func TestLoadNames(t *testing.T) {
	n, err := LoadNames(strings.NewReader("# h\nMarie\t100\t1\nAnna-Lena\t5\t1\nAlex\t10\t0.2\nAlex\t5\t0.2\n"), "names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if n.Len() != 3 || n.Count("Alex") != 15 || n.Count("ANNA-LENA") != 5 || n.FemaleShare("marie") != 1 || n.FemaleShare("Bob") != -1 {
		t.Errorf("names: len %d alex %d anna-lena %d", n.Len(), n.Count("Alex"), n.Count("ANNA-LENA"))
	}
	for src, want := range map[string]string{
		"Marie\t100\n":       "gazetteer: names.tsv:1: want 3 tab-separated columns (name, count, female_share), got 2",
		"Marie\tviele\t1\n":  `gazetteer: names.tsv:1: invalid count "viele"`,
		"# x\nMarie\t1\t2\n": `gazetteer: names.tsv:2: invalid female_share "2"`,
		"\t1\t1\n":           "gazetteer: names.tsv:1: empty name",
		"Ma\xffrie\t1\t1\n":  "gazetteer: names.tsv:1: invalid UTF-8",
		"Marie\t1\t1\tx\n":   "gazetteer: names.tsv:1: want 3 tab-separated columns (name, count, female_share), got 4",
		"Marie\t-1\t0.5\n":   `gazetteer: names.tsv:1: invalid count "-1"`,
		"Marie\t1\tNaN\n":    `gazetteer: names.tsv:1: invalid female_share "NaN"`,
		"Marie\t1\t0.5\r\nX": "gazetteer: names.tsv:2: want 3 tab-separated columns (name, count, female_share), got 1",
	} {
		if _, err := LoadNames(strings.NewReader(src), "names.tsv"); err == nil || err.Error() != want {
			t.Errorf("LoadNames(%q): %v, want %s", src, err, want)
		}
	}
}
