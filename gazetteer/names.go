package gazetteer

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Names is a list of first names with their frequency and the share of
// women among their bearers (from registries of newborns' names, see the
// package documentation). It is immutable and safe for concurrent use.
type Names struct {
	names  []string // sorted
	counts []int32
	female []float32

	idxOnce sync.Once
	idx     map[string]int32 // name → count, for CountExact
}

var firstNamesOnce = sync.OnceValue(func() *Names {
	n, err := parseNames(firstNamesTSV, "data/"+firstNamesFile)
	if err != nil {
		return &Names{}
	}
	return n
})

// FirstNames returns the embedded first-name list (data/firstnames.tsv),
// parsed once on first use. It is empty when the data are missing.
func FirstNames() *Names { return firstNamesOnce() }

// LoadNames reads a first-name list: lines name<TAB>count<TAB>female_share
// (female_share in [0,1]), '#' lines and blank lines skipped. name is used
// in error messages.
func LoadNames(r io.Reader, name string) (*Names, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	return parseNames(string(b), name)
}

func parseNames(s, file string) (*Names, error) {
	n := strings.Count(s, "\n") + 1
	ns := &Names{names: make([]string, 0, n), counts: make([]int32, 0, n), female: make([]float32, 0, n)}
	it := lineIter{s: strings.TrimPrefix(s, "\uFEFF")}
	fail := func(format string, args ...any) error {
		return &ParseError{File: file, Line: it.line, Msg: fmt.Sprintf(format, args...)}
	}
	sorted := true
	for {
		line, ok := it.next()
		if !ok {
			break
		}
		if !utf8.ValidString(line) {
			return nil, fail("invalid UTF-8")
		}
		if t := trimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		parts := strings.SplitN(line, "\t", 4)
		if len(parts) != 3 {
			return nil, fail("want 3 tab-separated columns (name, count, female_share), got %d", len(parts))
		}
		name := trimSpace(parts[0])
		if name == "" {
			return nil, fail("empty name")
		}
		c, ok := atoi(trimSpace(parts[1]))
		if !ok || c > 1<<31-1 {
			return nil, fail("invalid count %q", parts[1])
		}
		f, err := strconv.ParseFloat(trimSpace(parts[2]), 32)
		if err != nil || !(f >= 0 && f <= 1) {
			return nil, fail("invalid female_share %q", parts[2])
		}
		if l := len(ns.names); l > 0 && ns.names[l-1] >= name {
			sorted = false
		}
		ns.names = append(ns.names, name)
		ns.counts = append(ns.counts, int32(c))
		ns.female = append(ns.female, float32(f))
	}
	if !sorted {
		idx := make([]int, len(ns.names))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(ns.names[a], ns.names[b]) })
		o := &Names{names: make([]string, 0, len(idx)), counts: make([]int32, 0, len(idx)), female: make([]float32, 0, len(idx))}
		for _, i := range idx {
			if l := len(o.names); l > 0 && o.names[l-1] == ns.names[i] {
				o.counts[l-1] += ns.counts[i] // duplicate: add up
				continue
			}
			o.names = append(o.names, ns.names[i])
			o.counts = append(o.counts, ns.counts[i])
			o.female = append(o.female, ns.female[i])
		}
		ns = o
	}
	return ns, nil
}

// Len returns the number of names.
func (n *Names) Len() int { return len(n.names) }

// find returns the index of name, trying it as written and then in the
// usual capitalisation (MARIE, marie → Marie; ANNA-LENA → Anna-Lena).
func (n *Names) find(name string) int {
	if i, ok := slices.BinarySearch(n.names, name); ok {
		return i
	}
	if c := normName(name); c != name {
		if i, ok := slices.BinarySearch(n.names, c); ok {
			return i
		}
	}
	return -1
}

// Count returns how many bearers of the first name the list counts, 0 for
// an unknown name.
func (n *Names) Count(name string) int {
	if i := n.find(name); i >= 0 {
		return int(n.counts[i])
	}
	return 0
}

// CountExact is Count without case folding: the name must be written as
// listed (Anna, not ANNA or anna). It does not allocate, so it suits hot
// paths that test many words.
func (n *Names) CountExact(name string) int {
	n.idxOnce.Do(func() {
		n.idx = make(map[string]int32, len(n.names))
		for i, s := range n.names {
			n.idx[s] = n.counts[i]
		}
	})
	return int(n.idx[name])
}

// FemaleShare returns the share of women among the bearers of the name in
// [0,1], or -1 for an unknown name.
func (n *Names) FemaleShare(name string) float64 {
	if i := n.find(name); i >= 0 {
		return float64(n.female[i])
	}
	return -1
}

// normName lower-cases name and capitalises its first letter and every
// letter after a hyphen.
func normName(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == ' '
	}
	return b.String()
}
