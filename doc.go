// Package kenner reads German news and says who and what it is about: the
// people, places, organisations and other named things a text mentions, each
// linked to a stable ID with all its surface forms and byte offsets, and the
// IPTC Media Topics the text is about. It is pure Go, needs no network and
// carries its data embedded.
//
// The root package combines the pieces behind one call:
//
//	a, err := kenner.New()      // once; safe for concurrent use
//	res := a.Analyze(text)      // *kenner.Result, ready for encoding/json
//
// A Result encodes as
//
//	{"entities":[{"name":"Wladimir Putin","type":"PER","id":"kn:per/wladimir-putin",
//	              "count":2,"salience":0.41,
//	              "mentions":[{"text":"Putins","start":17,"end":23,"form":"name","source":"gazetteer"}, …]}, …],
//	 "topics":[{"id":"medtop:11000000","label":"Politik","label_en":"politics","score":0.8,"evidence":[…]}, …],
//	 "focus":[{"name":"Russland","id":"iso:RU","score":0.5}, …]}
//
// Offsets are UTF-8 byte offsets into the analysed text, end exclusive.
//
// # Packages
//
//   - [github.com/kenner-nlp/kenner/entity]: the entity extractor
//     (gazetteer, rules, learned tagger, coreference of short forms).
//   - [github.com/kenner-nlp/kenner/topic]: the IPTC Media Topics taxonomy
//     and the topic tagger.
//   - [github.com/kenner-nlp/kenner/gazetteer]: entries (people, places,
//     organisations) with IDs, aliases and derived forms; the embedded default
//     gazetteer and loading of user gazetteers (TSV or JSONL).
//   - examples/extract: a command line tool (summary, JSON, parallel JSONL).
//   - examples/serve: an HTTP JSON service with a small web page that
//     highlights the entities of a pasted article.
package kenner
