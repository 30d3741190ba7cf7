package topic

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/kenner-nlp/kenner/internal/stem/german"
)

// The keyword table (data/keywords.tsv and files given to WithKeywords) has
// '#' comment lines, an optional header line "qcode<TAB>weight<TAB>term",
// and one keyword per line:
//
//	medtop:20000073	2	Friedens*
//	medtop:20000639	1.5	*Verhandlung
//	medtop:20000651	2	=ÖVP
//	medtop:20000350	2	Europäische Zentralbank
//
// The weight is a number in (0, 10]. A line with the qcode "-" is a stop
// term: a word that matches nothing, so that it is not read as a compound
// either (Beispiel is not a *Spiel, Auswahl is not a *Wahl); its weight
// column is ignored. Several lines that match the same way for the same
// topic (Wahl, Wahlen) count once, with the highest weight. The term is stemmed with the Snowball
// German stemmer when the table is loaded, so inflected forms match
// (Verhandlungen, Verhandlung). Syntax of the term:
//
//	Wort      a word whose stem equals the stem of Wort. A capitalised term
//	          (a noun) only matches capitalised words; a lower-case term
//	          (verb, adjective) matches in any case.
//	*Wort     also the head of a compound: any longer word whose stem ends
//	          with the stem of Wort (Landtagswahlen for *Wahl).
//	Wort*     also the first part of a compound: any word that starts with
//	          Wort, compared lower-case with ä/ö/ü/ß folded (Friedens* in
//	          Friedensverhandlungen). Write the linking form: Kriegs*, Wahl*.
//
// As for plain terms, a capitalised compound term only matches capitalised
// words (compounds are nouns), so that *Richter would not match berichtet;
// the head still has to be chosen with care (*Richter would match Bericht).
//	*Wort*    both.
//	=Wort     the word exactly as written, case-sensitive, optionally
//	          followed by a genitive s (=ORF, =WHO, =AMS).
//	Zwei Worte  a phrase: consecutive words with these stems (hyphens and
//	          other punctuation between the words are ignored).
//
// A word matched by an exact term is not also read as a compound; within a
// phrase match, the single words are not matched again.

// feature kinds (first byte of a feature key; compound heads and modifiers
// use H/h and M/m for capitalised and lower-case terms).
const (
	keyNoun   = 'E' // exact stem, capitalised words only
	keyAny    = 'e' // exact stem, any case
	keyPhrase = 'p' // phrase of stems
	keyExact  = 's' // case-sensitive surface
)

// target is a topic that a feature points to, with its weight.
type target struct {
	topic int32
	w     float32
}

// feature is one matchable unit of the keyword table: all lines whose terms
// match the same way (same stem, same compound part, same phrase) share it.
type feature struct {
	key     string   // kind byte + ':' + stem(s) or surface
	cue     string   // the term as first written in the table (evidence)
	targets []target // empty for stop terms
}

// phrase is a phrase feature with the stems of its words.
type phrase struct {
	feat  int32
	stems []string
}

// lexicon is the compiled keyword table.
type lexicon struct {
	features  []feature
	byKey     map[string]int32
	exact     map[string][2]int32 // stem → {noun feature+1, any-case feature+1} (0 = none)
	heads     map[string][2]int32 // stem → {noun feature+1, any-case feature+1}
	mods      map[string][2]int32 // folded prefix → {noun feature+1, any-case feature+1}
	surface   map[string]int32    // exact surface → feature
	phrases   map[string][]phrase // first stem → phrases, longest first
	headTails map[string]bool     // last three bytes of the head stems
	modHeads  map[uint32]bool     // first three bytes of the folded modifiers (head3)
	minHead   int                 // shortest head stem in bytes
	maxHeadSt int                 // longest head stem in bytes
	minMod    int                 // shortest modifier in bytes
	maxMod    int                 // longest modifier in bytes
	wbuf      []word              // scratch of addTerm while parsing
}

func newLexicon() *lexicon {
	return &lexicon{
		byKey:     map[string]int32{},
		exact:     map[string][2]int32{},
		heads:     map[string][2]int32{},
		mods:      map[string][2]int32{},
		surface:   map[string]int32{},
		phrases:   map[string][]phrase{},
		headTails: map[string]bool{},
		modHeads:  map[uint32]bool{},
		minHead:   math.MaxInt,
		minMod:    math.MaxInt,
	}
}

// add registers target (topic, w) for the feature key, creating it.
func (lx *lexicon) add(key, cue string, topic int32, w float32) (int32, error) {
	id, ok := lx.byKey[key]
	if !ok {
		id = int32(len(lx.features))
		lx.features = append(lx.features, feature{key: key, cue: cue})
		lx.byKey[key] = id
	}
	if topic < 0 { // stop term: matches, points nowhere
		return id, nil
	}
	f := &lx.features[id]
	for k, t := range f.targets {
		if t.topic == topic {
			// The same topic reached twice by one feature (Wahl, Wahlen):
			// keep the higher weight.
			f.targets[k].w = max(t.w, w)
			return id, nil
		}
	}
	f.targets = append(f.targets, target{topic, w})
	return id, nil
}

// termWords splits a term into its words with the tagger's word scanner.
func termWords(s string) []string {
	ws := appendWords(nil, s, 0)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = s[w.start:w.end]
	}
	return out
}

// parseKeywords reads a keyword table into lx. Topics are resolved in tax.
func (lx *lexicon) parseKeywords(r io.Reader, name string, tax *Taxonomy) error {
	var sb strings.Builder
	if _, err := io.Copy(&sb, r); err != nil {
		return fmt.Errorf("topic: %s: %w", name, err)
	}
	return lx.parseKeywordText(sb.String(), name, tax)
}

// parseKeywordText is parseKeywords on the table's text. The terms are
// substrings of text (no allocation per line).
func (lx *lexicon) parseKeywordText(text, name string, tax *Taxonomy) error {
	if len(lx.byKey) == 0 {
		// A feature per line at most: size the index once instead of
		// growing it (rehashing) a dozen times.
		n := strings.Count(text, "\n") + 1
		lx.byKey = make(map[string]int32, n)
		lx.features = slices.Grow(lx.features, n)
	}
	defer func() { lx.wbuf = nil }() // the Tagger keeps the lexicon, not the scratch
	var f [4]string
	for line := 1; text != ""; line++ {
		var s string
		s, text, _ = strings.Cut(text, "\n")
		if len(s) > 1<<20 {
			return fmt.Errorf("topic: %s:%d: line longer than 1 MB", name, line)
		}
		s = strings.TrimRight(s, "\r")
		if strings.TrimSpace(s) == "" || s[0] == '#' || strings.HasPrefix(s, "qcode\t") {
			continue
		}
		n := 0
		for rest, more := s, true; more; n++ {
			if n == len(f) {
				n = len(f) + 1 // too many columns
				break
			}
			f[n], rest, more = strings.Cut(rest, "\t")
		}
		if n != 3 {
			if n > len(f) {
				n = strings.Count(s, "\t") + 1
			}
			return fmt.Errorf("topic: %s:%d: %d columns, want qcode<TAB>weight<TAB>term", name, line, n)
		}
		var topic int32 = -1
		var w float32
		if strings.TrimSpace(f[0]) != "-" {
			var err error
			topic, w, err = parseTarget(f[0], f[1], tax)
			if err != nil {
				return fmt.Errorf("topic: %s:%d: %v", name, line, err)
			}
		}
		if err := lx.addTerm(strings.TrimSpace(f[2]), topic, w, line, name); err != nil {
			return err
		}
	}
	return nil
}

// parseTarget parses the qcode and weight columns.
func parseTarget(code, weight string, tax *Taxonomy) (int32, float32, error) {
	i, ok := tax.byID[normID(code)]
	if !ok {
		return 0, 0, fmt.Errorf("unknown topic %q", code)
	}
	if !tax.concepts[i].Active() {
		return 0, 0, fmt.Errorf("topic %s is retired", code)
	}
	w, err := strconv.ParseFloat(strings.TrimSpace(weight), 32)
	if err != nil || !(w > 0 && w <= 10) {
		return 0, 0, fmt.Errorf("weight %q: want a number in (0, 10]", weight)
	}
	return int32(i), float32(w), nil
}

// addTerm compiles one term (see the syntax above).
func (lx *lexicon) addTerm(term string, topic int32, w float32, line int, name string) error {
	bad := func(why string) error { return fmt.Errorf("topic: %s:%d: term %q: %s", name, line, term, why) }
	if term == "" {
		return bad("empty")
	}
	if topic < 0 && strings.ContainsAny(term, "*=") {
		return bad("a stop term is a plain word or phrase")
	}
	if strings.HasPrefix(term, "=") {
		s := term[1:]
		lx.wbuf = appendWords(lx.wbuf[:0], s, 0)
		if len(lx.wbuf) != 1 || s[lx.wbuf[0].start:lx.wbuf[0].end] != s {
			return bad("a case-sensitive term is a single word")
		}
		id, err := lx.add(string(keyExact)+":"+s, term, topic, w)
		if err != nil {
			return err
		}
		lx.surface[s] = id
		return nil
	}
	head := strings.HasPrefix(term, "*")
	mod := strings.HasSuffix(term, "*") && len(term) > 1
	core := strings.TrimSuffix(strings.TrimPrefix(term, "*"), "*")
	lx.wbuf = appendWords(lx.wbuf[:0], core, 0)
	ws := lx.wbuf
	if len(ws) == 0 {
		return bad("no word")
	}
	if strings.Contains(core, "*") || strings.Contains(core, "=") {
		return bad("'*' only at the start or end, '=' only at the start")
	}
	if len(ws) > 1 {
		if head || mod {
			return bad("a phrase cannot have '*'")
		}
		stems := make([]string, len(ws))
		for i, x := range ws {
			stems[i] = german.Stem(core[x.start:x.end])
		}
		id, err := lx.add(string(keyPhrase)+":"+strings.Join(stems, " "), term, topic, w)
		if err != nil {
			return err
		}
		l := lx.phrases[stems[0]]
		for _, p := range l {
			if p.feat == id {
				return nil
			}
		}
		// keep longest first
		k := len(l)
		for k > 0 && len(l[k-1].stems) < len(stems) {
			k--
		}
		l = slices.Insert(l, k, phrase{id, stems})
		lx.phrases[stems[0]] = l
		return nil
	}
	if core[ws[0].start:ws[0].end] != core {
		return bad("not a word")
	}
	st := german.Stem(core)
	if st == "" {
		return bad("empty stem")
	}
	// A capitalised term (noun) matches capitalised words only, a
	// lower-case term words in any case. When the same stem is listed both
	// ways for one topic (Katastrophe, katastrophal), the any-case entry
	// covers both, with the higher weight.
	noun := startsUpper(core) && topic >= 0
	e := lx.exact[st]
	if noun && e[1] != 0 {
		for _, t := range lx.features[e[1]-1].targets {
			if t.topic == topic {
				noun = false // fold into the any-case entry below
				break
			}
		}
	}
	if !noun && topic >= 0 && e[0] != 0 {
		f := &lx.features[e[0]-1]
		for k, t := range f.targets {
			if t.topic == topic {
				w = max(w, t.w)
				f.targets = append(f.targets[:k], f.targets[k+1:]...)
				break
			}
		}
	}
	kind, slot := byte(keyAny), 1
	if noun || topic < 0 && startsUpper(core) {
		kind, slot = keyNoun, 0
	}
	id, err := lx.add(string(kind)+":"+st, core, topic, w)
	if err != nil {
		return err
	}
	e = lx.exact[st]
	e[slot] = id + 1
	lx.exact[st] = e
	if head {
		if len(st) < 3 {
			return bad("compound head shorter than 3 letters")
		}
		hk, slot := "h:", 1
		if startsUpper(core) {
			hk, slot = "H:", 0
		}
		id, err := lx.add(hk+st, "*"+core, topic, w)
		if err != nil {
			return err
		}
		e := lx.heads[st]
		e[slot] = id + 1
		lx.heads[st] = e
		lx.headTails[tail3(st)] = true
		lx.minHead = min(lx.minHead, len(st))
		lx.maxHeadSt = max(lx.maxHeadSt, len(st))
	}
	if mod {
		m := fold(core)
		if len(m) < 3 {
			return bad("compound modifier shorter than 3 letters")
		}
		mk, slot := "m:", 1
		if startsUpper(core) {
			mk, slot = "M:", 0
		}
		id, err := lx.add(mk+m, core+"*", topic, w)
		if err != nil {
			return err
		}
		e := lx.mods[m]
		e[slot] = id + 1
		lx.mods[m] = e
		lx.modHeads[head3(m)] = true
		lx.minMod = min(lx.minMod, len(m))
		lx.maxMod = max(lx.maxMod, len(m))
	}
	return nil
}

// The entity cue table (data/cues.tsv and files given to WithCues) has the
// same layout as the keyword table, qcode<TAB>weight<TAB>cue, where cue is
// one of
//
//	kind=party     entities whose gazetteer entry has this kind
//	id=kn:org/nato the entity with this gazetteer ID
//	attr=party     entities whose gazetteer entry has this attribute (a party for politicians)
//	role=*minister entities whose gazetteer role matches this keyword term
//	type=PER       entities of this type (PER, LOC, ORG, OTH)
//
// A line with the qcode "-" and an id= cue makes that entity give no cue at
// all, whatever its kind (news agencies quoted as sources: APA, dpa); with a
// role= cue it is a stop term for roles (Ehrenpräsident is not a *Präsident).
type cueTable struct {
	byKind   map[string][]target
	byID     map[string][]target
	byAttr   map[string][]target
	byType   map[string][]target
	roles    *lexicon        // role terms; topics as targets
	attrKeys []string        // keys of byAttr, sorted
	stopIDs  map[string]bool // entities that give no cue
}

func newCueTable() *cueTable {
	return &cueTable{
		byKind:  map[string][]target{},
		byID:    map[string][]target{},
		byAttr:  map[string][]target{},
		byType:  map[string][]target{},
		roles:   newLexicon(),
		stopIDs: map[string]bool{},
	}
}

func (ct *cueTable) parse(r io.Reader, name string, tax *Taxonomy) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || s[0] == '#' || strings.HasPrefix(s, "qcode\t") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 {
			return fmt.Errorf("topic: %s:%d: %d columns, want qcode<TAB>weight<TAB>cue", name, line, len(f))
		}
		key, val, ok := strings.Cut(strings.TrimSpace(f[2]), "=")
		if !ok || val == "" {
			return fmt.Errorf("topic: %s:%d: cue %q: want kind=, id=, attr=, role= or type=", name, line, f[2])
		}
		if strings.TrimSpace(f[0]) == "-" {
			switch key {
			case "id":
				ct.stopIDs[val] = true
			case "role":
				if err := ct.roles.addTerm(val, -1, 0, line, name); err != nil {
					return err
				}
			default:
				return fmt.Errorf("topic: %s:%d: cue %q: a stop cue is id= or role=", name, line, f[2])
			}
			continue
		}
		topic, w, err := parseTarget(f[0], f[1], tax)
		if err != nil {
			return fmt.Errorf("topic: %s:%d: %v", name, line, err)
		}
		var m map[string][]target
		switch key {
		case "kind":
			m = ct.byKind
		case "id":
			m = ct.byID
		case "attr":
			m = ct.byAttr
		case "type":
			if val != "PER" && val != "LOC" && val != "ORG" && val != "OTH" {
				return fmt.Errorf("topic: %s:%d: cue %q: type is PER, LOC, ORG or OTH", name, line, f[2])
			}
			m = ct.byType
		case "role":
			if err := ct.roles.addTerm(val, topic, w, line, name); err != nil {
				return err
			}
			continue
		default:
			return fmt.Errorf("topic: %s:%d: cue %q: want kind=, id=, attr=, role= or type=", name, line, f[2])
		}
		for _, t := range m[val] {
			if t.topic == topic {
				return fmt.Errorf("topic: %s:%d: duplicate cue %q for %s", name, line, f[2], f[0])
			}
		}
		if key == "attr" && len(m[val]) == 0 {
			ct.attrKeys = append(ct.attrKeys, val)
			slices.Sort(ct.attrKeys)
		}
		m[val] = append(m[val], target{topic, w})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("topic: %s: %w", name, err)
	}
	return nil
}

// tail3 returns the last three bytes of s (s when shorter).
func tail3(s string) string { return s[max(0, len(s)-3):] }

// head3 returns the first three bytes of the folded word s as a number:
// the key of lexicon.modHeads. ASCII is folded in place; a word with
// another character among its first three bytes is folded completely.
func head3(s string) uint32 {
	if len(s) >= 3 && s[0] < 0x80 && s[1] < 0x80 && s[2] < 0x80 {
		var k uint32
		for i := 0; i < 3; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			k = k<<8 | uint32(c)
		}
		return k
	}
	f := fold(s)
	var k uint32
	for i := 0; i < 3; i++ {
		k <<= 8
		if i < len(f) {
			k |= uint32(f[i])
		}
	}
	return k
}
