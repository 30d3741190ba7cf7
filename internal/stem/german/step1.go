package german

import "github.com/kljensen/snowball/snowballword"

// step1Suffixes are the suffixes of step 1, longest first.
var step1Suffixes = []string{"erinnen", "erin", "lns", "ern", "em", "er", "en", "es", "ln", "e", "s"}

// step1 removes inflectional endings. The longest suffix of step1Suffixes
// is found; if it lies in R1 (and its condition holds) it is removed:
//
//	em (not after syst), ern, er, e, en, es, erin, erinnen: delete
//	s after an s-ending letter: delete
//	ln, lns: replace by l
//
// After deleting e, en or es, a final niss loses its last s.
// It reports whether the word changed.
func step1(w *snowballword.SnowballWord) bool {
	suffix := longestSuffix(w, step1Suffixes)
	if suffix == "" || !inR1(w, len(suffix)) {
		return false
	}
	n := len(w.RS) - len(suffix) // length of the word without the suffix
	switch suffix {
	case "em":
		if endsWith(w.RS, n, "syst") {
			return false
		}
	case "s":
		if n == 0 || !isSEnding(w.RS[n-1]) {
			return false
		}
	case "ln", "lns":
		w.RemoveLastNRunes(len(suffix) - 1) // keep the l
		return true
	}
	w.RemoveLastNRunes(len(suffix))
	switch suffix {
	case "e", "en", "es":
		if endsWith(w.RS, len(w.RS), "niss") {
			w.RemoveLastNRunes(1)
		}
	}
	return true
}
