package german

import "github.com/kljensen/snowball/snowballword"

// step2Suffixes are the suffixes of step 2, longest first.
var step2Suffixes = []string{"est", "en", "er", "st", "et"}

// etExceptions are word ends before which et is kept (geordnet, planet…).
var etExceptions = []string{"geordn", "intern", "plan", "tick", "tr"}

// step2 removes the longest of en, er, est, st, et if it lies in R1:
//
//	st only after an st-ending letter that has at least 3 letters before it;
//	et only after an et-ending letter, and not after geordn, intern, plan,
//	tick or tr.
//
// It reports whether the word changed.
func step2(w *snowballword.SnowballWord) bool {
	suffix := longestSuffix(w, step2Suffixes)
	if suffix == "" || !inR1(w, len(suffix)) {
		return false
	}
	n := len(w.RS) - len(suffix)
	switch suffix {
	case "st":
		// The st-ending letter is at n-1 and needs 3 letters before it.
		if n-1 < 3 || !isStEnding(w.RS[n-1]) {
			return false
		}
	case "et":
		if n == 0 || !isEtEnding(w.RS[n-1]) {
			return false
		}
		for _, e := range etExceptions {
			if endsWith(w.RS, n, e) {
				return false
			}
		}
	}
	w.RemoveLastNRunes(len(suffix))
	return true
}
