package german

import "github.com/kljensen/snowball/snowballword"

// step3Suffixes are the derivational suffixes of step 3, longest first.
var step3Suffixes = []string{"isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"}

// step3 removes derivational suffixes; the longest of step3Suffixes must
// lie in R2:
//
//	end, ung: delete; then delete a preceding ig in R2 not after e;
//	ig, ik, isch: delete if not after e;
//	lich, heit: delete; then delete a preceding er or en in R1;
//	keit: delete; then delete a preceding lich or ig in R2.
//
// It reports whether the word changed.
func step3(w *snowballword.SnowballWord) bool {
	suffix := longestSuffix(w, step3Suffixes)
	if suffix == "" || !inR2(w, len(suffix)) {
		return false
	}
	n := len(w.RS) - len(suffix)
	switch suffix {
	case "end", "ung":
		w.RemoveLastNRunes(len(suffix))
		if endsWith(w.RS, n, "ig") && inR2(w, 2) && !endsWith(w.RS, n-2, "e") {
			w.RemoveLastNRunes(2)
		}
	case "ig", "ik", "isch":
		if endsWith(w.RS, n, "e") {
			return false
		}
		w.RemoveLastNRunes(len(suffix))
	case "lich", "heit":
		w.RemoveLastNRunes(len(suffix))
		if (endsWith(w.RS, n, "er") || endsWith(w.RS, n, "en")) && inR1(w, 2) {
			w.RemoveLastNRunes(2)
		}
	case "keit":
		w.RemoveLastNRunes(len(suffix))
		if endsWith(w.RS, n, "lich") {
			if inR2(w, 4) {
				w.RemoveLastNRunes(4)
			}
		} else if endsWith(w.RS, n, "ig") && inR2(w, 2) {
			w.RemoveLastNRunes(2)
		}
	}
	return true
}
