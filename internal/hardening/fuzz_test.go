package hardening

import (
	"testing"
)

// FuzzAnalyzeInvariants runs the extractor and the topic tagger (with and
// without the entity document) on arbitrary bytes and checks every
// invariant of their results: no panic, offsets valid into the original
// bytes (text[m.Start:m.End] == m.Text, also for topic evidence),
// consistent indices, scores in range, a JSON result that encodes.
func FuzzAnalyzeInvariants(f *testing.F) {
	for _, x := range edgeInputs() {
		if len(x.text) <= 4<<10 {
			f.Add(x.text)
		}
	}
	for _, s := range tinyDocs(60) {
		f.Add(s)
	}
	a := analyzer(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkAll(t, a, "fuzz", text)
	})
}
