package tokenize

import "strings"

// Abbreviation classes.
const (
	abbrNone   = iota
	abbrInside // practically never ends a sentence: Dr. Müller, z.B. Berlin, 3 Mio. Euro
	abbrMayEnd // often ends a sentence: … usw. Die …
	abbrMonth  // month abbreviation: may end a sentence
)

// abbrevInside lists German abbreviations (without their final dot) that keep
// their dot and practically never end a sentence. Entries starting with a
// lower-case letter are also accepted capitalised (Vgl., Bzw. at a sentence
// start).
const abbrevInside = `
Abb Abg Abk Abs Abt Adm allg Anh Anl Anm Art Aufl Az Bd Bde Bearb bes Best Betr betr Bev Bhf Bsp bspw
Bst bzgl bzw ca Cie Co dgl Dipl Dir Doz Dr Dres dt ebd ehem eigtl einschl engl entspr erg erw
ev evtl exkl Fa Fam Forts Fr Frl frz geb Gebr gegr gem Gen Ges gesch gest ggf ggü Gr hl Hl Hr
Hrn Hrsg hrsg i.A i.d.R i.e i.V Ing inkl insb Jg Kap kath Kfm Kl Komm Kr Kt lat Lfg lt Lt
Mag max Mio Mr Mrd Mrs Ms mtl Nachf näml No Nr Obb o.g Pfr Pkt Pl Präs Prof Prok Red Reg Rel resp
röm Sek Sen Sr Slg sog St Stv stv Tab Tel Tsd u.a u.a.m u.U usf v.a Verf verh Verl verw vgl
Vors Vol vs Weihb Wwe z.B z.T z.Zt zzgl Ziff zit zus zw Jr jr jun sen Mo Di Mi Do Sa
mind Mill Mrd sogen Jhs Nrn Hs Hss Pf Pfg
Dipl.-Ing Dr.-Ing Dipl.-Kfm d.h d.J d.M a.D a.M i.Br i.R v.l.n.r s.o s.u
`

// abbrevMayEnd lists abbreviations that often end a sentence: before a
// capitalised word they are a sentence boundary.
const abbrevMayEnd = `
usw etc u.ä o.ä u.Ä u.v.m Chr v.Chr n.Chr Jh Jhd Jahrh ff Inc Ltd Corp Str e.V Min min Std Hbf
`

// months are the German month abbreviations.
const monthAbbrevs = `Jan Febr Feb Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez`

var abbrevs = func() map[string]uint8 {
	m := make(map[string]uint8, 512)
	add := func(list string, class uint8) {
		for _, w := range strings.Fields(list) {
			m[w] = class
			if c := w[0]; c >= 'a' && c <= 'z' {
				up := string(c-'a'+'A') + w[1:]
				if _, ok := m[up]; !ok {
					m[up] = class
				}
			}
		}
	}
	add(abbrevInside, abbrInside)
	add(abbrevMayEnd, abbrMayEnd)
	add(monthAbbrevs, abbrMonth)
	return m
}()

// abbrevClass returns the class of word (without its final dot).
func abbrevClass(word string) uint8 { return abbrevs[word] }

// ordinalNext lists words that follow an ordinal number ("3. Dezember",
// "im 19. Jahrhundert", "1. FC Köln"): before them a number with a dot is an
// ordinal, not the end of a sentence.
var ordinalNext = func() map[string]bool {
	m := make(map[string]bool, 128)
	for _, w := range strings.Fields(`
Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
Jan Feb Febr Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez
Jahrhundert Jahrhunderts Jahrhunderte Jahrtausend Jahrtausends Jh Jhd
Spieltag Spieltags Spieltages Mal Minute Runde Etappe Halbzeit Quartal Quartals Halbjahr Halbjahres
Kalenderwoche Lebensjahr Lebensjahres Geburtstag Geburtstags Jahrestag Jahrestags Todestag Todestags
Weltkrieg Weltkriegs Weltkrieges Bundesliga Liga Klasse Stock Etage Advent Advents Adventssonntag
Kapitel Auflage Sinfonie Symphonie Parteitag Parteitags Legislaturperiode Wahlgang Durchgang
Amendment Armee Korps Division Rang Platz Tag Woche Monat Jahr Jahres
FC FSV SC SV FFC BFC VfL VfB VfR TSV SSV
`) {
		m[w] = true
	}
	return m
}()

// ordinalContext lists words (lower-cased) after which a number with a dot is
// an ordinal even before a capitalised noun: "der 2. Weltkrieg",
// "zum 1000. Mal".
var ordinalContext = func() map[string]bool {
	m := make(map[string]bool, 64)
	for _, w := range strings.Fields(`
der die das dem den des am im zum zur vom beim ins ans aufs
ein eine einem einen einer eines kein keine keinem keinen keiner
sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres
unser unsere unserem unseren unserer dieser diese diesem diesen dieses
jeder jede jedem jeden jedes welcher welche welchem welchen
`) {
		m[w] = true
	}
	return m
}()

// sentenceVerbs lists verbs (lower-cased) after which "2." before a
// capitalised word ends a sentence: "Sie wurde 2. Dann …".
var sentenceVerbs = func() map[string]bool {
	m := make(map[string]bool, 32)
	for _, w := range strings.Fields(`
ist sind war waren wurde wurden wird werden bleibt blieb blieben bleiben landete landeten
belegte belegten kam kamen wäre wären liegt lag lagen liegen steht stand standen
`) {
		m[w] = true
	}
	return m
}()

// tlds lists the top-level domains that make "name.tld" a URL without scheme.
var tlds = func() map[string]bool {
	m := make(map[string]bool, 64)
	for _, w := range strings.Fields(`
de at ch li lu eu com org net info biz gov edu int mil io ai app dev tv fm me ly
uk fr it nl be es pt pl cz dk se no fi ru ua us ca au jp cn tr gr hu ro sk si hr
berlin hamburg koeln bayern nrw saarland online news media
`) {
		m[w] = true
	}
	return m
}()

// lowerKey lower-cases an ASCII word into buf for a map lookup; ok is false
// when the word does not fit or is not ASCII.
func lowerKey(buf *[16]byte, w string) (string, bool) {
	if len(w) > len(buf) {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(w)]), true
}

// IsRoman reports whether w is a canonical Roman numeral of two to seven
// characters made of I, V, X, L and C (II, IV, XIV, XVI). D and M are left out
// so that DM or CD stay words.
func IsRoman(w string) bool {
	if len(w) < 2 || len(w) > 7 {
		return false
	}
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		case 'L':
			return 50
		case 'C':
			return 100
		}
		return 0
	}
	total := 0
	for i := 0; i < len(w); i++ {
		v := val(w[i])
		if v == 0 {
			return false
		}
		if i+1 < len(w) && val(w[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 400 {
		return false
	}
	// canonical form check
	var buf [16]byte
	b := buf[:0]
	for _, p := range [...]struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for total >= p.v {
			b = append(b, p.s...)
			total -= p.v
		}
	}
	return string(b) == w
}
