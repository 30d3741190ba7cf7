package german

import "github.com/kljensen/snowball/snowballword"

// postprocess is the Snowball postlude: it turns the marked U and Y back
// into u and y and removes the umlauts (ä→a, ö→o, ü→u).
func postprocess(w *snowballword.SnowballWord) {
	for i, r := range w.RS {
		switch r {
		case markU, 'ü':
			w.RS[i] = 'u'
		case markY:
			w.RS[i] = 'y'
		case 'ä':
			w.RS[i] = 'a'
		case 'ö':
			w.RS[i] = 'o'
		}
	}
}
