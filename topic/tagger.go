package topic

import (
	_ "embed"
	"io"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/stem/german"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// KeywordsVersion is the version of the embedded keyword and cue tables
// (data/keywords.tsv, data/cues.tsv).
const KeywordsVersion = "1"

//go:embed data/keywords.tsv
var keywordsTSV string

//go:embed data/cues.tsv
var cuesTSV string

// Scale is the evidence weight at which a topic's score reaches
// 1-1/e ≈ 0.63.
const Scale = 10.0

// Defaults of the Tagger options.
const (
	DefaultThreshold   = 0.3
	DefaultMaxTopics   = 10
	DefaultMaxEvidence = 5
	DefaultMaxFocus    = 5
)

// Option configures a Tagger.
type Option func(*options)

type source struct {
	r    io.Reader
	name string
}

type options struct {
	threshold   float64
	maxTopics   int
	maxEvidence int
	maxFocus    int
	noBuiltin   bool
	keywords    []source
	cues        []source
	tax         *Taxonomy
}

// WithThreshold sets the minimum score of a topic in a Result (default
// DefaultThreshold).
func WithThreshold(score float64) Option { return func(o *options) { o.threshold = score } }

// WithMaxTopics sets the maximum number of topics in a Result (default
// DefaultMaxTopics; 0 or less means no limit).
func WithMaxTopics(n int) Option { return func(o *options) { o.maxTopics = n } }

// WithMaxEvidence sets the maximum number of evidence items per topic
// (default DefaultMaxEvidence; 0 or less means no limit).
func WithMaxEvidence(n int) Option { return func(o *options) { o.maxEvidence = n } }

// WithMaxFocus sets the maximum number of focus entries (default
// DefaultMaxFocus; 0 or less means no limit).
func WithMaxFocus(n int) Option { return func(o *options) { o.maxFocus = n } }

// WithKeywords adds a keyword table in the format of data/keywords.tsv
// (see the package documentation). name is used in error messages. The
// reader is consumed by NewTagger.
func WithKeywords(r io.Reader, name string) Option {
	return func(o *options) { o.keywords = append(o.keywords, source{r, name}) }
}

// WithCues adds an entity cue table in the format of data/cues.tsv.
func WithCues(r io.Reader, name string) Option {
	return func(o *options) { o.cues = append(o.cues, source{r, name}) }
}

// WithoutBuiltin leaves out the embedded keyword and cue tables: only the
// tables given with WithKeywords and WithCues are used.
func WithoutBuiltin() Option { return func(o *options) { o.noBuiltin = true } }

// WithTaxonomy uses another taxonomy than DefaultTaxonomy (for example a
// newer IPTC release read with LoadTaxonomy). The embedded tables must
// resolve in it.
func WithTaxonomy(t *Taxonomy) Option { return func(o *options) { o.tax = t } }

// Tagger assigns IPTC Media Topics to German news texts and finds their
// geographic focus. Build it once with NewTagger; it is immutable and safe
// for concurrent use by many goroutines.
type Tagger struct {
	tax  *Taxonomy
	lx   *lexicon
	cues *cueTable
	opt  options
	pool sync.Pool // *state
	// entryCues caches the cue targets per *gazetteer.Entry.
	entryCues sync.Map
}

// NewTagger builds a Tagger from the embedded taxonomy, keyword and cue
// tables and the given options. It fails only when a table does not parse.
func NewTagger(opts ...Option) (*Tagger, error) {
	o := options{threshold: DefaultThreshold, maxTopics: DefaultMaxTopics, maxEvidence: DefaultMaxEvidence, maxFocus: DefaultMaxFocus}
	for _, f := range opts {
		f(&o)
	}
	if o.tax == nil {
		t, err := defaultTaxonomy()
		if err != nil {
			return nil, err
		}
		o.tax = t
	}
	t := &Tagger{tax: o.tax, lx: newLexicon(), cues: newCueTable(), opt: o}
	if !o.noBuiltin {
		if err := t.lx.parseKeywordText(keywordsTSV, "data/keywords.tsv", o.tax); err != nil {
			return nil, err
		}
		if err := t.cues.parse(strings.NewReader(cuesTSV), "data/cues.tsv", o.tax); err != nil {
			return nil, err
		}
	}
	for _, s := range o.keywords {
		if err := t.lx.parseKeywords(s.r, s.name, o.tax); err != nil {
			return nil, err
		}
	}
	for _, s := range o.cues {
		if err := t.cues.parse(s.r, s.name, o.tax); err != nil {
			return nil, err
		}
	}
	t.opt.keywords, t.opt.cues = nil, nil
	t.pool.New = func() any { return &state{cache: make(map[string]*tokInfo, 8192)} }
	return t, nil
}

var defaultTagger = sync.OnceValues(func() (*Tagger, error) { return NewTagger() })

// Taxonomy returns the taxonomy the tagger uses.
func (t *Tagger) Taxonomy() *Taxonomy { return t.tax }

// tokInfo is what the keyword table makes of one word (cached per surface).
type tokInfo struct {
	stem    string
	hits    []int32  // features matched by the word alone
	phrases []phrase // phrases that start with this stem, longest first
	letter  bool     // the word has a letter
}

// maxCache bounds the per-state word cache.
const maxCache = 1 << 16

// state is the per-call scratch space, pooled.
type state struct {
	cache   map[string]*tokInfo
	words   []word
	infos   []*tokInfo
	skip    []span
	featZ   []float32
	featN   []int32
	featPos []span
	touched []int32
	units   []unit
	raw     []float64
	mark    []uint32 // stamp of the last unit that reached each topic
	stamp   uint32
	outMark []uint32 // ostamp of the call that returns each topic
	ostamp  uint32
	focus   focusBuf
	pass    []passing // topics above the threshold
	nEv     []int     // evidence count per returned topic
	tmp     []float64
	topics  []int32
	contrib []contrib
	local   []int32
	outIdx  []int32
	tmpCue  []int32
}

type span struct{ start, end int32 }

// unit is one piece of evidence (a keyword feature or an entity) with its
// targets.
type unit struct {
	eff     float64
	targets []target
	cues    []string // per target, for entity units (nil: ev.Cue for all)
	ev      Evidence
}

type contrib struct {
	topic int32
	unit  int32
	cue   int32 // index into the unit's cues, -1 for ev.Cue
	v     float64
}

func (st *state) info(lx *lexicon, s string) *tokInfo {
	if ti, ok := st.cache[s]; ok {
		return ti
	}
	if len(st.cache) >= maxCache {
		clear(st.cache)
	}
	ti := lx.analyze(s)
	st.cache[strings.Clone(s)] = ti
	return ti
}

// analyze matches one word against the keyword table.
func (lx *lexicon) analyze(s string) *tokInfo {
	ti := &tokInfo{letter: hasLetter(s)}
	if !ti.letter {
		return ti
	}
	if id, ok := lx.surface[s]; ok {
		ti.hits = append(ti.hits, id)
	} else if n := len(s); n > 1 && s[n-1] == 's' {
		if id, ok := lx.surface[s[:n-1]]; ok {
			ti.hits = append(ti.hits, id)
		}
	}
	st := german.Stem(s)
	ti.stem = st
	ti.phrases = lx.phrases[st]
	exact := false
	if e, ok := lx.exact[st]; ok {
		if e[0] != 0 && startsUpper(s) {
			ti.hits = append(ti.hits, e[0]-1)
			exact = true
		}
		if e[1] != 0 {
			ti.hits = append(ti.hits, e[1]-1)
			exact = true
		}
	}
	if exact {
		return ti
	}
	// Compound head: the longest suffix of the stem that is a head term,
	// leaving at least two bytes of modifier.
	upper := startsUpper(s)
	// Every suffix of the stem ends with its last three bytes: skip the
	// search when no head term does.
	if len(lx.heads) > 0 && len(st) >= lx.minHead+2 && lx.headTails[tail3(st)] {
		// Start where the suffix is no longer than the longest head, so
		// that a very long word costs linear, not quadratic, time.
		for i := max(2, len(st)-lx.maxHeadSt); len(st)-i >= lx.minHead; i++ {
			if st[i]&0xC0 == 0x80 { // not at a rune start
				continue
			}
			if e, ok := lx.heads[st[i:]]; ok && (upper && e[0] != 0 || e[1] != 0) {
				if upper && e[0] != 0 {
					ti.hits = append(ti.hits, e[0]-1)
				}
				if e[1] != 0 {
					ti.hits = append(ti.hits, e[1]-1)
				}
				break
			}
		}
	}
	// Compound modifier: the longest folded prefix that is a modifier term,
	// leaving at least three bytes of head.
	if len(lx.mods) > 0 && len(s) >= lx.minMod+3 && lx.modHeads[head3(s)] {
		f := fold(s)
		for j := min(lx.maxMod, len(f)-3); j >= lx.minMod; j-- {
			if f[j]&0xC0 == 0x80 {
				continue
			}
			if e, ok := lx.mods[f[:j]]; ok && (upper && e[0] != 0 || e[1] != 0) {
				if upper && e[0] != 0 {
					ti.hits = append(ti.hits, e[0]-1)
				}
				if e[1] != 0 {
					ti.hits = append(ti.hits, e[1]-1)
				}
				break
			}
		}
	}
	return ti
}

// matchText returns the features matched in a short text (a role), phrases
// first, without caching.
func (lx *lexicon) matchText(s string) []int32 {
	ws := appendWords(nil, s, 0)
	infos := make([]*tokInfo, len(ws))
	for i, w := range ws {
		infos[i] = lx.analyze(s[w.start:w.end])
	}
	var out []int32
	for i := 0; i < len(infos); i++ {
		if len(infos[i].phrases) > 0 {
			if f, n := matchPhrase(infos[i].phrases, infos[i:]); n > 0 {
				out = append(out, f)
				i += n - 1
				continue
			}
		}
		out = append(out, infos[i].hits...)
	}
	return out
}

// sat is the saturation of repeated evidence: linear up to 1, then the
// square root, so that a word repeated four times counts twice.
func sat(z float64) float64 {
	if z <= 1 {
		return z
	}
	return math.Sqrt(z)
}

// Tag returns the topics of text and, when doc is the entity document of
// the same text (entity.Extractor.Extract(text)), its geographic focus and
// the entity cues (a party → politics, a club → sport, NATO → defence).
// doc may be nil: then only keywords count and Focus is empty. Offsets in
// the result are byte offsets into text.
func (t *Tagger) Tag(text string, doc *entity.Document) Result {
	return t.tagWith(&t.opt, text, doc)
}

func (t *Tagger) tagWith(opt *options, text string, doc *entity.Document) Result {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	lx := t.lx
	z := findZones(text)

	// Entity cues first: their mentions are not read as keywords again.
	st.units = st.units[:0]
	st.skip = st.skip[:0]
	if doc != nil {
		t.entityUnits(st, text, doc, &z)
	}
	slices.SortFunc(st.skip, func(a, b span) int { return int(a.start - b.start) })

	if n := len(lx.features); len(st.featZ) < n {
		st.featZ = make([]float32, n)
		st.featN = make([]int32, n)
		st.featPos = make([]span, n)
	}
	st.touched = st.touched[:0]
	hit := func(f int32, start, end int32) {
		if st.featN[f] == 0 {
			st.touched = append(st.touched, f)
			st.featPos[f] = span{start, end}
		}
		st.featN[f]++
		st.featZ[f] += z.weight(int(start))
	}
	// Words and their keyword features, a block of text at a time, so that
	// the buffers stay small however long the text (a phrase cut by a block
	// end, every wordBlock bytes at a line end, sentence end or space, is not
	// matched).
	nWords := 0
	sk := 0
	for pos := 0; pos < len(text); {
		end := tokenize.BlockEnd(text, pos, wordBlock)
		st.words = appendWords(st.words[:0], text[pos:end], pos)
		st.infos = st.infos[:0]
		for _, w := range st.words {
			ti := st.info(lx, text[w.start:w.end])
			if ti.letter {
				nWords++
			}
			st.infos = append(st.infos, ti)
		}
		for i := 0; i < len(st.words); i++ {
			w := st.words[i]
			for sk < len(st.skip) && st.skip[sk].end <= w.start {
				sk++
			}
			if sk < len(st.skip) && st.skip[sk].start <= w.start {
				continue
			}
			ti := st.infos[i]
			if len(ti.phrases) > 0 {
				if f, n := matchPhrase(ti.phrases, st.infos[i:]); n > 0 {
					hit(f, w.start, st.words[i+n-1].end)
					i += n - 1
					continue
				}
			}
			for _, f := range ti.hits {
				hit(f, w.start, w.end)
			}
		}
		pos = end
	}
	for _, f := range st.touched {
		ft := &lx.features[f]
		p := st.featPos[f]
		st.units = append(st.units, unit{
			eff:     sat(float64(st.featZ[f])),
			targets: ft.targets,
			ev:      Evidence{Text: text[p.start:p.end], Start: int(p.start), End: int(p.end), Cue: ft.cue, Count: int(st.featN[f])},
		})
		st.featZ[f], st.featN[f] = 0, 0
	}

	res := Result{Topics: t.score(st, nWords, opt)}
	if doc != nil {
		res.Focus = focus(doc, text, &z, opt.maxFocus, &st.focus)
	}
	return res
}

// matchPhrase returns the longest of the phrases that starts at infos[0]
// and its length in words (0 when none matches).
func matchPhrase(phrases []phrase, infos []*tokInfo) (int32, int) {
	for _, p := range phrases {
		if len(p.stems) > len(infos) {
			continue
		}
		ok := true
		for k := 1; k < len(p.stems); k++ {
			if infos[k].stem != p.stems[k] {
				ok = false
				break
			}
		}
		if ok {
			return p.feat, len(p.stems)
		}
	}
	return 0, 0
}

// passing is a topic above the threshold: concept index, score, weight.
type passing struct {
	a    int32
	s, w float64
}

// score turns the evidence units into sorted topics.
func (t *Tagger) score(st *state, nWords int, opt *options) []Topic {
	n := len(t.tax.concepts)
	if len(st.raw) < n {
		st.raw = make([]float64, n)
		st.mark = make([]uint32, n)
		st.tmp = make([]float64, n)
		st.outIdx = make([]int32, n)
		st.outMark = make([]uint32, n)
		st.tmpCue = make([]int32, n)
	}
	st.topics = st.topics[:0]
	st.contrib = st.contrib[:0]
	local := st.local[:0]
	for ui, u := range st.units {
		local = local[:0]
		// A new stamp per unit marks the topics it has reached; the marks
		// are cleared only when the counter wraps around.
		st.stamp++
		if st.stamp == 0 {
			clear(st.mark)
			st.stamp = 1
		}
		for ti, tg := range u.targets {
			v := float64(tg.w) * u.eff
			cue := int32(-1)
			if u.cues != nil {
				cue = int32(ti)
			}
			for _, a := range t.tax.chain[tg.topic] {
				if st.mark[a] != st.stamp {
					st.mark[a] = st.stamp
					st.tmp[a] = v
					st.tmpCue[a] = cue
					local = append(local, a)
				} else if v > st.tmp[a] {
					st.tmp[a] = v
					st.tmpCue[a] = cue
				}
			}
		}
		for _, a := range local {
			if st.raw[a] == 0 {
				st.topics = append(st.topics, a)
			}
			st.raw[a] += st.tmp[a]
			st.contrib = append(st.contrib, contrib{a, int32(ui), st.tmpCue[a], st.tmp[a]})
		}
	}
	st.local = local
	norm := math.Max(1, math.Sqrt(float64(nWords)/250))
	// The topics above the threshold, strongest first (then by level and
	// ID), cut to maxTopics before any result is allocated.
	pass := st.pass[:0]
	for _, a := range st.topics {
		w := st.raw[a] / norm
		st.raw[a] = 0
		s := 1 - math.Exp(-w/Scale)
		if s < opt.threshold || s <= 0 {
			continue
		}
		pass = append(pass, passing{a, s, w})
	}
	st.pass = pass
	concepts := t.tax.concepts
	slices.SortFunc(pass, func(x, y passing) int {
		switch {
		case x.w != y.w:
			if x.w > y.w {
				return -1
			}
			return 1
		case concepts[x.a].Level != concepts[y.a].Level:
			return concepts[x.a].Level - concepts[y.a].Level
		}
		return strings.Compare(concepts[x.a].ID, concepts[y.a].ID)
	})
	if m := opt.maxTopics; m > 0 && len(pass) > m {
		pass = pass[:m]
	}
	if len(pass) == 0 {
		return nil
	}
	// One allocation for the topics and one for all their paths.
	out := make([]Topic, len(pass))
	nPath := 0
	for _, p := range pass {
		nPath += len(t.tax.chain[p.a])
	}
	paths := make([]string, nPath)
	for i, p := range pass {
		c := &concepts[p.a]
		chain := t.tax.chain[p.a]
		path := paths[:len(chain):len(chain)]
		paths = paths[len(chain):]
		for k, j := range chain {
			path[k] = concepts[j].ID
		}
		out[i] = Topic{ID: c.ID, Label: c.Label, LabelEn: c.LabelEn, Level: c.Level, Path: path, Score: p.s, Weight: p.w}
	}
	// Evidence per topic, strongest first.
	if len(out) > 0 {
		st.ostamp++
		if st.ostamp == 0 {
			clear(st.outMark)
			st.ostamp = 1
		}
		for i, p := range pass {
			st.outMark[p.a] = st.ostamp
			st.outIdx[p.a] = int32(i)
		}
		// Keep the contributions to returned topics only, then sort them:
		// strongest first, then by position.
		kept := st.contrib[:0]
		for _, c := range st.contrib {
			if st.outMark[c.topic] == st.ostamp {
				kept = append(kept, c)
			}
		}
		st.contrib = kept
		slices.SortFunc(st.contrib, func(a, b contrib) int {
			switch {
			case a.v > b.v:
				return -1
			case a.v < b.v:
				return 1
			}
			if d := st.units[a.unit].ev.Start - st.units[b.unit].ev.Start; d != 0 {
				return d
			}
			if a.unit != b.unit {
				return int(a.unit - b.unit)
			}
			return int(a.topic - b.topic)
		})
		// Room for every topic's evidence in one allocation.
		if cap(st.nEv) < len(out) {
			st.nEv = make([]int, len(out))
		}
		nEv := st.nEv[:len(out)]
		clear(nEv)
		total := 0
		for _, c := range st.contrib {
			i := st.outIdx[c.topic]
			if opt.maxEvidence <= 0 || nEv[i] < opt.maxEvidence {
				nEv[i]++
				total++
			}
		}
		evs := make([]Evidence, total)
		for i, n := range nEv {
			out[i].Evidence = evs[:0:n]
			evs = evs[n:]
		}
		for _, c := range st.contrib {
			i := st.outIdx[c.topic]
			if opt.maxEvidence > 0 && len(out[i].Evidence) >= opt.maxEvidence {
				continue
			}
			u := &st.units[c.unit]
			ev := u.ev
			if c.cue >= 0 {
				ev.Cue = u.cues[c.cue]
			}
			ev.Weight = c.v
			out[i].Evidence = append(out[i].Evidence, ev)
		}
	}
	return out
}

// entityUnits adds an evidence unit for every entity with a cue and marks
// the spans that keywords must skip: mentions of persons and places, and
// mentions of cued entities.
func (t *Tagger) entityUnits(st *state, text string, doc *entity.Document, z *zones) {
	valid := func(m *entity.Mention) bool {
		return m.Start >= 0 && m.End <= len(text) && m.Start < m.End
	}
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		tg, cues := t.entityTargets(e)
		if len(tg) > 0 {
			var zsum float64
			first := -1
			for _, mi := range e.Mentions {
				if mi < 0 || mi >= len(doc.Mentions) || !valid(&doc.Mentions[mi]) {
					continue
				}
				m := &doc.Mentions[mi]
				if first < 0 {
					first = mi
				}
				zsum += float64(z.weight(m.Start))
				st.skip = append(st.skip, mentionSpan(m))
			}
			if first < 0 {
				continue
			}
			m := &doc.Mentions[first]
			id := e.ID
			if id == "" {
				id = e.Name
			}
			st.units = append(st.units, unit{
				eff:     sat(zsum) * (0.5 + e.Salience),
				targets: tg,
				cues:    cues,
				ev:      Evidence{Text: text[m.Start:m.End], Start: m.Start, End: m.End, Cue: cues[0], Entity: id, Count: len(e.Mentions)},
			})
		}
	}
	for mi := range doc.Mentions {
		m := &doc.Mentions[mi]
		if (m.Type == entity.PER || m.Type == entity.LOC) && valid(m) {
			st.skip = append(st.skip, mentionSpan(m))
		}
	}
}

// mentionSpan is the span of a mention that keywords skip: the name part
// for a name inside a compound (Nato in Nato-Staaten), else the mention.
func mentionSpan(m *entity.Mention) span {
	if m.Form == entity.FormPart && m.PartStart >= m.Start && m.PartEnd <= m.End && m.PartStart < m.PartEnd {
		return span{int32(m.PartStart), int32(m.PartEnd)}
	}
	return span{int32(m.Start), int32(m.End)}
}

// entityCues are the cue targets of a gazetteer entry (cached per entry).
type entityCues struct {
	tg   []target
	cues []string
}

// entityTargets returns the cue targets of an entity, at most one per topic
// (the highest weight), with the cue that gave each. The result is cached
// per gazetteer entry (entries are immutable); it must not be modified.
func (t *Tagger) entityTargets(e *entity.Entity) ([]target, []string) {
	if e.Entry != nil && (e.ID == "" || e.ID == e.Entry.ID) && e.Type == e.Entry.Type {
		if v, ok := t.entryCues.Load(e.Entry); ok {
			c := v.(*entityCues)
			return c.tg, c.cues
		}
		tg, cues := t.computeTargets(e)
		t.entryCues.Store(e.Entry, &entityCues{tg, cues})
		return tg, cues
	}
	return t.computeTargets(e)
}

func (t *Tagger) computeTargets(e *entity.Entity) ([]target, []string) {
	ct := t.cues
	var tg []target
	var cues []string
	addAll := func(ts []target, cue string) {
	next:
		for _, x := range ts {
			for k := range tg {
				if tg[k].topic == x.topic {
					if x.w > tg[k].w {
						tg[k].w, cues[k] = x.w, cue
					}
					continue next
				}
			}
			tg = append(tg, x)
			cues = append(cues, cue)
		}
	}
	id := e.ID
	if e.Entry != nil && id == "" {
		id = e.Entry.ID
	}
	if id != "" && ct.stopIDs[id] {
		return nil, nil
	}
	if id != "" {
		addAll(ct.byID[id], "id="+id)
	}
	if e.Entry != nil {
		addAll(ct.byKind[e.Entry.Kind], "kind="+e.Entry.Kind)
		for _, k := range ct.attrKeys {
			if _, ok := e.Entry.Attrs[k]; ok {
				addAll(ct.byAttr[k], "attr="+k)
			}
		}
		if role := e.Entry.Attrs["role"]; role != "" && len(ct.roles.features) > 0 {
			for _, f := range ct.roles.matchText(role) {
				addAll(ct.roles.features[f].targets, "role="+role)
			}
		}
	}
	addAll(ct.byType[e.Type.String()], "type="+e.Type.String())
	return tg, cues
}
