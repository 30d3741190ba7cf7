package topic

import (
	"encoding/json"
	"math"
)

// Result is what Tag finds in one article: its topics and its geographic
// focus.
type Result struct {
	// Topics sorted by score, highest first (ties: broader topic first,
	// then by ID). A topic's score includes the evidence of its narrower
	// topics, so a broader topic scores at least as high as each of its
	// narrower topics in the list.
	Topics []Topic `json:"topics"`
	// Focus lists the countries and places the article is about, sorted
	// by score. It is empty when Tag was called without an entity document.
	Focus []Focus `json:"focus"`
}

// Topic is an IPTC Media Topic assigned to a text.
type Topic struct {
	ID      string   // qcode, e.g. "medtop:20000073"
	Label   string   // German name, e.g. "Friedensprozess"
	LabelEn string   // English name, e.g. "peace process"
	Level   int      // 1 (top level) … 6
	Path    []string // qcodes from the top-level topic down to this one (inclusive)
	// Score in [0, 1): 1-exp(-Weight/Scale). It grows with the evidence and
	// is normalised for text length, so that scores are comparable across
	// articles: about 0.2 for one keyword of weight 2 in the body of a
	// short article, above 0.9 for the topic an article is clearly about.
	Score float64
	// Weight is the length-normalised sum of the evidence weights behind
	// Score (same order as Score; useful for ratios between topics).
	Weight float64
	// Evidence lists the words, phrases and entities that triggered the
	// topic (also those of its narrower topics), strongest first.
	Evidence []Evidence
}

// Evidence is one keyword, phrase or entity that contributed to a topic.
type Evidence struct {
	Text       string  // the first occurrence as written: text[Start:End]
	Start, End int     // byte offsets of the first occurrence, end exclusive
	Cue        string  // the keyword term ("Friedens*", "*Wahl") or entity cue ("kind=party")
	Entity     string  // for entity cues: the entity's gazetteer ID (or name when it has none)
	Count      int     // occurrences in the text
	Weight     float64 // contribution to the topic before length normalisation
}

// Focus is a country or place an article is about.
type Focus struct {
	Name    string  // German name ("Österreich", "Wien")
	ID      string  // gazetteer ID ("iso:AT" for countries, e.g. "geo:2761369" for places)
	Score   float64 // in [0, 1]: the share of the article's geographic evidence
	Country string  // ISO 3166-1 alpha-2 code of the country (of the place)
	Place   bool    // a place (city, region) rather than a country
}

// Primary returns the most specific topic that carries the article: start
// at the best top-level topic and go down to the best narrower topic in
// Topics as long as it has at least half of its broader topic's weight.
// It reports false when there are no topics.
func (r Result) Primary() (Topic, bool) {
	if len(r.Topics) == 0 {
		return Topic{}, false
	}
	cur := r.Topics[0]
	for _, t := range r.Topics {
		if t.Level == 1 {
			cur = t
			break
		}
	}
	for {
		best := -1
		for i, t := range r.Topics {
			if len(t.Path) == len(cur.Path)+1 && t.Path[len(cur.Path)-1] == cur.ID && (best < 0 || t.Weight > r.Topics[best].Weight) {
				best = i
			}
		}
		if best < 0 || r.Topics[best].Weight < primaryShare*cur.Weight {
			return cur, true
		}
		cur = r.Topics[best]
	}
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// MarshalJSON writes the topic as {"id","label","label_en","score","evidence"}
// with the score rounded to 4 decimals.
func (t Topic) MarshalJSON() ([]byte, error) {
	ev := t.Evidence
	if ev == nil {
		ev = []Evidence{}
	}
	return json.Marshal(struct {
		ID       string     `json:"id"`
		Label    string     `json:"label"`
		LabelEn  string     `json:"label_en"`
		Score    float64    `json:"score"`
		Evidence []Evidence `json:"evidence"`
	}{t.ID, t.Label, t.LabelEn, round(t.Score, 4), ev})
}

// MarshalJSON writes the evidence as {"text","start","end","cue","entity","count","weight"}
// ("entity" only for entity cues), the weight rounded to 3 decimals.
func (e Evidence) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Text   string  `json:"text"`
		Start  int     `json:"start"`
		End    int     `json:"end"`
		Cue    string  `json:"cue"`
		Entity string  `json:"entity,omitempty"`
		Count  int     `json:"count"`
		Weight float64 `json:"weight"`
	}{e.Text, e.Start, e.End, e.Cue, e.Entity, e.Count, round(e.Weight, 3)})
}

// MarshalJSON writes the focus as {"name","id","score"}, the score rounded
// to 4 decimals.
func (f Focus) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name  string  `json:"name"`
		ID    string  `json:"id"`
		Score float64 `json:"score"`
	}{f.Name, f.ID, round(f.Score, 4)})
}

// MarshalJSON writes {"topics":[…],"focus":[…]} with empty lists as [].
func (r Result) MarshalJSON() ([]byte, error) {
	t, f := r.Topics, r.Focus
	if t == nil {
		t = []Topic{}
	}
	if f == nil {
		f = []Focus{}
	}
	return json.Marshal(struct {
		Topics []Topic `json:"topics"`
		Focus  []Focus `json:"focus"`
	}{t, f})
}

// primaryShare is the share of its broader topic's weight that a narrower
// topic needs for Primary to go down to it.
const primaryShare = 0.5
