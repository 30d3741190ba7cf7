// Package entity finds the people, places, organisations and other named
// things (PER, LOC, ORG, OTH) a German news text mentions, links every
// surface form to its entity and gives byte offsets for each mention.
//
// The pipeline has four stages, each of which can be switched off with
// WithStages:
//
//   - gazetteer: names from package gazetteer, with German inflection
//     (Putins, Russlands), derived words (russische, Pariser: form deriv),
//     compound parts (Nato-Staaten, EU-Kommission: form part; a place whose
//     own name has a hyphen, Sachsen-Anhalt, stays a name) and priors for
//     names that are also common words (Essen, Bild), decided by context (a
//     town's name right after an article is the noun: das Essen, im Keller)
//     and, for a town with namesakes, by the country the text is about
//     (Santa Fe beside New Mexico);
//   - rules: people and organisations no list knows (a role before a name,
//     a known first name, initials, a party in parentheses, verbs of saying,
//     legal forms, institutions, sports clubs, a town's body such as
//     Hamburger Sparkasse), roads (A8, B 27), plus user rules (LoadRules);
//   - model: a learned sequence tagger (see Model and Train) over the
//     features of the stages before it; where the gazetteer is sure, its
//     link and form stand;
//   - coreference: a surname alone after the full name (Macron after
//     Emmanuel Macron, Keller-Sutter after Karin Keller-Sutter) links to the
//     full name, whatever the earlier stages made of it; an abbreviation in
//     parentheses after a name (Kombi-Massiv-Bau GmbH (KMB)) and its later
//     uses are mentions of that name.
//
// Offsets are UTF-8 byte offsets into the text given to Extract, end
// exclusive: text[m.Start:m.End] == m.Text holds for every mention.
//
// A text longer than 256 KB is processed in blocks of about that size, cut
// at line ends (else sentence ends, else spaces), so that memory grows with
// the mentions found, not with the tokens of the whole text. Mentions are
// grouped into entities across blocks, and a person named in full in one
// block is found by surname in the next; the lower-case evidence against
// names (a word that also occurs in lower case) is gathered per block.
//
// Per goroutine that is extracting at a time, an Extractor keeps buffers
// and caches of what it learnt about words (answers of the word lists, the
// gazetteer's look-ups, the model's per-word weights, stems) between texts:
// up to about 19 MB each on a stream with a large vocabulary, bounded, and
// released by the garbage collector when the goroutines are idle. They
// make repeated words cheap: text whose words were seen recently is
// extracted 1.5-2.5 times as fast as text of new words.
//
// An Extractor is built once with NewExtractor and is immutable afterwards:
// it is safe for concurrent use by many goroutines.
package entity
