package german

import "github.com/kljensen/snowball/snowballword"

// preprocess is the Snowball prelude: it marks u and y between two vowels
// as consonants (U, Y), then replaces ß by ss, and ae, oe, ue by ä, ö, ü
// (ue not after q). Finally it sets the regions R1 and R2.
func preprocess(w *snowballword.SnowballWord) {
	markConsonantUY(w)
	substitute(w)
	w.R1start, w.R2start = findRegions(w)
	w.RVstart = len(w.RS) // unused in German
}

// markConsonantUY upper-cases u and y that stand between two vowels. The
// scan runs left to right on the changing word, so a marked letter no
// longer counts as the preceding vowel of the next one (as in Snowball's
// `repeat goto (v [('u'] v <- 'U') or ('y'] v <- 'Y'))`).
func markConsonantUY(w *snowballword.SnowballWord) {
	rs := w.RS
	for i := 1; i+1 < len(rs); i++ {
		if (rs[i] == 'u' || rs[i] == 'y') && isVowel(rs[i-1]) && isVowel(rs[i+1]) {
			if rs[i] == 'u' {
				rs[i] = markU
			} else {
				rs[i] = markY
			}
		}
	}
}

// substitute replaces ß by ss and ae, oe, ue by ä, ö, ü in one left-to-right
// pass, skipping over "qu" (so quelle keeps its ue).
func substitute(w *snowballword.SnowballWord) {
	// ß grows the word: make room first, then rewrite from the back.
	// (Only reslicing w.RS, never appending to it, keeps a caller's stack
	// buffer from escaping to the heap.)
	if n := countRune(w.RS, 'ß'); n > 0 {
		old := len(w.RS)
		if cap(w.RS) < old+n {
			rs := make([]rune, old, old+n)
			copy(rs, w.RS)
			w.RS = rs
		}
		w.RS = w.RS[:old+n]
		rs := w.RS
		j := len(rs)
		for i := old - 1; i >= 0; i-- {
			if rs[i] == 'ß' {
				j -= 2
				rs[j], rs[j+1] = 's', 's'
			} else {
				j--
				rs[j] = rs[i]
			}
		}
	}
	rs := w.RS
	// ae, oe, ue shrink the word: rewrite in place from the front, starting
	// at the first e (most words need no rewrite at all).
	j := 0
	for j < len(rs) && rs[j] != 'e' {
		j++
	}
	if j == len(rs) {
		return
	}
	j = 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			next := rs[i+1]
			switch {
			case r == 'q' && next == 'u':
				rs[j], rs[j+1] = r, next
				j += 2
				i++
				continue
			case next == 'e' && (r == 'a' || r == 'o' || r == 'u'):
				rs[j] = umlaut(r)
				j++
				i++
				continue
			}
		}
		rs[j] = r
		j++
	}
	w.RS = w.RS[:j]
}

func umlaut(r rune) rune {
	switch r {
	case 'a':
		return 'ä'
	case 'o':
		return 'ö'
	}
	return 'ü'
}

func countRune(rs []rune, r rune) int {
	n := 0
	for _, c := range rs {
		if c == r {
			n++
		}
	}
	return n
}
