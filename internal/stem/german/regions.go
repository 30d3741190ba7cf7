package german

import (
	"github.com/kljensen/snowball/romance"
	"github.com/kljensen/snowball/snowballword"
)

// findRegions returns the starts of R1 and R2. R1 is the region after the
// first non-vowel following a vowel (or the empty region at the end), moved
// so that at least 3 letters stand before it; R2 is the same rule applied
// inside the unadjusted R1. Words shorter than 3 letters have empty regions.
func findRegions(w *snowballword.SnowballWord) (r1, r2 int) {
	n := len(w.RS)
	if n < 3 {
		return n, n
	}
	r1 = romance.VnvSuffix(w, isVowel, 0)
	r2 = romance.VnvSuffix(w, isVowel, r1)
	if r1 < 3 {
		r1 = 3
	}
	return r1, r2
}
