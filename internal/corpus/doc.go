// Package corpus reads annotated German NER corpora and scores predictions
// against them.
//
// Readers:
//
//   - [ReadGermEval] reads the GermEval 2014 TSV format (a "#<TAB>url<TAB>[date]"
//     line, then "idx<TAB>token<TAB>outer<TAB>inner" lines, a blank line
//     between sentences).
//   - [ReadCoNLL] reads generic CoNLL-style "token<TAB>…<TAB>tag" files.
//   - [ReadSmartData] reads the converted DFKI SmartData corpus
//     ("token<TAB>fine<TAB>coarse", "# doc_id = …" document lines).
//
// All readers return [Sentence] values. A sentence's text is its tokens
// joined by single spaces ([Sentence.Text]); every offset in this package is
// a UTF-8 byte offset into that text, end exclusive.
//
// [Score] computes exactly the metrics of the independent Python scorer
// shared/tools/nerscore.py (base4, full12, per-type, typed-overlap, with the
// same handling of duplicates, unaligned spans, deriv/part forms and unknown
// types), [WritePredJSONL] writes predictions in that scorer's JSONL format,
// and [Result.WriteTable] prints the same table the scorer prints.
package corpus
