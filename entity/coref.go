package entity

import (
	"sort"
	"strings"
)

// stripGenitive removes a genitive ending from a name: Witkoffs → Witkoff,
// Merz' → Merz, Macron's → Macron.
func stripGenitive(w string) string {
	switch {
	case strings.HasSuffix(w, "'s"), strings.HasSuffix(w, "’s"):
		return w[:strings.LastIndexAny(w, "'’")]
	case strings.HasSuffix(w, "'"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "’"):
		return w[:len(w)-len("’")]
	}
	return w
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
func (x *Extractor) corefStage(text string, s *scratch) map[string]int {
	// Surnames of the people named so far → index of the span that named them.
	sur := map[string]int{}
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
	if len(sur) == 0 {
		return sur
	}
	for i := range s.toks {
		t := &s.toks[i]
		if !s.free(i) || !capWord(t) {
			continue
		}
		w := stripGenitive(t.Text)
		ref, ok := sur[w]
		if !ok && strings.HasSuffix(w, "s") {
			ref, ok = sur[w[:len(w)-1]]
		}
		if !ok {
			continue
		}
		s.add(span{
			first: i, last: i + 1, start: t.Start, end: t.End,
			typ: PER, form: FormName, entry: s.spans[ref].entry, src: SourceCoref, score: 0.7,
		})
	}
	return sur
}

// build turns the accepted spans into the document's mentions and entities.
func (x *Extractor) build(doc *Document, s *scratch) {
	text := doc.Text
	var sur map[string]int
	if x.stages&StageCoref != 0 {
		sur = x.corefStage(text, s)
	}
	order := make([]int, 0, len(s.spans))
	for i := range s.spans {
		if s.spans[i].typ != 0 {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return
	}
	sort.Slice(order, func(a, b int) bool { return s.spans[order[a]].start < s.spans[order[b]].start })

	doc.Mentions = make([]Mention, 0, len(order))
	byKey := map[string]int{}
	for _, si := range order {
		sp := &s.spans[si]
		key, name := x.entityKey(text, sp, s, sur)
		ei, ok := byKey[key]
		if !ok {
			ei = len(doc.Entities)
			byKey[key] = ei
			e := Entity{Name: name, Type: sp.typ, Entry: sp.entry, First: sp.start}
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
			Text: text[sp.start:sp.end], Start: sp.start, End: sp.end,
			PartStart: sp.partStart, PartEnd: sp.partEnd,
			Type: sp.typ, Form: sp.form, Entity: ei, Source: sp.src, Score: sp.score,
		}
		if m.Form != FormPart {
			m.PartStart, m.PartEnd = m.Start, m.End
		}
		e.Mentions = append(e.Mentions, len(doc.Mentions))
		e.Count++
		doc.Mentions = append(doc.Mentions, m)
	}
	x.salience(doc, s)
}

// entityKey returns the key that groups mentions into one entity, and the
// name the mention suggests for it.
func (x *Extractor) entityKey(text string, sp *span, s *scratch, sur map[string]int) (string, string) {
	if sp.entry != nil {
		return "id\x00" + sp.entry.ID, sp.entry.Name
	}
	name := text[sp.start:sp.end]
	if sp.typ == PER {
		name = stripGenitive(name)
		if sp.last-sp.first == 1 {
			if ref, ok := sur[name]; ok && s.spans[ref].entry == nil {
				full := &s.spans[ref]
				return "PER\x00" + surname(text[full.start:full.end]), text[full.start:full.end]
			}
		}
		return "PER\x00" + surname(name), name
	}
	return sp.typ.String() + "\x00" + name, name
}

// salience scores each entity in [0,1] by how often and how early the text
// mentions it, and sorts the entities by it (ties: first mention first).
func (x *Extractor) salience(doc *Document, s *scratch) {
	maxCount := 1
	for i := range doc.Entities {
		if c := doc.Entities[i].Count; c > maxCount {
			maxCount = c
		}
	}
	firstSentEnd := len(doc.Text)
	if len(s.sents) > 1 {
		firstSentEnd = s.sents[0].End
		// A headline line alone: count the lead sentence too.
		if s.sents[0].Last-s.sents[0].First < 15 && len(s.sents) > 1 {
			firstSentEnd = s.sents[1].End
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
	idx := make([]int, len(doc.Entities))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := &doc.Entities[idx[a]], &doc.Entities[idx[b]]
		if ea.Salience != eb.Salience {
			return ea.Salience > eb.Salience
		}
		return ea.First < eb.First
	})
	ents := make([]Entity, len(idx))
	newIdx := make([]int, len(idx))
	for to, from := range idx {
		ents[to] = doc.Entities[from]
		newIdx[from] = to
	}
	for i := range doc.Mentions {
		doc.Mentions[i].Entity = newIdx[doc.Mentions[i].Entity]
	}
	doc.Entities = ents
}
