package gazetteer

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Suffix kinds: the endings the matcher strips from the last token of a
// surface. The first four apply to names, the others to adjective stems.
const (
	sfxS    = iota // genitive -s: Putins, Russlands
	sfxES          // genitive -es: Bundestages (ORG, OTH)
	sfxN           // -n after -e: Grünen, Linken, Niederlanden (ORG, OTH, countries)
	sfxApos        // apostrophe genitive: Merz', Macron's
	sfxAE          // adjective -e: russische
	sfxAEN         // adjective -en: russischen
	sfxAER         // adjective -er: russischer
	sfxAES         // adjective -es: russisches
	sfxAEM         // adjective -em: russischem
	numSfx
)

// sfxText are the suffixes of the kinds (sfxApos has several spellings and
// is handled apart).
var sfxText = [numSfx]string{"s", "es", "n", "'", "e", "en", "er", "es", "em"}

const (
	nameSfx = 1<<sfxS | 1<<sfxES | 1<<sfxN | 1<<sfxApos
	adjSfx  = 1<<sfxAE | 1<<sfxAEN | 1<<sfxAER | 1<<sfxAES | 1<<sfxAEM
)

// Class flags: what a token form is on its own. A token that is a
// one-token surface or a person's first name is "something else" and keeps
// its ending (Hans is not the genitive of Han).
const (
	cfSingle     = 1 << iota // a one-token surface (name, alias or derived form)
	cfGiven                  // the first token of a person's name of several tokens
	cfLowerStart             // some surface starts with a lower-case form of the class
)

// maxNameTokens bounds the length of a surface in tokens.
const maxNameTokens = 16

// compoundHeads are the lower-case heads of closed compounds whose first
// part is an ORG or LOC name (Kremlchef, Natogipfel, Russlandpolitik).
// Precision first: only heads that news attach to names.
var compoundHeads = []string{
	"chef", "chefs", "chefin", "sprecher", "sprechers", "sprecherin",
	"führung", "gipfel", "gipfels", "staaten", "kritik", "kritiker",
	"truppen", "kreise", "kreisen", "politik", "regierung", "wahl",
	"wahlen", "armee", "soldaten", "botschafter", "botschaft",
	"partner", "mitglied", "mitglieder", "mitgliedern", "präsident",
	"präsidentin", "beitritt", "fraktion", "anhänger", "vertreter",
}

// matcher holds the precomputed index of all surfaces of a gazetteer.
//
// Tokens are grouped into classes by their folded form (folded maps it to
// the class); the case of a text token is checked against the surface
// itself (verify). The trie goes from the root to a node per
// class sequence (roots for the first token, edges for the next ones); a
// node lists the variants (surfaces) that end there.
type matcher struct {
	folded map[string]uint32 // folded token → class
	adjF   map[string]uint32 // folded stem of a name-internal adjective (vereinigt, weiss) → its class
	roots  []int32           // class → node of the one-token prefix, 0 if none
	cflags []uint8           // class → cfSingle, cfGiven
	edges  map[uint64]int32  // node<<32 | class → child node
	nodes  []node            // nodes[0] is unused (0 means "no node")
	vars   []variant         // all variants, in insertion order (no pointers: cheap for the GC)
	vidx   []int32           // variant indices laid out by node (see node)
	groups []surfaceGroup    // variants of one node with the same surface and form
	ents   []*Entry          // entry lists of variants and groups, best first
	tokTxt string            // token texts of the variants, concatenated
	tokEnd []int32           // token j ends at tokTxt[tokEnd[j]]; starts at tokEnd[j-1] (0 for j = 0)
	filter [numSfx]*bitset16 // last two bytes of the stems that may take a suffix
	adjFil *bitset16         // last two bytes of the name-internal adjective stems
	keysX  *keyFilter        // all tokens and adjective stems as written (and capitalised adjective stems)
	startX *keyFilter        // the first tokens of surfaces as written
	keysF  *keyFilter        // all keys of folded and adjF (for all-caps tokens)
	startF *keyFilter        // the first tokens of surfaces, folded
	heads  [256][]string     // compound heads by last byte, longest first
	maxLen int               // longest surface in tokens
}

type node struct {
	v0, vn int32 // the variants vars[vidx[v0 : v0+vn]] end here
}

// variant is one surface form of one or more entries.
type variant struct {
	node   int32
	tok0   int32 // tokens toks[tok0 : tok0+ntok]
	ntok   int32
	form   Form   // FormName or FormDeriv
	adj    bool   // lower-case adjective stem: inflects, may be capitalised
	allow  uint16 // suffix kinds allowed on the last token
	group  int32  // index into matcher.groups, -1 if the variant is alone
	e0, en int32  // entries: ents[e0 : e0+en]
	c0, cn int32  // entries that may start a closed compound (Kremlchef): ents[c0 : c0+cn]
}

// entries returns the entries of v, best first.
func (m *matcher) entries(v *variant) []*Entry {
	return m.ents[v.e0 : v.e0+v.en : v.e0+v.en]
}

// compound returns the entries of v that may start a closed compound.
func (m *matcher) compound(v *variant) []*Entry {
	return m.ents[v.c0 : v.c0+v.cn : v.c0+v.cn]
}

// tok returns token j of the variants' token store.
func (m *matcher) tok(j int32) string {
	start := int32(0)
	if j > 0 {
		start = m.tokEnd[j-1]
	}
	return m.tokTxt[start:m.tokEnd[j]]
}

// sameToks reports whether variant v has the tokens toks (during the
// build, when the token texts are in b.txt).
func (b *builder) sameToks(v *variant, toks []string) bool {
	if int(v.ntok) != len(toks) {
		return false
	}
	end := b.m.tokEnd
	for j, t := range toks {
		k := v.tok0 + int32(j)
		start := int32(0)
		if k > 0 {
			start = end[k-1]
		}
		if string(b.txt[start:end[k]]) != t {
			return false
		}
	}
	return true
}

// surfaceGroup is the merged entry list of the variants of a node that
// have the same tokens and form and differ only in the endings they allow
// (Bayern the state and Bayern the club).
type surfaceGroup struct {
	n      int32 // number of variants
	e0, en int32 // merged entries: ents[e0 : e0+en]
}

// builder collects surfaces before the matcher is finalised.
type builder struct {
	m      *matcher
	head   []int32 // node → last variant added at the node, -1 if none
	next   []int32 // variant → previous variant of the same node, -1 if none
	tokBuf []tokenize.Token
	toks   []string
	fb     []byte
	keys   arena              // the index's folded keys
	txt    []byte             // token texts (becomes matcher.tokTxt)
	first  []*Entry           // variant → its first entry
	extra  map[int32][]*Entry // variant → its further entries (rare)
}

// arena makes strings of bytes in large shared blocks: tens of thousands of
// short index keys cost a few allocations instead of one each. A block is a
// strings.Builder that is never grown past its capacity, so the strings it
// has returned never change.
type arena struct{ b strings.Builder }

const arenaBlock = 64 << 10

// str returns a string with the bytes of p.
func (a *arena) str(p []byte) string {
	if len(p) > arenaBlock/8 {
		return string(p)
	}
	if a.b.Cap()-a.b.Len() < len(p) {
		a.b = strings.Builder{}
		a.b.Grow(arenaBlock)
	}
	start := a.b.Len()
	a.b.Write(p)
	return a.b.String()[start:]
}

// buildMatcher indexes all surfaces of entries.
func buildMatcher(entries []*Entry) *matcher {
	n := 0 // surfaces
	for _, e := range entries {
		n += 1 + len(e.Aliases) + len(e.Derived)
	}
	b := newBuilder(n)
	for _, e := range entries {
		b.addEntry(e)
	}
	b.finish()
	return b.m
}

// newBuilder returns a builder sized for about n surfaces.
func newBuilder(n int) *builder {
	m := &matcher{
		folded: make(map[string]uint32, n),
		adjF:   make(map[string]uint32),
		adjFil: new(bitset16),
		keysX:  new(keyFilter),
		startX: new(keyFilter),
		keysF:  new(keyFilter),
		startF: new(keyFilter),
		roots:  make([]int32, 0, n),
		cflags: make([]uint8, 0, n),
		edges:  make(map[uint64]int32, n/8),
		nodes:  make([]node, 1, n+1),
		vars:   make([]variant, 0, n),
		tokEnd: make([]int32, 0, n+n/4),
	}
	for k := range m.filter {
		m.filter[k] = new(bitset16)
	}
	return &builder{
		m:     m,
		head:  make([]int32, 1, n+1),
		next:  make([]int32, 0, n),
		first: make([]*Entry, 0, n),
		extra: make(map[int32][]*Entry),
		txt:   make([]byte, 0, 8*n),
	}
}

// addEntry adds the name, aliases and derived forms of e.
func (b *builder) addEntry(e *Entry) {
	b.toks = b.addSurface(e, e.Name, FormName, b.toks)
	for _, a := range e.Aliases {
		b.toks = b.addSurface(e, a, FormName, b.toks)
	}
	for _, d := range e.Derived {
		b.toks = b.addSurface(e, d, FormDeriv, b.toks)
	}
}

// tokens splits a surface into token texts the way the tokenizer splits
// text. A surface of letters only is one token (the fast path).
func (b *builder) tokens(s string, dst []string) []string {
	dst = dst[:0]
	if isLetters(s) {
		return append(dst, s)
	}
	b.tokBuf = tokenize.AppendTokens(b.tokBuf[:0], s)
	for _, t := range b.tokBuf {
		dst = append(dst, t.Text)
	}
	return dst
}

// addSurface adds one name, alias or derived form of e.
func (b *builder) addSurface(e *Entry, s string, form Form, toks []string) []string {
	toks = b.tokens(s, toks)
	if len(toks) == 0 || len(toks) > maxNameTokens {
		return toks
	}
	last := toks[len(toks)-1]
	var allow uint16
	adj := false
	switch {
	case form == FormName:
		allow = nameAllow(e, last)
	case isAdjectiveStem(last):
		adj = true
		allow = adjSfx
	}
	b.add(toks, form, adj, allow, e)
	return toks
}

// isAdjectiveStem reports whether a derived form ending in token last is
// an adjective stem: its last hyphen part starts in lower case (russisch,
// US-amerikanisch, deutsch-französisch; not Pariser, New Yorker).
func isAdjectiveStem(last string) bool {
	if i := strings.LastIndexAny(last, "-‐‑–"); i >= 0 {
		_, n := utf8.DecodeRuneInString(last[i:])
		last = last[i+n:]
	}
	return firstLower(last)
}

// nameAllow returns the suffix kinds a name ending in token last takes.
func nameAllow(e *Entry, last string) uint16 {
	allow := uint16(1 << sfxApos)
	r := lastRune(last)
	if !unicode.IsLetter(r) {
		return allow
	}
	switch unicode.ToLower(r) {
	case 's', 'ß', 'x', 'z':
	default:
		allow |= 1 << sfxS
	}
	if (e.Type == ORG || e.Type == OTH) && !isVowel(r) && utf8.RuneCountInString(last) >= 3 {
		allow |= 1 << sfxES
	}
	if r == 'e' && (e.Type == ORG || e.Type == OTH || (e.Type == LOC && e.Kind == "country")) {
		allow |= 1 << sfxN
	}
	return allow
}

// adjectiveStem returns the stem of a capitalised adjective inside a
// multi-token name (Vereinigte → Vereinigt, Weißes → Weiß, Roter → Rot):
// token j, not the last, followed by a capitalised token, of a name that is
// not a person's, ending in -e, -es or -er. Such a token matches any
// adjective ending in text (der Vereinigten Staaten, das Weiße Haus, des
// Deutschen Roten Kreuzes, der Frankfurter Allgemeinen Zeitung).
func adjectiveStem(e *Entry, form Form, toks []string, j int) (string, bool) {
	if form != FormName || e.Type == PER || j+1 >= len(toks) {
		return "", false
	}
	t := toks[j]
	if !firstUpper(t) || !firstUpper(toks[j+1]) || !isLetters(t) || utf8.RuneCountInString(t) < 4 {
		return "", false
	}
	if _, caps := wordShape(t); caps {
		return "", false
	}
	var stem string
	switch {
	case strings.HasSuffix(t, "es"), strings.HasSuffix(t, "er"):
		stem = t[:len(t)-2]
	case strings.HasSuffix(t, "e"):
		stem = t[:len(t)-1]
	}
	if len(stem) < minAdjStem {
		return "", false
	}
	return stem, true
}

// minAdjStem is the shortest name-internal adjective stem in bytes (Rot,
// Neu).
const minAdjStem = 3

// adjClass returns the class of a name-internal adjective stem.
func (b *builder) adjClass(stem string) uint32 {
	m := b.m
	b.fb = appendFold(b.fb[:0], stem)
	c, ok := m.adjF[string(b.fb)]
	if !ok {
		c = uint32(len(m.roots))
		m.roots = append(m.roots, 0)
		m.cflags = append(m.cflags, 0)
		m.adjF[b.keys.str(b.fb)] = c
		m.keysF.addHash(hashBytes(b.fb))
		m.adjFil.add(last2b(b.fb))
	}
	m.keysX.add(stem)
	m.adjFil.add(last2(stem))
	return c
}

// class returns the class of token t, creating it.
func (b *builder) class(t string) uint32 {
	m := b.m
	b.fb = appendFold(b.fb[:0], t)
	c, ok := m.folded[string(b.fb)]
	if !ok {
		c = uint32(len(m.roots))
		if string(b.fb) == t {
			m.folded[t] = c // no copy
		} else {
			m.folded[b.keys.str(b.fb)] = c
		}
		m.keysF.addHash(hashBytes(b.fb))
		m.roots = append(m.roots, 0)
		m.cflags = append(m.cflags, 0)
	}
	m.keysX.add(t)
	return c
}

// newNode appends a trie node.
func (b *builder) newNode() int32 {
	b.m.nodes = append(b.m.nodes, node{})
	b.head = append(b.head, -1)
	return int32(len(b.m.nodes) - 1)
}

// add inserts a surface (its tokens) of entry e.
func (b *builder) add(toks []string, form Form, adj bool, allow uint16, e *Entry) {
	m := b.m
	// Walk or extend the trie.
	var nd int32
	for j, t := range toks {
		var c uint32
		if stem, ok := adjectiveStem(e, form, toks, j); ok {
			c = b.adjClass(stem)
		} else {
			c = b.class(t)
		}
		if adj && j == 0 {
			// Capitalised adjective stem (sentence start, names).
			if ct := capitalize(t); ct != t {
				m.keysX.add(ct)
				m.startX.add(ct)
			}
		}
		if j == 0 {
			m.startX.add(t)
			switch {
			case len(toks) == 1:
				m.cflags[c] |= cfSingle
			case e.Type == PER && form == FormName:
				m.cflags[c] |= cfGiven
			}
			if m.roots[c] == 0 {
				b.fb = appendFold(b.fb[:0], t)
				m.startF.addHash(hashBytes(b.fb))
			}
			if firstLower(t) {
				m.cflags[c] |= cfLowerStart
			}
			nd = m.roots[c]
			if nd == 0 {
				nd = b.newNode()
				m.roots[c] = nd
			}
			continue
		}
		ek := uint64(nd)<<32 | uint64(c)
		child, ok := m.edges[ek]
		if !ok {
			child = b.newNode()
			m.edges[ek] = child
		}
		nd = child
	}
	// The same surface (tokens, form, endings) of another entry: add e.
	for vi := b.head[nd]; vi >= 0; vi = b.next[vi] {
		v := &m.vars[vi]
		if v.form == form && v.adj == adj && v.allow == allow && b.sameToks(v, toks) {
			if b.first[vi] != e && !slices.Contains(b.extra[vi], e) {
				b.extra[vi] = append(b.extra[vi], e)
			}
			return
		}
	}
	tok0 := int32(len(m.tokEnd))
	for _, t := range toks {
		b.txt = append(b.txt, t...)
		m.tokEnd = append(m.tokEnd, int32(len(b.txt)))
	}
	b.first = append(b.first, e)
	m.vars = append(m.vars, variant{
		node: nd, tok0: tok0, ntok: int32(len(toks)),
		form: form, adj: adj, allow: allow,
	})
	b.next = append(b.next, b.head[nd])
	b.head[nd] = int32(len(m.vars) - 1)
	if len(toks) > m.maxLen {
		m.maxLen = len(toks)
	}
	// Suffix filters: the last token as written, capitalised (adjectives)
	// and folded.
	last := toks[len(toks)-1]
	b.fb = appendFold(b.fb[:0], last)
	for s := 0; s < numSfx; s++ {
		if allow&(1<<s) != 0 {
			m.filter[s].add(last2b(b.fb))
			m.filter[s].add(last2(last))
			if adj {
				m.filter[s].add(last2(capitalize(last)))
			}
		}
	}
}

// finish lays the variants out by node, collects their entries best
// first, builds the surface groups and indexes the compound heads.
func (b *builder) finish() {
	m := b.m
	m.tokTxt = string(b.txt)
	m.vidx = make([]int32, 0, len(m.vars))
	for nd := range m.nodes {
		if nd == 0 || b.head[nd] < 0 {
			continue
		}
		v0 := len(m.vidx)
		for vi := b.head[nd]; vi >= 0; vi = b.next[vi] {
			m.vidx = append(m.vidx, vi)
		}
		slices.Reverse(m.vidx[v0:]) // insertion order
		m.nodes[nd] = node{v0: int32(v0), vn: int32(len(m.vidx) - v0)}
	}
	m.ents = make([]*Entry, 0, len(m.vars)+len(b.extra)*4+len(m.vars)/16)
	for i := range m.vars {
		v := &m.vars[i]
		v.group = -1
		v.e0 = int32(len(m.ents))
		m.ents = append(m.ents, b.first[i])
		if more := b.extra[int32(i)]; len(more) > 0 {
			m.ents = append(m.ents, more...)
			slices.SortFunc(m.ents[v.e0:], compareEntries)
		}
		v.en = int32(len(m.ents)) - v.e0
		if v.form == FormName && v.ntok == 1 {
			c := compoundEntries(m.tok(v.tok0), m.entries(v))
			switch {
			case len(c) == int(v.en):
				v.c0, v.cn = v.e0, v.en
			case len(c) > 0:
				v.c0 = int32(len(m.ents))
				m.ents = append(m.ents, c...)
				v.cn = int32(len(c))
			}
		}
	}
	// Surface groups: variants of a node with the same tokens, form and
	// adjective flag (they differ in the endings they allow).
	for nd := range m.nodes {
		vs := m.vidx[m.nodes[nd].v0 : m.nodes[nd].v0+m.nodes[nd].vn]
		if len(vs) < 2 {
			continue
		}
		for x, xi := range vs {
			v := &m.vars[xi]
			for _, oi := range vs[:x] {
				o := &m.vars[oi]
				if o.form != v.form || o.adj != v.adj || !m.sameVariantToks(o, v) {
					continue
				}
				if o.group < 0 {
					o.group = int32(len(m.groups))
					m.groups = append(m.groups, surfaceGroup{n: 1, e0: o.e0, en: o.en})
				}
				v.group = o.group
				g := &m.groups[v.group]
				g.n++
				merged := mergeEntries(m.ents[g.e0:g.e0+g.en], m.entries(v))
				g.e0 = int32(len(m.ents))
				m.ents = append(m.ents, merged...)
				g.en = int32(len(merged))
				break
			}
		}
	}
	m.indexHeads()
}

// indexHeads fills m.heads from compoundHeads.
func (m *matcher) indexHeads() {
	for _, h := range compoundHeads {
		l := h[len(h)-1]
		m.heads[l] = append(m.heads[l], h)
	}
	for i := range m.heads {
		slices.SortFunc(m.heads[i], func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	}
}

// sameVariantToks reports whether variants a and b have the same tokens.
func (m *matcher) sameVariantToks(a, b *variant) bool {
	if a.ntok != b.ntok {
		return false
	}
	for j := range a.ntok {
		if m.tok(a.tok0+j) != m.tok(b.tok0+j) {
			return false
		}
	}
	return true
}

// compoundEntries returns the entries of a one-token name that may be the
// first part of a closed compound (Kreml in Kremlchef): ORG or LOC, not
// ambiguous, a capitalised name of at least four letters; LOC only for
// countries, states and regions or places of at least 100,000 people.
func compoundEntries(tok string, entries []*Entry) []*Entry {
	if !firstUpper(tok) || !isLetters(tok) || utf8.RuneCountInString(tok) < 4 {
		return nil
	}
	var out []*Entry
	for i, e := range entries {
		if e.Ambiguous() {
			if out == nil {
				out = entries[:i:i]
			}
			continue
		}
		ok := false
		switch e.Type {
		case ORG:
			ok = true
		case LOC:
			switch e.Kind {
			case "country", "admin1", "state", "region", "continent":
				ok = true
			default:
				ok = e.Population >= 100000
			}
		}
		switch {
		case ok && out == nil:
		case ok:
			out = append(out, e)
		case out == nil:
			out = entries[:i:i]
		}
	}
	if out == nil {
		return entries // all qualify: share the list
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
