package german

import "github.com/kljensen/snowball/snowballword"

// step4Suffixes are the apostrophe endings of step 4, longest first.
var step4Suffixes = []string{"'sch", "'s", "'"}

// step4 (Snowball 3.1) removes a trailing 's, 'sch or ' (Merz', Macron's)
// if at least two letters remain. The reference vocabulary has no
// apostrophes. It reports whether the word changed.
func step4(w *snowballword.SnowballWord) bool {
	suffix := longestSuffix(w, step4Suffixes)
	if suffix == "" || len(w.RS)-len(suffix) < 2 {
		return false
	}
	w.RemoveLastNRunes(len(suffix))
	return true
}
