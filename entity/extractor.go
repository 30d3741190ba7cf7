package entity

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/stem/german"
	"github.com/kenner-nlp/kenner/internal/tagger"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Stage is a set of pipeline stages, combined with |.
type Stage uint8

// The stages of the pipeline. AllStages is the default.
const (
	StageGazetteer Stage = 1 << iota // gazetteer look-up
	StageRules                       // built-in and user rules
	StageModel                       // the learned tagger
	StageCoref                       // short forms linked to earlier full names

	AllStages = StageGazetteer | StageRules | StageModel | StageCoref
)

// Option configures an Extractor.
type Option func(*options) error

type options struct {
	gaz    *gazetteer.Gazetteer
	rules  []*Rules
	stages Stage
	model  *Model
}

// WithGazetteer makes the extractor use g instead of gazetteer.Default().
// Combine lists with (*gazetteer.Gazetteer).With to add to the default.
func WithGazetteer(g *gazetteer.Gazetteer) Option {
	return func(o *options) error {
		if g == nil {
			return fmt.Errorf("entity: WithGazetteer(nil)")
		}
		o.gaz = g
		return nil
	}
}

// WithRules adds user rules (see LoadRules). They run before the built-in
// rules, so they win where both match.
func WithRules(r *Rules) Option {
	return func(o *options) error {
		if r == nil {
			return fmt.Errorf("entity: WithRules(nil)")
		}
		o.rules = append(o.rules, r)
		return nil
	}
}

// WithStages selects the pipeline stages that run (default AllStages).
func WithStages(s Stage) Option {
	return func(o *options) error {
		o.stages = s
		return nil
	}
}

// Extractor finds entities in German text. Build it once with NewExtractor;
// it is immutable afterwards and safe for concurrent use by many goroutines.
type Extractor struct {
	gaz    *gazetteer.Gazetteer
	first  *gazetteer.Names
	lx     *lexicon
	rules  []*Rules
	stages Stage
	model  *Model // nil: no model stage
	// surnames of the gazetteer's people: a bare Schröder is a person,
	// though which one the text alone does not say.
	surnames map[string]bool
	pool     sync.Pool // *scratch
	stems    sync.Map  // word → Snowball stem
	nStems   atomic.Int64
}

// NewExtractor returns an Extractor configured by opts. Without options it
// uses the embedded default gazetteer and all stages.
func NewExtractor(opts ...Option) (*Extractor, error) {
	o := options{stages: AllStages}
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	// The embedded data load in parallel the first time (each is parsed
	// once per process).
	var (
		wg          sync.WaitGroup
		lx          *lexicon
		first       *gazetteer.Names
		lxErr, mErr error
		needModel   = o.model == nil && o.stages&StageModel != 0
		model       *Model
	)
	wg.Go(func() { lx, lxErr = defaultLexicon() })
	wg.Go(func() { first = gazetteer.FirstNames() })
	if needModel {
		wg.Go(func() { model, mErr = DefaultModel() })
	}
	var gazErr error
	if o.gaz == nil {
		o.gaz, gazErr = gazetteer.DefaultErr()
	}
	wg.Wait()
	for _, err := range []error{gazErr, lxErr, mErr} {
		if err != nil {
			return nil, err
		}
	}
	if needModel {
		o.model = model
	}
	x := &Extractor{gaz: o.gaz, first: first, lx: lx, rules: o.rules, stages: o.stages, model: o.model}
	x.surnames = surnames(o.gaz, lx)
	x.pool.New = func() any { return new(scratch) }
	return x, nil
}

// scratch holds the per-call buffers, reused through a sync.Pool.
type scratch struct {
	toks    []tokenize.Token
	sents   []tokenize.Sentence
	matches []gazetteer.Match
	spans   []span
	owner   []int32 // token index → index into spans+1 (0: free)
	cand    []Type  // token index → type of a gazetteer name over it, accepted or not
	text    string  // the text being analysed (dropped on release)
	buf     []byte

	// answers about words (wordinfo.go)
	wmap      map[string]int32 // word → index into winfo
	winfo     []wordInfo
	wtok      []int32          // token index → index into winfo, -1 for non-words
	pendLower map[string]int32 // see linkLower
	// gazMemo keeps the gazetteer's look-ups per word, by index into winfo.
	gazMemo gazetteer.Memo
	doc     uint32 // number of the current text, for wordInfo.lowerSeen

	// build
	order []int                   // spans in text order
	byKey map[ekey]int            // entity key → entity, emptied after each text
	ents  []Entity                // the entities of a text before salience sorts them
	sur   map[string]int          // corefStage's surnames
	abbr  map[string]abbreviation // abbreviationStage: what each abbreviation stands for
	ccs   []ccCount               // relinkPlaces: place mentions per country and Land

	// model stage
	seq        tagger.Sequence
	gazHits    []tagger.GazHit
	labels     []int
	margins    []float64
	modelSpans []mspan
	tg         *tagger.Tagger // per-scratch tagger (not safe to share)
	tgModel    *Model
}

// span is a candidate mention over tokens [first, last).
type span struct {
	first, last        int
	start, end         int
	partStart, partEnd int
	typ                Type
	form               Form
	entry              *gazetteer.Entry
	src                Source
	score              float64
	confirmed          bool // the model tagged the same span
	certain            bool // a gazetteer name or a sure rule's name the model may not override
}

// Extract finds the entities in text. It never fails: invalid UTF-8 and
// other odd input give fewer mentions, never a panic. Offsets in the result
// are byte offsets into text.
func (x *Extractor) Extract(text string) *Document {
	doc := &Document{Text: text}
	if len(text) == 0 {
		return doc
	}
	if len(text) > maxBlock {
		return x.extractBlocks(doc)
	}
	s := x.pool.Get().(*scratch)
	defer x.release(s)
	x.run(text, s)
	x.build(doc, s)
	return doc
}

// maxBlock is the size above which a text is processed in blocks of about
// this size, cut at line ends (else sentence ends, else spaces), so that
// the memory for tokens and matches stays bounded however long the text:
// only the mentions of the whole text are kept. A block is far longer than
// a news article; across blocks, mentions are grouped into entities as in
// one piece and people named in full in one block are found by surname in
// the next, but the lower-case evidence against names is per block.
const maxBlock = 256 << 10

// extractBlocks is Extract for a text longer than maxBlock.
func (x *Extractor) extractBlocks(doc *Document) *Document {
	text := doc.Text
	g := grouper{carry: map[string]*gazetteer.Entry{}}
	lead := len(text)
	for off := 0; off < len(text); {
		end := tokenize.BlockEnd(text, off, maxBlock)
		s := x.pool.Get().(*scratch)
		x.run(text[off:end], s)
		if off == 0 {
			lead = firstSentEnd(text, s, 0)
		}
		x.collect(doc, s, off, &g)
		x.release(s)
		if off == 0 {
			// Room for the mentions of the whole text at the first
			// block's rate, so that the list is not grown by doubling.
			est := len(doc.Mentions)*(len(text)/end+1) + len(doc.Mentions)/8
			doc.Mentions = slices.Grow(doc.Mentions, est-len(doc.Mentions))
		}
		off = end
	}
	x.salience(doc, lead)
	return doc
}

// run tokenizes text into s and runs the stages up to the model.
func (x *Extractor) run(text string, s *scratch) {
	s.text = text
	// Size the token buffer once from the text (German news has about one
	// token per 5–6 bytes), instead of growing it by doubling: on a large
	// text that saves most of the garbage.
	if need := len(text)/5 + 16; cap(s.toks) < need {
		s.toks = make([]tokenize.Token, 0, need)
	}
	s.toks = tokenize.AppendTokens(s.toks[:0], text)
	if need := len(s.toks)/6 + 16; cap(s.matches) < need {
		s.matches = make([]gazetteer.Match, 0, need)
	}
	if need := len(s.toks)/8 + 16; cap(s.spans) < need {
		s.spans = make([]span, 0, need)
	}
	s.sents = tokenize.MarkedSentences(s.sents[:0], s.toks) // as AppendTokens marked them
	s.spans = s.spans[:0]
	if cap(s.owner) < len(s.toks) {
		s.owner = make([]int32, len(s.toks), len(s.toks)+len(s.toks)/2)
	} else {
		s.owner = s.owner[:len(s.toks)]
		clear(s.owner)
	}
	if cap(s.cand) < len(s.toks) {
		s.cand = make([]Type, len(s.toks), cap(s.owner))
	} else {
		s.cand = s.cand[:len(s.toks)]
		clear(s.cand)
	}
	x.indexWords(s)
	if x.stages&StageGazetteer != 0 {
		x.gazetteerStage(text, s)
	}
	if x.stages&StageRules != 0 {
		for _, r := range x.rules {
			r.apply(x, text, s)
		}
		x.ruleStage(text, s)
	}
	if x.stages&StageModel != 0 && x.model != nil {
		x.modelStage(text, s)
	}
	if x.stages&StageGazetteer != 0 {
		x.relinkPlaces(s)
	}
}

// add records sp as a mention if its tokens are all free and reports
// whether it did.
func (s *scratch) add(sp span) bool {
	for i := sp.first; i < sp.last; i++ {
		if s.owner[i] != 0 {
			return false
		}
	}
	if sp.typ == PER && sp.last < len(s.toks) && s.owner[sp.last] == 0 && regnal(&s.toks[sp.last]) {
		// A regnal number belongs to the name: Leo XIV., Charles III.
		sp.end = s.toks[sp.last].End
		sp.last++
	}
	s.spans = append(s.spans, sp)
	id := int32(len(s.spans))
	for i := sp.first; i < sp.last; i++ {
		s.owner[i] = id
	}
	return true
}

// free reports whether token i is not part of a mention yet.
func (s *scratch) free(i int) bool { return i >= 0 && i < len(s.owner) && s.owner[i] == 0 }

// occursLower reports whether the word w, lower-cased at its first letter,
// occurs in lower case somewhere in the text.
func (s *scratch) occursLower(w string) bool {
	s.buf = lowerFirst(w, s.buf)
	k, ok := s.wmap[string(s.buf)] // every word of the text is in wmap
	return ok && s.winfo[k].lowerSeen == s.doc
}

// stemWord is the stemmer the model features use.
var stemWord = german.Stem

// maxPooledTokens bounds the buffers kept for reuse: after a huge input the
// scratch space goes to the garbage collector instead of back to the pool.
const maxPooledTokens = (maxBlock + maxBlock/4) / 4

// release returns s to the pool unless it grew too large, dropping its
// references into the text.
func (x *Extractor) release(s *scratch) {
	if cap(s.toks) > maxPooledTokens {
		return
	}
	s.text = ""
	// Drop the references into the text. Tokens beyond len were cleared
	// when a text last used them; a long sentence's buffer is let go rather
	// than cleared for every later text.
	clear(s.toks)
	s.matches = s.matches[:0]
	if len(s.sur) > 4096 {
		s.sur = nil // clearing costs in proportion to the most it held
	} else {
		clear(s.sur) // its keys are pieces of the text
	}
	if cap(s.seq.Tokens) > 4096 {
		s.seq.Tokens = nil
	} else {
		clear(s.seq.Tokens[:cap(s.seq.Tokens)])
	}
	x.pool.Put(s)
}

// regnal reports whether t is a regnal number after a name: a Roman numeral
// (XIV, III), or I, V or X with a dot (Juan Carlos I., Harald V.).
func regnal(t *tokenize.Token) bool {
	if t.Kind != tokenize.Word || t.Flags&tokenize.Upper == 0 {
		return false
	}
	w, dot := strings.CutSuffix(t.Text, ".")
	return tokenize.IsRoman(w) || dot && (w == "I" || w == "V" || w == "X")
}
