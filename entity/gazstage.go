package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// locPrepositions are the words after which an ambiguous place name (Essen,
// Halle, Hof) is taken as the place.
var locPrepositions = map[string]bool{
	"in": true, "nach": true, "aus": true, "bei": true, "von": true, "vom": true,
	"um": true, "über": true, "via": true, "gen": true, "zwischen": true,
	"Richtung": true, "nahe": true, "nördlich": true, "südlich": true, "östlich": true, "westlich": true,
}

// settlement reports whether e is a town, city or district: a name that
// takes no article, so that after a determiner the word is a noun (das
// Essen, die Halle, der Hof, des Romans; but in Essen, nach Halle).
// Countries and regions may take one (die Schweiz, der Irak).
func settlement(e *gazetteer.Entry) bool {
	return e.Type == LOC && (e.Kind == "town" || e.Kind == "city" || e.Kind == "district")
}

// nounAfterDeterminer reports whether the one-token name of e at token i
// is the noun it also is: a settlement right after a determiner (des
// Romans, im Keller).
func nounAfterDeterminer(e *gazetteer.Entry, i int, s *scratch) bool {
	return settlement(e) && afterDeterminer(i, s)
}

// notAdjectives are lower-case words with an adjective's ending that do not
// modify a following noun: conjunctions, prepositions and adverbs.
var notAdjectives = map[string]bool{
	"oder": true, "aber": true, "sowie": true, "über": true, "unter": true, "hinter": true,
	"wider": true, "gegen": true, "neben": true, "zwischen": true, "ohne": true, "entgegen": true,
	"außer": true, "nahe": true, "wieder": true, "immer": true, "heute": true, "gestern": true,
	"morgen": true, "später": true, "eben": true, "oben": true, "unten": true, "seither": true,
	"gerne": true, "ebenso": true,
}

// afterAdjective reports whether the word before token i is a lower-case
// word with an adjective's ending (vollgelaufener, neue), so that a word at
// i that is also a German noun is that noun. A place's own adjective
// (im sächsischen Wurzen) is a mention and does not count.
func afterAdjective(i int, s *scratch) bool {
	if i == 0 {
		return false
	}
	p := &s.toks[i-1]
	w := p.Text
	if p.Kind != tokenize.Word || p.Flags&tokenize.Upper != 0 || len(w) < 4 || s.owner[i-1] != 0 ||
		determiners[w] || notAdjectives[w] || locPrepositions[w] {
		return false
	}
	return adjectiveEnding(w)
}

// adjectiveEnding reports whether w ends like an inflected adjective: -e,
// -en, -er, -es or -em.
func adjectiveEnding(w string) bool {
	return strings.HasSuffix(w, "e") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "er") ||
		strings.HasSuffix(w, "es") || strings.HasSuffix(w, "em")
}

// gazetteerStage turns gazetteer matches into mentions, deciding for
// ambiguous names by context.
func (x *Extractor) gazetteerStage(text string, s *scratch) {
	s.matches = x.gaz.MatchTokensMemo(text, s.toks, s.wtok, &s.gazMemo, s.matches[:0])
	parties, doubtful := false, false
	for i := range s.matches {
		m := &s.matches[i]
		if len(m.Entries) == 0 {
			continue
		}
		e := m.Entries[0]
		if m.Form == gazetteer.FormName {
			for t := m.First; t < m.Last; t++ {
				s.cand[t] = e.Type
			}
		}
		score, ok := x.acceptMatch(m, e, s)
		if !ok {
			doubtful = doubtful || e.Kind == "party"
			continue
		}
		sp := span{
			first: m.First, last: m.Last, start: m.Start, end: m.End,
			partStart: m.PartStart, partEnd: m.PartEnd,
			typ: e.Type, form: m.Form, entry: e, src: SourceGazetteer, score: score,
		}
		if m.Form == gazetteer.FormName && m.Last-m.First == 1 && s.toks[m.First].Flags&tokenize.Hyphen != 0 {
			x.compoundPart(text, &sp, s)
		}
		if sp.form == FormPart && m.Last-m.First == 1 {
			x.namedAfter(&sp, s)
		}
		if e.Type == PER && m.Form == gazetteer.FormName && m.Last-m.First > 1 && s.word(m.First).has(wRole) &&
			!strings.HasPrefix(e.Name, s.toks[m.First].Text) {
			// A title the alias carries is not part of the name: König
			// Charles, Papst Franziskus.
			sp.first++
			sp.start = s.toks[sp.first].Start
		}
		sp.certain = sp.score >= 0.95 || sp.form != FormName && e.Prior >= 0.9
		if s.add(sp) && e.Kind == "party" && sp.certain {
			parties = true
		}
	}
	if parties && doubtful {
		x.partiesInContext(s)
	}
}

// partiesInContext accepts the doubtful one-word names of parties (Grünen,
// Linke) in a text that names a party for sure (CDU, SPD): there they are
// the parties, not the adjectives.
func (x *Extractor) partiesInContext(s *scratch) {
	for i := range s.matches {
		m := &s.matches[i]
		if len(m.Entries) == 0 || m.Form != gazetteer.FormName || m.Last-m.First != 1 {
			continue
		}
		e := m.Entries[0]
		t := &s.toks[m.First]
		if e.Kind != "party" || e.Prior < 0.5 || t.Flags&(tokenize.Upper|tokenize.SentStart) != tokenize.Upper || !s.free(m.First) {
			continue
		}
		if p := m.First - 1; p >= 0 && (s.toks[p].Text == "im" || s.toks[p].Text == "ins") {
			continue // ein Picknick im Grünen
		}
		s.add(span{first: m.First, last: m.Last, start: m.Start, end: m.End, typ: e.Type, form: m.Form, entry: e, src: SourceGazetteer, score: 0.6})
	}
}

// acceptMatch decides whether a gazetteer match is a mention and with what
// confidence.
func (x *Extractor) acceptMatch(m *gazetteer.Match, e *gazetteer.Entry, s *scratch) (float64, bool) {
	if m.Form != gazetteer.FormName {
		// Derived words and compound parts are unambiguous enough: their
		// surface already carries the name (russische, Nato-Staaten).
		if e.Prior < 0.3 {
			return 0, false
		}
		if m.Form == gazetteer.FormPart && e.Type != PER && m.Last-m.First == 1 && x.first != nil &&
			x.first.CountExact(s.toks[m.First].Text) >= minFirstNameCount {
			return 0, false // Klaus-Dieter is a first name, no part of Klaus in Austria
		}
		return 0.6 + 0.3*e.Prior, true
	}
	first := &s.toks[m.First]
	single := m.Last-m.First == 1
	// The prior of the form written (FDP is sure, Liberale is not).
	prior := formPrior(e, s.text[m.Start:m.End], m.Inflected)
	if single && m.Inflected && e.Type != LOC && e.Type != PER && s.word(m.First).has(wVocab) {
		// An inflected form that is a German word of its own: Arten is
		// no form of Arte.
		return 0, false
	}
	if m.Folded && first.Flags&tokenize.AllCaps == 0 {
		prior *= 0.5
	}
	if single && first.Flags&tokenize.Upper == 0 && first.Flags&tokenize.Digit == 0 {
		// A lower-case word is no name (essen, weil), unless the gazetteer
		// lists it in lower case (dpa, taz).
		if first.Text != e.Name && !hasAlias(e, first.Text) {
			return 0, false
		}
	}
	if single && e.Type == LOC && e.Kind != "country" && e.Kind != "admin1" && e.Population < 100000 && s.word(m.First).has(wFirst) {
		// David, Martin, Sebastian: small places named like people.
		prior *= 0.3
	}
	if single && prior >= 0.9 && (e.Kind == "town" || e.Kind == "city") && e.Population < 50000 && s.word(m.First).has(wVocab) {
		prior *= 0.5 // a small place named like a German word (Kloster, Grafschaft)
	}
	if single && s.word(m.First).has(wNoun) && prior > 0.4 && (e.Prior < 1 || e.Kind == "town" || e.Kind == "city" || e.Kind == "district") {
		prior = 0.4 // a common noun of news text that is also a place (Basis, Zug)
	}
	if single && e.Type == LOC && e.Kind != "country" && afterAdjective(m.First, s) &&
		(s.word(m.First).has(wNoun) || (e.Kind == "town" || e.Kind == "city") && e.Population < 50000 && s.word(m.First).has(wVocab)) {
		return 0, false // vollgelaufener Keller, neue Marken: the noun
	}
	if prior >= 0.9 {
		return 0.7 + 0.3*prior, true
	}
	if single && e.Type != LOC && prior < 0.7 {
		// An ambiguous one-word organisation or work (Bild, Welt, Zeit)
		// needs more than context words can give.
		return 0, false
	}
	// Ambiguous: look for evidence.
	if single && nounAfterDeterminer(e, m.First, s) {
		return 0, false // das Essen, die Halle: a noun
	}
	score := prior
	if single && s.lowerAt(m.First) {
		score -= 0.3
	}
	if single && s.word(m.First).has(wNoName) {
		return 0, false
	}
	if m.First > 0 {
		s.buf = lowerFirst(s.toks[m.First-1].Text, s.buf)
		if e.Type == LOC && locPrepositions[string(s.buf)] {
			score += 0.4
		}
	}
	if first.Flags&tokenize.SentStart != 0 {
		score -= 0.15
	}
	if m.Last-m.First > 1 {
		score += 0.3
	}
	if score >= 0.5 {
		if score > 1 {
			score = 1
		}
		return score, true
	}
	return 0, false
}

// namedHeads are the heads of compounds named after a person that make
// the compound a name of their own type: Max-Planck-Institut,
// Otto-Schott-Gymnasium, Georg-Büchner-Preis, Karl-Marx-Straße.
var namedHeads = map[string]Type{
	"institut": ORG, "stiftung": ORG, "universität": ORG, "gesellschaft": ORG, "zentrum": ORG,
	"klinik": ORG, "klinikum": ORG, "schule": ORG, "gymnasium": ORG, "hochschule": ORG,
	"akademie": ORG, "museum": ORG, "realschule": ORG, "gesamtschule": ORG, "grundschule": ORG,
	"preis": OTH, "medaille": OTH,
	"straße": LOC, "strasse": LOC, "platz": LOC, "allee": LOC, "brücke": LOC, "stadion": LOC,
	"arena": LOC, "kaserne": LOC, "flughafen": LOC,
}

// namedAfter turns a person's name read as the part of a compound
// (Max-Planck-Institut, a part of Max Planck) into the compound's own name
// when its head names an institution, a prize or a place. An
// organisation's or a person's compound with an institution's head goes
// on over "für" and a capitalised word: das DLR-Institut für
// Planetenforschung, das Max-Planck-Institut für Sonnensystemforschung.
func (x *Extractor) namedAfter(sp *span, s *scratch) {
	t := &s.toks[sp.first]
	i := strings.LastIndexByte(t.Text, '-')
	if i < 0 {
		return
	}
	head := strings.ToLower(t.Text[i+1:])
	typ, ok := namedHeads[head]
	if !ok {
		if typ, ok = namedHeads[strings.TrimSuffix(head, "s")]; !ok {
			typ, ok = namedHeads[strings.TrimSuffix(head, "es")]
		}
	}
	if !ok {
		return
	}
	k := sp.first + 1
	if typ == ORG && (sp.typ == ORG || sp.typ == PER) && k+1 < len(s.toks) && s.toks[k].Text == "für" && capWord(&s.toks[k+1]) && s.free(k+1) {
		k += 2
		if k+1 < len(s.toks) && s.toks[k].Text == "und" && capWord(&s.toks[k+1]) && s.free(k+1) {
			k += 2
		}
	} else if sp.typ != PER {
		return // Nato-Gipfel, DLR-Institut: parts, as GermEval has them
	}
	sp.typ, sp.form, sp.entry, sp.src = typ, FormName, nil, SourceRule
	sp.partStart, sp.partEnd = 0, 0
	sp.last, sp.end = k, s.toks[k-1].End
}

// formPrior is the prior of the surface written. An inflected surface
// (des Romans) has the prior of the form it inflects (Roman, which
// prior_forms lists as doubtful), so the lowest prior of the surface and
// of the surface without each genitive or plural ending that it has.
func formPrior(e *gazetteer.Entry, surface string, inflected bool) float64 {
	p := e.PriorOf(surface)
	if !inflected {
		return p
	}
	for _, end := range [...]string{"s", "es", "'", "’", "'s", "’s", "n"} {
		if base, ok := strings.CutSuffix(surface, end); ok && base != "" {
			p = min(p, e.PriorOf(base))
		}
	}
	return p
}

func hasAlias(e *gazetteer.Entry, s string) bool {
	for _, a := range e.Aliases {
		if a == s {
			return true
		}
	}
	return false
}

// compoundPart rewrites a one-token hyphenated name whose first part is a
// name itself and whose rest is a common noun (EU-Kommission, US-Regierung,
// UN-Sicherheitsrat) as a mention of the first part's entity with form
// part, the way German annotation standards treat such compounds. Names
// whose parts are all names stay whole (Baden-Württemberg, Mercedes-Benz).
func (x *Extractor) compoundPart(text string, sp *span, s *scratch) {
	if e := sp.entry; e.Type == LOC && (settlement(e) || e.Kind == "admin1" || e.Kind == "country") {
		return // a place's own hyphenated name: Sachsen-Anhalt(s), Castrop-Rauxel
	}
	w := text[sp.start:sp.end]
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) {
		return
	}
	head, rest := w[:i], w[i+1:]
	if strings.IndexByte(rest, '-') >= 0 {
		return
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) || len(rest) < 4 {
		return
	}
	if rm := x.gaz.Lookup(rest); len(rm) > 0 && rm[0].Form == gazetteer.FormName {
		return // Baden-Württemberg: both halves are names
	}
	hm := x.gaz.Lookup(head)
	if len(hm) == 0 || hm[0].Form != gazetteer.FormName || len(hm[0].Entries) == 0 {
		return
	}
	e := hm[0].Entries[0]
	if e.Prior < 0.5 {
		return
	}
	sp.entry, sp.typ, sp.form = e, e.Type, FormPart
	sp.partStart, sp.partEnd = sp.start, sp.start+i
}

// ccCount is the number of place mentions in one country (FR) or German
// Land (DE-09).
type ccCount struct {
	key string
	n   int
}

// placeCountry returns the country of a place entry: its own code for a
// country (iso:FR), else its cc attribute ("" if none).
func placeCountry(e *gazetteer.Entry) string {
	if e.Kind == "country" {
		if cc, ok := strings.CutPrefix(e.ID, "iso:"); ok {
			return cc
		}
	}
	return e.Country
}

// landKey returns "DE-" and the Land code of a German place (ags:09162000,
// ars:09: DE-09), or "".
func landKey(e *gazetteer.Entry) string {
	id := e.ID
	if len(id) >= 6 && (strings.HasPrefix(id, "ags:") || strings.HasPrefix(id, "ars:")) {
		return "DE-" + id[4:6]
	}
	return ""
}

// relinkPlaces links an ambiguous place name to the candidate in the
// country the text is about: Santa Fe in an article on New Mexico is the
// town in the United States, not the larger one in Argentina; Boxberg in an
// article on Saxony is the Saxon one. The countries, and for Germany the
// Länder, are counted over the place mentions that have one candidate
// (countries, regions, unambiguous towns, derived words such as
// amerikanischen). A town or city linked to the gazetteer's first
// candidate moves to another town or city of the same name when that one's
// country (or, both being German, Land) has at least two mentions and more
// than twice as many as the first one's, and the town at least a tenth of
// the first one's population (Paris stays in France in an article on the
// United States).
func (x *Extractor) relinkPlaces(s *scratch) {
	ccs := s.ccs[:0]
	add := func(key string) {
		if key == "" {
			return
		}
		for k := range ccs {
			if ccs[k].key == key {
				ccs[k].n++
				return
			}
		}
		ccs = append(ccs, ccCount{key, 1})
	}
	ambiguous := false
	for i := range s.spans {
		sp := &s.spans[i]
		if sp.typ != LOC || sp.entry == nil {
			continue
		}
		if m := matchAt(s.matches, sp.first, sp.last); m != nil && len(m.Entries) > 1 {
			ambiguous = true
			continue
		}
		add(placeCountry(sp.entry))
		add(landKey(sp.entry))
	}
	s.ccs = ccs
	if !ambiguous || len(ccs) == 0 {
		return
	}
	count := func(key string) int {
		for _, c := range ccs {
			if c.key == key {
				return c.n
			}
		}
		return 0
	}
	// where is the key a candidate is counted by against the first one:
	// the Land when both are German, else the country.
	where := func(e, e0 *gazetteer.Entry) (string, string) {
		if l, l0 := landKey(e), landKey(e0); l != "" && l0 != "" {
			return l, l0
		}
		return placeCountry(e), placeCountry(e0)
	}
	for i := range s.spans {
		sp := &s.spans[i]
		if sp.typ != LOC || sp.entry == nil {
			continue
		}
		m := matchAt(s.matches, sp.first, sp.last)
		if m == nil || len(m.Entries) < 2 || m.Entries[0] != sp.entry {
			continue
		}
		e0 := sp.entry
		if !settlement(e0) {
			continue // a country, region, river or landmark keeps its name
		}
		best, bestN := e0, 0
		for _, e := range m.Entries[1:] {
			if !settlement(e) || e.Population*10 < e0.Population {
				continue
			}
			k, k0 := where(e, e0)
			if n := count(k); n >= 2 && n > 2*count(k0) && n > bestN {
				best, bestN = e, n
			}
		}
		sp.entry = best
	}
}
