// Package hardening holds kenner's robustness tests; it has no code of its
// own. Its tests run the entity extractor, the topic tagger and the
// kenner.Analyzer on hostile and unusual input and check that they never
// panic, that every result keeps its invariants (byte offsets valid into the
// original bytes, text[m.Start:m.End] == m.Text, indices consistent, scores
// in range), that many goroutines sharing one Extractor and one Tagger get
// exactly the single-threaded results, that the cost grows linearly with the
// input, and that memory stays bounded over repeated calls.
//
// The default run is fast (a 5 MB single-line document, 50,000 tiny
// documents); the heavy cases (a 50 MB line, 1,000,000 tiny documents) run
// with KENNER_LONG=1:
//
//	go test ./internal/hardening/
//	go test -race ./internal/hardening/
//	KENNER_LONG=1 go test -timeout 30m ./internal/hardening/
package hardening
