package kenner

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/topic"
)

// Analyzer reads a German news text and says who and what it is about: it
// runs one entity.Extractor and one topic.Tagger over the text and returns
// the combined Result.
//
// An Analyzer is built once with New and is immutable afterwards: it is safe
// for concurrent use by many goroutines.
type Analyzer struct {
	ext    *entity.Extractor
	tagger *topic.Tagger // nil when topics are off
}

// Option configures New.
type Option func(*options)

type options struct {
	ext        *entity.Extractor
	entityOpts []entity.Option
	tagger     *topic.Tagger
	topicOpts  []topic.Option
	noTopics   bool
}

// WithExtractor makes the Analyzer use ext instead of building its own
// extractor. It overrides WithEntityOptions.
func WithExtractor(ext *entity.Extractor) Option {
	return func(o *options) { o.ext = ext }
}

// WithEntityOptions passes opts to entity.NewExtractor when New builds the
// extractor.
func WithEntityOptions(opts ...entity.Option) Option {
	return func(o *options) { o.entityOpts = append(o.entityOpts, opts...) }
}

// WithTagger makes the Analyzer use t instead of building its own topic
// tagger. It overrides WithTopicOptions.
func WithTagger(t *topic.Tagger) Option {
	return func(o *options) { o.tagger = t }
}

// WithTopicOptions passes opts to topic.NewTagger when New builds the tagger.
func WithTopicOptions(opts ...topic.Option) Option {
	return func(o *options) { o.topicOpts = append(o.topicOpts, opts...) }
}

// WithoutTopics turns topic tagging off: Result.Topics and Result.Focus stay
// empty and no tagger is built.
func WithoutTopics() Option {
	return func(o *options) { o.noTopics = true }
}

// New returns an Analyzer. Without options it uses the embedded gazetteer
// and topic data; building them takes a moment once per process, so build
// one Analyzer and share it.
func New(opts ...Option) (*Analyzer, error) {
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	a := &Analyzer{ext: o.ext}
	// Build the topic tagger while the extractor loads its data.
	var (
		wg     sync.WaitGroup
		tagErr error
	)
	if !o.noTopics {
		a.tagger = o.tagger
		if a.tagger == nil {
			wg.Go(func() {
				var t *topic.Tagger
				t, tagErr = topic.NewTagger(o.topicOpts...)
				a.tagger = t
			})
		}
	}
	var extErr error
	if a.ext == nil {
		a.ext, extErr = entity.NewExtractor(o.entityOpts...)
	}
	wg.Wait()
	if extErr != nil {
		return nil, fmt.Errorf("kenner: %w", extErr)
	}
	if tagErr != nil {
		return nil, fmt.Errorf("kenner: %w", tagErr)
	}
	if a.ext == nil {
		return nil, errors.New("kenner: no entity extractor")
	}
	return a, nil
}

// Extractor returns the entity extractor the Analyzer uses.
func (a *Analyzer) Extractor() *entity.Extractor { return a.ext }

// Tagger returns the topic tagger the Analyzer uses, or nil when topics are
// off (WithoutTopics).
func (a *Analyzer) Tagger() *topic.Tagger { return a.tagger }

// Analyze finds the entities and topics of text and returns them in the JSON
// contract form. text should be UTF-8; invalid bytes never cause a panic and
// offsets stay valid byte offsets into text.
func (a *Analyzer) Analyze(text string) *Result {
	doc, tr := a.Document(text)
	return NewResult(doc, tr)
}

// Document is like Analyze but returns the extractor's and the tagger's own
// results, with all fields (mention scores, gazetteer entries, part spans).
// The topic result is empty when topics are off.
func (a *Analyzer) Document(text string) (*entity.Document, topic.Result) {
	doc := a.ext.Extract(text)
	var tr topic.Result
	if a.tagger != nil {
		tr = a.tagger.Tag(text, doc)
	}
	return doc, tr
}

// Result is what kenner says about one text, in the form of its JSON
// contract:
//
//	{"entities":[{"name":…,"type":…,"id":…,"count":…,"salience":…,
//	              "mentions":[{"text":…,"start":…,"end":…,"form":…,"source":…}]}],
//	 "topics":[{"id":…,"label":…,"label_en":…,"score":…,
//	            "evidence":[{"text":…,"start":…,"end":…,"cue":…,"entity":…,"count":…,"weight":…}]}],
//	 "focus":[{"name":…,"id":…,"score":…}]}
//
// The three arrays are always present (empty, never null). Topics and focus
// are encoded by package topic (see topic.Topic and topic.Focus).
type Result struct {
	// Entities in order of salience, highest first.
	Entities []EntityJSON `json:"entities"`
	// Topics from the IPTC Media Topics taxonomy, best first.
	Topics []topic.Topic `json:"topics"`
	// Focus lists the places (or other entities) the text is about, best
	// first.
	Focus []topic.Focus `json:"focus"`
}

// EntityJSON is one entity of a Result.
type EntityJSON struct {
	// Name is the canonical name: the gazetteer's, else the fullest form in
	// the text.
	Name string `json:"name"`
	// Type is "PER", "LOC", "ORG" or "OTH".
	Type string `json:"type"`
	// ID is the stable gazetteer ID (kn:per/wladimir-putin, iso:RU,
	// geo:2950159); the empty string when the entity is not in the
	// gazetteer.
	ID string `json:"id"`
	// Count is the number of mentions, len(Mentions).
	Count int `json:"count"`
	// Salience in [0,1] says how central the entity is to the text, rounded
	// to four decimals.
	Salience float64 `json:"salience"`
	// Mentions in text order.
	Mentions []MentionJSON `json:"mentions"`
}

// MentionJSON is one mention of an entity.
//
// Start and End are UTF-8 byte offsets into the analysed text, end
// exclusive: text[Start:End] == Text. (JavaScript and other UTF-16 users must
// convert: encode the text as UTF-8 and decode the byte ranges.)
type MentionJSON struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Form is "name" (Putin, Putins), "deriv" (russische, Pariser) or
	// "part" (a name inside a compound: Nato-Staaten; Start:End covers the
	// whole word).
	Form string `json:"form"`
	// Source is the pipeline stage that found the mention: "gazetteer",
	// "rule", "model" or "coref".
	Source string `json:"source"`
}

// NewResult converts an extractor document and a topic result to the JSON
// contract form. doc may be nil.
func NewResult(doc *entity.Document, tr topic.Result) *Result {
	r := &Result{
		Entities: []EntityJSON{},
		Topics:   tr.Topics,
		Focus:    tr.Focus,
	}
	if r.Topics == nil {
		r.Topics = []topic.Topic{}
	}
	if r.Focus == nil {
		r.Focus = []topic.Focus{}
	}
	if doc == nil {
		return r
	}
	r.Entities = make([]EntityJSON, 0, len(doc.Entities))
	// The mentions of all entities share one array (each entity's slice is
	// capped, so appending to one never overwrites another's).
	n := 0
	for _, e := range doc.Entities {
		n += len(e.Mentions)
	}
	all := make([]MentionJSON, 0, n)
	for _, e := range doc.Entities {
		first := len(all)
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(doc.Mentions) {
				continue
			}
			m := doc.Mentions[mi]
			all = append(all, MentionJSON{
				Text:   m.Text,
				Start:  m.Start,
				End:    m.End,
				Form:   m.Form.String(),
				Source: m.Source.String(),
			})
		}
		ej := EntityJSON{
			Name:     e.Name,
			Type:     e.Type.String(),
			ID:       e.ID,
			Salience: round4(e.Salience),
			Mentions: all[first:len(all):len(all)],
		}
		ej.Count = len(ej.Mentions)
		r.Entities = append(r.Entities, ej)
	}
	return r
}

func round4(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e4) / 1e4
}
