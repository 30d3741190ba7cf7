package entity

import "github.com/kenner-nlp/kenner/gazetteer"

// Type is the kind of a named entity: PER, LOC, ORG or OTH.
type Type = gazetteer.Type

// The entity types, re-exported from package gazetteer.
const (
	PER = gazetteer.PER
	LOC = gazetteer.LOC
	ORG = gazetteer.ORG
	OTH = gazetteer.OTH
)

// Form says how a mention refers to its entity.
type Form = gazetteer.Form

// The mention forms, re-exported from package gazetteer: the name itself
// (Putin, Putins), a derived word (russische, Pariser) or a name inside a
// compound (Nato-Staaten, EU-Kommission, Kremlchef).
const (
	FormName  = gazetteer.FormName
	FormDeriv = gazetteer.FormDeriv
	FormPart  = gazetteer.FormPart
)

// Source says which stage of the pipeline found a mention.
type Source uint8

// The stages that can find a mention.
const (
	SourceGazetteer Source = iota + 1 // a gazetteer entry
	SourceRule                        // a rule (built-in or user pattern)
	SourceModel                       // the learned tagger
	SourceCoref                       // a later short form of an entity already found
)

// String returns "gazetteer", "rule", "model" or "coref".
func (s Source) String() string {
	switch s {
	case SourceGazetteer:
		return "gazetteer"
	case SourceRule:
		return "rule"
	case SourceModel:
		return "model"
	case SourceCoref:
		return "coref"
	}
	return "unknown"
}

// Mention is one occurrence of an entity in the text.
//
// Start and End are UTF-8 byte offsets into the text given to Extract, end
// exclusive, so that text[m.Start:m.End] == m.Text always holds. For a
// mention of form FormPart, Start:End covers the whole token (EU-Kommission)
// and PartStart:PartEnd the name inside it (EU).
type Mention struct {
	Text       string
	Start, End int
	PartStart  int
	PartEnd    int
	Type       Type
	Form       Form
	Entity     int // index into Document.Entities
	Source     Source
	Score      float64 // confidence in [0,1]
}

// Entity is a person, place, organisation or other named thing the text
// refers to, with all its mentions.
type Entity struct {
	ID       string           // gazetteer ID, empty when found by rules or the model only
	Name     string           // canonical name: gazetteer name, else the fullest form in the text
	Type     Type             // PER, LOC, ORG or OTH
	Entry    *gazetteer.Entry // the gazetteer entry, nil when not in the gazetteer
	Mentions []int            // indices into Document.Mentions, in text order
	Count    int              // number of mentions
	First    int              // byte offset of the first mention
	Salience float64          // in [0,1]: how central the entity is to the text
}

// Document is the result of Extract: the text, its mentions in text order and
// the entities they refer to, sorted by salience (highest first).
type Document struct {
	Text     string
	Mentions []Mention
	Entities []Entity
}
