package main

// Ambiguity of place names with common German words.
//
// A name is a "vocabulary word" when its lower-case form is in the Snowball
// German vocabulary (voc.txt, 35k words from running text) — unless every word
// of voc.txt that shares its Snowball stem is the name itself or a name-derived
// form (+s, +er, +ern, +ers, +erin, +erisch…, umlauts folded as in England/Engländer): such families (berlin berliner,
// potsdam, kiel, nürnberg) are proper nouns that happen to occur in the text the
// vocabulary was taken from. A small hand-written stop list marks very common
// words (function words and frequent nouns) whatever the vocabulary says.
//
// Prior of a place whose name (or kept alias) is ambiguous, with pop the population
// and b = clamp((log10(pop)-3)/4, 0.05, 0.95) (1k→0.05, 10k→0.25, 100k→0.5, 1M→0.75):
//   - vocabulary word, DE/AT/CH: b; 1 for pop ≥ 500,000, capitals and first-level
//     regions; dropped when pop < 2,000.
//   - vocabulary word elsewhere: b/2; 1 for pop ≥ 1,000,000 and national capitals.
//   - stop word: 0.6·b, no exception for size; dropped when pop < 10,000 (DE/AT/CH)
//     or < 100,000 (elsewhere).
// An alias (short form such as "Halle" for "Halle (Saale)", or a GeoNames main
// name) that is ambiguous is only kept for places of ≥ 100,000 inhabitants;
// otherwise it is dropped and the entry keeps prior 1 under its full name.
//
// Other rules (places.go, main.go): a place named like a country gets prior ≤ 0.5
// (Luxemburg the city), a first-level region named like a town prior ≤ 0.5, and a
// place with fewer than 500,000 inhabitants named like a curated person,
// organisation or other non-place entity prior ≤ 0.3 (Obama in Japan, Mercedes
// in Argentina); such a place loses an alias that is named like one (Werder).

import (
	"fmt"
	"io"
	"math"
	"strings"
)

type ambClass uint8

const (
	ambNone  ambClass = iota // not a common word
	ambVocab                 // a word of the German vocabulary
	ambStop                  // a very common word (stop list)
)

// stopWords are very common German words (function words, frequent nouns and
// verb forms) that are also place names somewhere. General vocabulary, chosen
// without looking at any evaluation data.
var stopWords = strings.Fields(`
	aber alle als also am an auch auf aus bei bis da damit dann das dass dem den der des die doch
	du durch ein eine einem einen einer eines er es für hat hatte ich ihr im in ins ist ja kein man
	mit nach nicht noch nun nur ob oder ohne sein sich sie sind so über um und uns unter vom von vor
	war waren was weil wenn wer wie wir wird zu zum zur
	abend acht alt anfang arbeit au bad bach berg berge bild boden brücke buch burg dorf ecke ende
	essen fall feld fels frau frieden garten glück graben grund hafen hain halt hand haus hausen heide
	heim himmel hof holz horn hort hütte insel kirche kreuz land lage laufen leben licht linde linden
	mann mark markt mauer meer mitte moos morgen mühle nord norden ost osten recht ring rolle ruhe
	sand schule see seen sonne stadt stein stelle straße süd süden tag tal treffen turm wald wasser
	weg weide weiler welt west westen wetter wiese wiesen wille wort zeit zell ziel zug
	mission police rum hohn bann igel mantel heiden meilen übersee bergen derby
`)

// ambiguity classifies surface forms.
type ambiguity struct {
	voc      map[string]bool // lower-case vocabulary
	nameOnly map[string]bool // vocabulary words whose stem family is name-like
	stop     map[string]bool
}

// nameSuffixes are the endings that a proper noun's stem family may have.
var nameSuffixes = []string{"", "s", "er", "ern", "ers", "erin", "erinnen",
	"erisch", "erische", "erischen", "erischer", "erisches", "erischem"}

// newAmbiguity builds the classifier from voc.txt and the Snowball stems
// (output.txt, the stem of each voc.txt line). stems may be nil: then every
// vocabulary word counts as common.
func newAmbiguity(voc, stems io.Reader) (*ambiguity, error) {
	words, err := readLines(voc, "voc.txt")
	if err != nil {
		return nil, err
	}
	a := &ambiguity{voc: make(map[string]bool, len(words)), nameOnly: map[string]bool{}, stop: map[string]bool{}}
	for _, w := range words {
		a.voc[w] = true
	}
	for _, w := range stopWords {
		a.stop[w] = true
	}
	if stems == nil {
		return a, nil
	}
	st, err := readLines(stems, "output.txt")
	if err != nil {
		return nil, err
	}
	if len(st) != len(words) {
		return nil, fmt.Errorf("gazgen: output.txt has %d lines, voc.txt %d", len(st), len(words))
	}
	family := map[string][]string{}
	for i, w := range words {
		family[st[i]] = append(family[st[i]], w)
	}
	for i, w := range words {
		ok := true
		for _, f := range family[st[i]] {
			if !hasNameSuffix(f, w) {
				ok = false
				break
			}
		}
		if ok {
			a.nameOnly[w] = true
		}
	}
	return a, nil
}

func hasNameSuffix(form, base string) bool {
	form, base = foldUmlauts(form), foldUmlauts(base)
	if !strings.HasPrefix(form, base) {
		return false
	}
	rest := form[len(base):]
	for _, s := range nameSuffixes {
		if rest == s {
			return true
		}
	}
	return false
}

var umlautFolder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss")

// foldUmlauts maps ä ö ü ß to a o u ss, as the Snowball stems do (England, Engländer).
func foldUmlauts(s string) string { return umlautFolder.Replace(s) }

// class returns the ambiguity class of a surface form. Multi-word and hyphenated
// forms are never ambiguous.
func (a *ambiguity) class(s string) ambClass {
	if strings.ContainsAny(s, " -./()'’") {
		return ambNone
	}
	l := strings.ToLower(s)
	if a.stop[l] {
		return ambStop
	}
	if a.voc[l] && !a.nameOnly[l] {
		return ambVocab
	}
	return ambNone
}

// basePrior maps a population to (log10(pop)-3)/4 clamped to [0.05, 0.95].
func basePrior(pop int64) float64 {
	if pop < 1 {
		pop = 1
	}
	return clamp((math.Log10(float64(pop))-3)/4, 0.05, 0.95)
}

func clamp(x, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, x))
}

// placePrior returns the prior of a place with an ambiguous surface of class c,
// and false when the place (or the alias) should be dropped.
func placePrior(c ambClass, pop int64, dach, major bool) (float64, bool) {
	b := basePrior(pop)
	switch c {
	case ambVocab:
		if dach {
			if major || pop >= 500_000 {
				return 1, true
			}
			if pop < 2_000 {
				return 0, false
			}
			return b, true
		}
		if major || pop >= 1_000_000 {
			return 1, true
		}
		return clamp(b/2, 0.05, 1), true
	case ambStop:
		if (dach && pop < 10_000) || (!dach && pop < 100_000) {
			return 0, false
		}
		return clamp(0.6*b, 0.05, 1), true
	}
	return 1, true
}

// A place below curatedClashPop named like a curated PER/ORG/OTH entry gets at
// most curatedClashPrior.
const (
	curatedClashPop   = 500_000
	curatedClashPrior = 0.3
)

// aliasKeepPop is the population from which an ambiguous alias is kept.
const aliasKeepPop = 100_000

// applyPriors filters the aliases of a place and sets its prior; it returns
// false when the whole entry is to be dropped (its name is too ambiguous).
func (a *ambiguity) applyPriors(e *entry) bool {
	if !nameShapeOK(e.Name) {
		return false
	}
	if c := a.class(e.Name); c != ambNone {
		p, ok := placePrior(c, e.Pop, e.dach, e.major)
		if !ok {
			return false
		}
		e.setFormPrior(e.Name, p)
	}
	kept := e.Aliases[:0]
	for _, al := range e.Aliases {
		if !nameShapeOK(al) {
			continue
		}
		if c := a.class(al); c != ambNone {
			if e.Pop < aliasKeepPop && !e.major {
				continue
			}
			p, ok := placePrior(c, e.Pop, e.dach, e.major)
			if !ok {
				continue
			}
			e.setFormPrior(al, p)
		}
		kept = append(kept, al)
	}
	e.Aliases = kept
	return true
}

// nameShapeOK rejects names with fewer than 3 letters, without an upper-case
// letter, or starting with a lower-case letter.
func nameShapeOK(s string) bool {
	letters, upper := 0, false
	for i, r := range s {
		if isLetter(r) {
			letters++
			if isUpper(r) {
				upper = true
			} else if i == 0 {
				return false
			}
		}
	}
	return letters >= 3 && upper
}
