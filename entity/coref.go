package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// stripGenitive removes a genitive ending from a name: Witkoffs → Witkoff,
// Merz' → Merz, Macron's → Macron.
func stripGenitive(w string) string {
	s := w
	switch {
	case strings.HasSuffix(w, "'s"), strings.HasSuffix(w, "’s"):
		s = w[:strings.LastIndexAny(w, "'’")]
	case strings.HasSuffix(w, "'"):
		s = w[:len(w)-1]
	case strings.HasSuffix(w, "’"):
		s = w[:len(w)-len("’")]
	}
	if s == "" {
		return w // an ending with nothing before it is no genitive
	}
	return s
}

// abbreviation is what an abbreviation stands for in a text.
type abbreviation struct {
	full  string           // the name it abbreviates (the entity's name if linked)
	typ   Type             // the name's type
	entry *gazetteer.Entry // the name's entry, nil if none
}

// abbreviationStage makes an abbreviation in parentheses after a name a
// mention of the same entity, there and wherever else the text uses it:
// Filmförderungsanstalt (FFA), Bundesamt für Migration und Flüchtlinge
// (Bamf). The name must be an organisation, place or other name of more
// than the abbreviation's letters, which must follow in its letters in
// order. The abbreviations found are left in s.abbr for entityKey.
func (x *Extractor) abbreviationStage(text string, s *scratch) {
	if s.abbr == nil {
		s.abbr = make(map[string]abbreviation)
	}
	clear(s.abbr)
	toks := s.toks
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].Text != "(" || toks[i+2].Text != ")" || s.free(i-1) {
			continue
		}
		a := &s.spans[s.owner[i-1]-1]
		if a.last != i || a.form != FormName || (a.typ != ORG && a.typ != LOC && a.typ != OTH) {
			continue
		}
		b := &toks[i+1]
		if b.Kind != tokenize.Word || !isAbbreviationOf(b.Text, text[a.start:a.end]) {
			continue
		}
		if !s.free(i + 1) {
			sp := &s.spans[s.owner[i+1]-1]
			if sp.last-sp.first != 1 || sp.entry != nil {
				continue // a name of its own (Weltgesundheitsorganisation (WHO))
			}
		}
		if _, ok := s.abbr[b.Text]; ok {
			continue // the first explanation holds
		}
		full := text[a.start:a.end]
		if a.entry != nil {
			full = a.entry.Name
		}
		s.abbr[b.Text] = abbreviation{full, a.typ, a.entry}
	}
	if len(s.abbr) == 0 {
		return
	}
	for i := range toks {
		t := &toks[i]
		ab, ok := s.abbr[t.Text]
		if !ok {
			continue
		}
		if s.free(i) {
			s.add(span{first: i, last: i + 1, start: t.Start, end: t.End, typ: ab.typ, form: FormName, entry: ab.entry, src: SourceCoref, score: 0.7})
			continue
		}
		if sp := &s.spans[s.owner[i]-1]; sp.last-sp.first == 1 && sp.entry == nil && sp.form == FormName {
			sp.typ, sp.entry = ab.typ, ab.entry
		}
	}
}

// isAbbreviationOf reports whether ab, a word of two to eight letters that
// starts with a capital, abbreviates name: its letters, lower-cased, occur
// in name's in order, starting with name's first letter, and name has more
// letters (FFA: Filmförderungsanstalt; Bamf: Bundesamt für Migration und
// Flüchtlinge).
func isAbbreviationOf(ab, name string) bool {
	n := utf8.RuneCountInString(ab)
	if n < 2 || n > 8 {
		return false
	}
	r0, _ := utf8.DecodeRuneInString(ab)
	if !unicode.IsUpper(r0) {
		return false
	}
	var lower [8]rune
	k := 0
	for _, r := range ab {
		if !unicode.IsLetter(r) {
			return false
		}
		lower[k] = unicode.ToLower(r)
		k++
	}
	j, letters := 0, 0
	for _, r := range name {
		if !unicode.IsLetter(r) {
			continue
		}
		r = unicode.ToLower(r)
		if letters == 0 && r != lower[0] {
			return false
		}
		letters++
		if j < n && r == lower[j] {
			j++
		}
	}
	return j == n && letters > n
}

// surname returns the last word of a person's name.
func surname(name string) string {
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		return name[i+1:]
	}
	return name
}

// corefStage marks later short forms of people already named in full
// (Macron after Emmanuel Macron, Witkoffs after Steve Witkoff).
// carry holds the people of earlier blocks of a long text (surname → the
// linked entry, nil if none), so that their surnames are found in later
// blocks too; nil for a text processed in one piece.
func (x *Extractor) corefStage(text string, s *scratch, carry map[string]*gazetteer.Entry) map[string]int {
	x.abbreviationStage(text, s)
	// Surnames of the people named so far → index of the span that named
	// them (the scratch's map, valid until the next call).
	if s.sur == nil {
		s.sur = make(map[string]int)
	}
	sur := s.sur
	clear(sur) // a block of a long text: the last block's surnames
	for i := range s.spans {
		sp := &s.spans[i]
		if sp.typ != PER || sp.form != FormName {
			continue
		}
		var full string
		if sp.entry != nil {
			full = sp.entry.Name
		} else if sp.last-sp.first > 1 {
			full = text[sp.start:sp.end]
		} else {
			continue
		}
		if _, ok := sur[surname(full)]; !ok {
			sur[surname(full)] = i
		}
	}
	if len(sur) == 0 && len(carry) == 0 {
		return sur
	}
	// lookup returns the entry of the person surname w names, if w is one.
	lookup := func(w string) (*gazetteer.Entry, bool) {
		if ref, ok := sur[w]; ok {
			return s.spans[ref].entry, true
		}
		e, ok := carry[w]
		return e, ok
	}
	// find is lookup for a word as written, with or without a genitive
	// ending (Witkoffs, Merz', Macron's).
	find := func(written string) (*gazetteer.Entry, bool) {
		w := stripGenitive(written)
		e, ok := lookup(w)
		if !ok && strings.HasSuffix(w, "s") {
			e, ok = lookup(w[:len(w)-1])
		}
		return e, ok
	}
	// A one-word name the rules or the model found, and no list knows, is
	// the person it names (Kane after Harry Kane), as a free word would be
	// below, whatever type it was given (Wenders' after Wim Wenders).
	// So is a hyphenated surname the gazetteer read as a compound of a
	// name (Keller-Sutter after Karin Keller-Sutter, not a part of Keller).
	// A place named like a person named in full before it is that person
	// too: Hamilton after Lewis Hamilton.
	for i := range s.spans {
		sp := &s.spans[i]
		candidate := sp.form == FormName && sp.entry == nil ||
			sp.form == FormPart && !(sp.typ == PER && sp.entry != nil)
		if sp.typ == 0 || sp.last-sp.first != 1 {
			continue
		}
		if !candidate && sp.typ == LOC && sp.form == FormName && sp.entry != nil && sp.entry.Kind != "country" {
			ref, ok := sur[stripGenitive(text[sp.start:sp.end])]
			candidate = ok && s.spans[ref].start < sp.start &&
				(sp.first == 0 || !locPrepositions[strings.ToLower(s.toks[sp.first-1].Text)]) // nach Hamilton
		}
		if !candidate {
			continue
		}
		if e, ok := find(text[sp.start:sp.end]); ok {
			sp.typ, sp.entry, sp.form = PER, e, FormName
			sp.partStart, sp.partEnd = sp.start, sp.end
		}
	}
	for i := range s.toks {
		t := &s.toks[i]
		if !s.free(i) || !capWord(t) {
			continue
		}
		e, ok := find(t.Text)
		if !ok {
			continue
		}
		s.add(span{
			first: i, last: i + 1, start: t.Start, end: t.End,
			typ: PER, form: FormName, entry: e, src: SourceCoref, score: 0.7,
		})
	}
	if carry != nil {
		for w, ref := range sur {
			if _, ok := carry[w]; !ok {
				carry[w] = s.spans[ref].entry
			}
		}
	}
	return sur
}

// build turns the accepted spans into the document's mentions and entities.
func (x *Extractor) build(doc *Document, s *scratch) {
	if s.byKey == nil {
		s.byKey = make(map[ekey]int)
	}
	g := grouper{byKey: s.byKey}
	// The entities are gathered in the scratch's buffer; salience copies
	// them, sorted, into the document's own slice of the exact length.
	doc.Entities = s.ents[:0]
	x.collect(doc, s, 0, &g)
	clear(s.byKey)
	buf := doc.Entities
	if len(buf) == 0 {
		doc.Entities = nil
	} else {
		x.salience(doc, firstSentEnd(doc.Text, s, 0))
	}
	clear(buf) // drop the references into the text and the gazetteer
	s.ents = buf[:0]
}

// grouper groups mentions into entities across the blocks of a text.
type grouper struct {
	byKey map[ekey]int                // entity key → index in doc.Entities
	carry map[string]*gazetteer.Entry // see corefStage; nil for one block
}

// collect runs coreference on the spans of s, a block of doc.Text that
// starts at byte off, and appends their mentions and entities to doc.
func (x *Extractor) collect(doc *Document, s *scratch, off int, g *grouper) {
	text := s.text
	var sur map[string]int
	if x.stages&StageCoref != 0 {
		sur = x.corefStage(text, s, g.carry)
	}
	order := s.order[:0]
	for i := range s.spans {
		if s.spans[i].typ != 0 {
			order = append(order, i)
		}
	}
	s.order = order
	if len(order) == 0 {
		return
	}
	slices.SortFunc(order, func(a, b int) int { return s.spans[a].start - s.spans[b].start })

	if doc.Mentions == nil {
		doc.Mentions = make([]Mention, 0, len(order))
	}
	if g.byKey == nil {
		g.byKey = map[ekey]int{}
	}
	for _, si := range order {
		sp := &s.spans[si]
		key, name := x.entityKey(text, sp, s, sur)
		ei, ok := g.byKey[key]
		if !ok {
			ei = len(doc.Entities)
			g.byKey[key] = ei
			e := Entity{Name: name, Type: sp.typ, Entry: sp.entry, First: sp.start + off}
			if sp.entry != nil {
				e.ID = sp.entry.ID
			}
			doc.Entities = append(doc.Entities, e)
		}
		e := &doc.Entities[ei]
		if e.Entry == nil && sp.entry == nil && sp.typ == PER && len(name) > len(e.Name) {
			e.Name = name // the fullest form names a person
		}
		m := Mention{
			Text: text[sp.start:sp.end], Start: sp.start + off, End: sp.end + off,
			PartStart: sp.partStart + off, PartEnd: sp.partEnd + off,
			Type: sp.typ, Form: sp.form, Entity: ei, Source: sp.src, Score: sp.score,
		}
		if m.Form != FormPart {
			m.PartStart, m.PartEnd = m.Start, m.End
		}
		e.Count++ // e.Mentions is filled by salience
		doc.Mentions = append(doc.Mentions, m)
	}
}

// firstSentEnd returns where the lead of the text ends (in text offsets),
// from the sentences of s, its first block, which starts at off: the end of
// the first sentence, or of the second after a short headline line.
func firstSentEnd(text string, s *scratch, off int) int {
	end := len(text)
	if len(s.sents) > 1 {
		end = s.sents[0].End
		// A headline line alone: count the lead sentence too.
		if s.sents[0].Last-s.sents[0].First < 15 {
			end = s.sents[1].End
		}
		end += off
	}
	return end
}

// ekey groups mentions into one entity: a gazetteer ID (typ 0), a
// person's surname (typ PER) or a name of another type.
type ekey struct {
	typ Type
	s   string
}

// entityKey returns the key that groups mentions into one entity, and the
// name the mention suggests for it.
func (x *Extractor) entityKey(text string, sp *span, s *scratch, sur map[string]int) (ekey, string) {
	if sp.entry != nil {
		return ekey{0, sp.entry.ID}, sp.entry.Name
	}
	name := text[sp.start:sp.end]
	if sp.typ == PER {
		name = stripGenitive(name)
		if sp.last-sp.first == 1 {
			if ref, ok := sur[name]; ok && s.spans[ref].entry == nil {
				full := &s.spans[ref]
				return ekey{PER, surname(text[full.start:full.end])}, text[full.start:full.end]
			}
		}
		return ekey{PER, surname(name)}, name
	}
	if ab, ok := s.abbr[name]; ok && sp.entry == nil {
		return ekey{sp.typ, ab.full}, ab.full
	}
	return ekey{sp.typ, name}, name
}

// salience scores each entity in [0,1] by how often and how early the text
// mentions it, and sorts the entities by it (ties: first mention first).
func (x *Extractor) salience(doc *Document, firstSentEnd int) {
	if len(doc.Entities) == 0 {
		return
	}
	maxCount := 1
	for i := range doc.Entities {
		if c := doc.Entities[i].Count; c > maxCount {
			maxCount = c
		}
	}
	n := float64(len(doc.Text))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		sal := 0.55*float64(e.Count)/float64(maxCount) + 0.25*(1-float64(e.First)/n)
		if e.First < firstSentEnd {
			sal += 0.2
		}
		if sal > 1 {
			sal = 1
		}
		e.Salience = float64(int(sal*1000+0.5)) / 1000
	}
	// Sort entities and remap the mentions' entity indices.
	ne := len(doc.Entities)
	ints := make([]int, 2*ne+len(doc.Mentions))
	idx, newIdx, mentions := ints[:ne:ne], ints[ne:2*ne:2*ne], ints[2*ne:]
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ea, eb := &doc.Entities[a], &doc.Entities[b]
		if ea.Salience != eb.Salience {
			return cmp.Compare(eb.Salience, ea.Salience)
		}
		return cmp.Compare(ea.First, eb.First)
	})
	ents := make([]Entity, len(idx))
	for to, from := range idx {
		ents[to] = doc.Entities[from]
		newIdx[from] = to
	}
	for i := range doc.Mentions {
		doc.Mentions[i].Entity = newIdx[doc.Mentions[i].Entity]
	}
	doc.Entities = ents
	// Every entity's mention indices, in text order, in one array.
	off := 0
	for i := range ents {
		ents[i].Mentions = mentions[off : off : off+ents[i].Count]
		off += ents[i].Count
	}
	for i := range doc.Mentions {
		e := &ents[doc.Mentions[i].Entity]
		e.Mentions = append(e.Mentions, i)
	}
}
