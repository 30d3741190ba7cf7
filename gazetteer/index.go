package gazetteer

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"maps"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// The default gazetteer's matcher, prebuilt.
//
// Building the matcher of the default gazetteer (tokenizing, folding and
// indexing some 47,000 surfaces) was half of the CPU time kenner.New takes
// in a fresh process. data/index.bin holds the matcher as the builder
// makes it from the embedded TSV files, with a checksum of those files and
// one of its own.
// Default parses the entries as before and, at the same time, decodes the
// matcher instead of building it. When the checksum does not match (the
// TSV files changed and the index was not rewritten) or the index cannot
// be decoded, Default builds the matcher as for any other gazetteer.
//
// TestDefaultIndex checks that the committed index is the one the builder
// makes; `go test ./gazetteer -run TestDefaultIndex -update` rewrites it.

// indexFile is the prebuilt matcher of the default gazetteer.
const indexFile = "data/index.bin"

const (
	indexMagic   = "kenner gazetteer index\n"
	indexVersion = 1
	indexEnd     = "END"
)

// errIndex marks an index that cannot be used: corrupt, of another
// version, or built from other files.
var errIndex = errors.New("gazetteer: index does not fit")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sourceSum is the checksum an index records of the files it was built
// from: CRC-32C over the names and contents of the files, and their total
// size.
func sourceSum(texts, names []string) uint64 {
	crc, size := uint32(0), uint32(0)
	for i, t := range texts {
		crc = crc32.Update(crc, castagnoli, []byte(names[i]))
		// The text is only read: no copy of a few MB for a checksum.
		crc = crc32.Update(crc, castagnoli, readOnly(t))
		size += uint32(len(t))
	}
	return uint64(crc)<<32 | uint64(size)
}

// ixWriter appends the varints, strings and bit words of an index.
type ixWriter struct{ b []byte }

func (w *ixWriter) u(x uint64) {
	for x >= 0x80 {
		w.b = append(w.b, byte(x)|0x80)
		x >>= 7
	}
	w.b = append(w.b, byte(x))
}

func (w *ixWriter) n(x int)   { w.u(uint64(x)) }
func (w *ixWriter) i(x int32) { w.u(uint64(uint32(x))) }

func (w *ixWriter) str(s string) {
	w.n(len(s))
	w.b = append(w.b, s...)
}

// words writes the non-zero words of ws, each after the number of zero
// words before it, and then the number of zero words at the end.
func (w *ixWriter) words(ws []uint64) {
	zeros := 0
	for _, x := range ws {
		if x == 0 {
			zeros++
			continue
		}
		w.n(zeros)
		zeros = 0
		w.b = binary.LittleEndian.AppendUint64(w.b, x)
	}
	w.n(zeros)
}

// appendIndex appends the index of m, the matcher built from entries (in
// this order), for source files with checksum sum.
func (m *matcher) appendIndex(b []byte, entries []*Entry, sum uint64) []byte {
	pos := make(map[*Entry]int32, len(entries))
	for i, e := range entries {
		pos[e] = int32(i)
	}
	w := &ixWriter{b: append(b, indexMagic...)}
	w.n(indexVersion)
	w.u(sum)
	crcAt := len(w.b)
	w.b = append(w.b, 0, 0, 0, 0) // CRC-32C of the rest, set below
	w.n(len(entries))
	w.n(m.maxLen)
	w.n(len(m.nodes))
	w.n(len(m.roots))
	w.n(len(m.vars))
	w.n(len(m.vidx))
	w.n(len(m.groups))
	w.n(len(m.ents))
	w.n(len(m.tokEnd))

	w.str(m.tokTxt)
	prev := int32(0)
	for _, e := range m.tokEnd {
		w.i(e - prev)
		prev = e
	}
	for _, r := range m.roots {
		w.i(r)
	}
	w.b = append(w.b, m.cflags...)
	for _, tab := range []map[string]uint32{m.folded, m.adjF} {
		keys := sortedKeys(tab)
		w.n(len(keys))
		for _, k := range keys {
			w.str(k)
			w.u(uint64(tab[k]))
		}
	}
	ek := slices.Sorted(maps.Keys(m.edges))
	w.n(len(ek))
	prevK := uint64(0)
	for _, k := range ek {
		w.u(k - prevK)
		w.i(m.edges[k])
		prevK = k
	}
	for _, nd := range m.nodes {
		w.i(nd.v0)
		w.i(nd.vn)
	}
	for i := range m.vars {
		v := &m.vars[i]
		w.i(v.node)
		w.i(v.tok0)
		w.i(v.ntok)
		w.u(uint64(v.form))
		if v.adj {
			w.u(1)
		} else {
			w.u(0)
		}
		w.u(uint64(v.allow))
		w.i(v.group + 1)
		w.i(v.e0)
		w.i(v.en)
		w.i(v.c0)
		w.i(v.cn)
	}
	for _, x := range m.vidx {
		w.i(x)
	}
	for _, g := range m.groups {
		w.i(g.n)
		w.i(g.e0)
		w.i(g.en)
	}
	for _, e := range m.ents {
		w.i(pos[e])
	}
	ids := make([]int32, len(entries))
	for i := range ids {
		ids[i] = int32(i)
	}
	slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(entries[a].ID, entries[b].ID) })
	for _, x := range ids {
		w.i(x)
	}
	for _, f := range m.filter {
		w.words(f[:])
	}
	w.words(m.adjFil[:])
	for _, f := range []*keyFilter{m.keysX, m.startX, m.keysF, m.startF} {
		w.words(f[:])
	}
	w.b = append(w.b, indexEnd...)
	binary.LittleEndian.PutUint32(w.b[crcAt:], crc32.Checksum(w.b[crcAt+4:], castagnoli))
	return w.b
}

// ixReader decodes an index from position i of s. The first error is
// kept; after it every read returns zero.
type ixReader struct {
	s   string
	i   int
	bad bool
}

func (r *ixReader) fail() {
	r.bad, r.i = true, len(r.s)
}

// left returns the number of bytes not read yet.
func (r *ixReader) left() int { return len(r.s) - r.i }

func (r *ixReader) u() uint64 {
	if r.i < len(r.s) {
		if c := r.s[r.i]; c < 0x80 {
			r.i++
			return uint64(c)
		}
	}
	return r.uLong()
}

func (r *ixReader) uLong() uint64 {
	var x uint64
	for shift := uint(0); shift < 64 && r.i < len(r.s); shift += 7 {
		c := r.s[r.i]
		r.i++
		if c < 0x80 {
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
	}
	r.fail()
	return 0
}

// below reads a number below n.
func (r *ixReader) below(n int) int32 {
	x := r.u()
	if x >= uint64(n) {
		r.fail()
		return 0
	}
	return int32(x)
}

// count reads a number of elements of at least one byte each.
func (r *ixReader) count() int { return int(r.below(r.left() + 1)) }

// str reads a string; it shares the index's memory.
func (r *ixReader) str() string {
	x := r.u()
	if x > uint64(r.left()) {
		r.fail()
		return ""
	}
	n := int(x)
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

// span reads an offset and a length within [0, n).
func (r *ixReader) span(n int) (int32, int32) {
	o := r.below(n + 1)
	l := r.below(n - int(o) + 1)
	return o, l
}

// words reads what ixWriter.words wrote into dst, which must be zero.
func (r *ixReader) words(dst []uint64) {
	for i := 0; ; i++ {
		i += int(r.below(len(dst) - i + 1))
		if i == len(dst) || r.bad {
			return
		}
		if r.left() < 8 {
			r.fail()
			return
		}
		s := r.s[r.i : r.i+8]
		dst[i] = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		r.i += 8
	}
}

// indexHeader reads the header of index s and checks it against the
// checksum of the source files and the index's own checksum. It returns
// the reader positioned after the header.
func indexHeader(s string, sum uint64) (*ixReader, error) {
	rest, ok := strings.CutPrefix(s, indexMagic)
	if !ok {
		return nil, errIndex
	}
	r := &ixReader{s: rest}
	if r.u() != indexVersion || r.u() != sum || r.left() < 4 {
		return nil, errIndex
	}
	body := rest[r.i+4:]
	if binary.LittleEndian.Uint32([]byte(rest[r.i:r.i+4])) != crc32.Checksum(readOnly(body), castagnoli) {
		return nil, errIndex
	}
	return &ixReader{s: body}, nil
}

// readOnly returns the bytes of s without a copy; they must not be
// modified.
func readOnly(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// decode decodes the matcher of an index whose header has been read. The
// matcher's ents are left nil: they are returned as indices into the
// entries, of which the index says there are nEntries, with the indices
// of the entries sorted by ID.
func (r *ixReader) decode() (m *matcher, ents, ids []int32, nEntries int, err error) {
	nEntries = r.count()
	m = &matcher{adjFil: new(bitset16), keysX: new(keyFilter), startX: new(keyFilter), keysF: new(keyFilter), startF: new(keyFilter)}
	m.maxLen = int(r.below(maxNameTokens + 1))
	nNodes, nClass, nVars, nVidx := r.count(), r.count(), r.count(), r.count()
	nGroups, nEnts, nTok := r.count(), r.count(), r.count()
	if r.bad {
		return nil, nil, nil, 0, errIndex
	}

	m.tokTxt = r.str()
	m.tokEnd = make([]int32, nTok)
	end := 0
	for i := range m.tokEnd {
		end += int(r.below(len(m.tokTxt) - end + 1))
		m.tokEnd[i] = int32(end)
	}
	m.roots = make([]int32, nClass)
	for i := range m.roots {
		m.roots[i] = r.below(nNodes)
	}
	if r.left() < nClass {
		return nil, nil, nil, 0, errIndex
	}
	m.cflags = []uint8(r.s[r.i : r.i+nClass])
	r.i += nClass
	for _, tab := range []*map[string]uint32{&m.folded, &m.adjF} {
		n := r.count()
		*tab = make(map[string]uint32, n)
		for range n {
			k := r.str()
			(*tab)[k] = uint32(r.below(nClass))
		}
	}
	nEdges := r.count()
	m.edges = make(map[uint64]int32, nEdges)
	k := uint64(0)
	for i := range nEdges {
		d := r.u()
		if d == 0 && i > 0 {
			r.fail()
		}
		k += d
		if k>>32 >= uint64(nNodes) || uint32(k) >= uint32(nClass) {
			r.fail()
		}
		m.edges[k] = r.below(nNodes)
	}
	m.nodes = make([]node, nNodes)
	for i := range m.nodes {
		v0, vn := r.span(nVidx)
		m.nodes[i] = node{v0: v0, vn: vn}
	}
	m.vars = make([]variant, nVars)
	for i := range m.vars {
		v := &m.vars[i]
		v.node = r.below(nNodes)
		v.tok0, v.ntok = r.span(nTok)
		if v.ntok == 0 {
			r.fail()
		}
		v.form = Form(r.below(int(FormPart)))
		v.adj = r.below(2) == 1
		v.allow = uint16(r.below(1 << 16))
		v.group = r.below(nGroups+1) - 1
		v.e0, v.en = r.span(nEnts)
		v.c0, v.cn = r.span(nEnts)
	}
	m.vidx = make([]int32, nVidx)
	for i := range m.vidx {
		m.vidx[i] = r.below(nVars)
	}
	m.groups = make([]surfaceGroup, nGroups)
	for i := range m.groups {
		g := &m.groups[i]
		g.n = r.below(nVars + 1)
		g.e0, g.en = r.span(nEnts)
	}
	ents = make([]int32, nEnts)
	for i := range ents {
		ents[i] = r.below(nEntries)
	}
	ids = make([]int32, nEntries)
	for i := range ids {
		ids[i] = r.below(nEntries)
	}
	for i := range m.filter {
		m.filter[i] = new(bitset16)
		r.words(m.filter[i][:])
	}
	r.words(m.adjFil[:])
	for _, f := range []*keyFilter{m.keysX, m.startX, m.keysF, m.startF} {
		r.words(f[:])
	}
	if r.bad || r.s[r.i:] != indexEnd {
		return nil, nil, nil, 0, errIndex
	}
	m.indexHeads()
	return m, ents, ids, nEntries, nil
}

// loadIndexed loads the default gazetteer from its files and index: the
// entries are parsed while the matcher is decoded. ok is false when the
// index does not fit the files; err is a parse error of the files.
func loadIndexed(texts, names []string, idx string) (g *Gazetteer, ok bool, err error) {
	r, err := indexHeader(idx, sourceSum(texts, names))
	if err != nil {
		return nil, false, nil
	}
	// The index was built from these very files, which the builder parsed
	// without a duplicate id: no map to find them, and ByID searches the
	// sorted ids of the index.
	ld := newLoader(countLines(texts), false)
	var (
		wg   sync.WaitGroup
		perr error
	)
	wg.Go(func() {
		for i, t := range texts {
			if perr = ld.parse(t, names[i]); perr != nil {
				return
			}
		}
	})
	m, ents, ids, n, derr := r.decode()
	wg.Wait()
	if perr != nil {
		return nil, true, perr
	}
	if derr != nil || n != len(ld.entries) {
		return nil, false, nil
	}
	m.ents = make([]*Entry, len(ents))
	for i, x := range ents {
		m.ents[i] = ld.entries[x]
	}
	return &Gazetteer{entries: ld.entries, idOrder: ids, m: m}, true, nil
}
