// Package tagger is a pure-Go sequence tagger for named entities: a
// linear-chain model over BIO labels trained with the averaged structured
// perceptron, decoded with a BIO-constrained Viterbi algorithm (I-X only
// after B-X or I-X).
//
// Features are 64-bit hashes (FNV-1a of the value, combined with a template
// id by a fixed mixing function) produced by a [FeatureFunc] over a
// [Sequence] of [Token] values; [DefaultFeatures] looks at the word, its
// lower-case form, stem, shape, affixes, capitalisation, hyphen parts, a ±2
// window, gazetteer and rule hits, first names and lower-case-elsewhere. The
// model maps feature hashes to 16-bit quantised per-label weights in an
// open-addressing table; tagging with a [Tagger] does not allocate.
//
// [Train] is deterministic: the same data and options give the same model
// bytes. [Model.Save] writes a compact varint binary format (magic,
// version, feature set name, labels, transitions, sorted feature hashes with
// their non-zero weights); [Load] reads it back, also gzip-compressed, and
// returns an error, never panics, on corrupt input.
//
// With the default features a [Tagger] keeps, per word, the summed weights
// of the features that depend on that word alone (two generations of 16k
// words), so that a token costs a handful of table look-ups; the scores are
// exactly those of the uncached computation.
//
// A [Model] is immutable and safe for concurrent use; a [Tagger] holds
// buffers and is not.
package tagger
