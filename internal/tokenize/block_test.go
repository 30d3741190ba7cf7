package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBlockEnd(t *testing.T) {
	a := strings.Repeat("a", 40) // size 40: BlockEnd looks 10 bytes past it
	for _, c := range []struct {
		name      string
		text      string
		off, size int
		want      int
	}{
		{"short rest", "abc", 0, 10, 3},
		{"line end", a + "bb\ncc dd ee", 0, 40, 43},
		{"sentence end before an earlier space", a + " b. c d e", 0, 40, 44},
		{"space", a + "bbb ccc", 0, 40, 44},
		{"nothing near: rune start", a[:39] + strings.Repeat("ä", 20), 0, 40, 41},
		{"from an offset", "xx " + a + "bb\ncc", 3, 40, 46},
	} {
		if got := BlockEnd(c.text, c.off, c.size); got != c.want {
			t.Errorf("%s: BlockEnd(%q, %d, %d) = %d, want %d", c.name, c.text, c.off, c.size, got, c.want)
		}
	}
	// Blocks cover a text without gaps, each end at a rune start.
	text := strings.Repeat("Ein Satz mit Wörtern. ", 500) + strings.Repeat("ä", 3000)
	for off := 0; off < len(text); {
		end := BlockEnd(text, off, 1000)
		if end <= off || end > len(text) || end < len(text) && !utf8.RuneStart(text[end]) {
			t.Fatalf("block [%d,%d) of %d bytes", off, end, len(text))
		}
		off = end
	}
}
