package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strings"
)

// Model file format (written as is; Load also reads it gzip-compressed,
// the form of format version 1 files written before):
//
//	magic     "KNTAGGER"
//	version   uvarint (1)
//	features  string (uvarint length + bytes): the feature set name
//	labels    uvarint count, then count strings
//	scale     float32 little-endian: weight = q * scale
//	trans     (nl+1)*nl + nl zigzag varints: transitions (row nl is the
//	          start state), then final weights
//	nfeat     uvarint
//	nfeat ×   key delta (uvarint; keys strictly increasing, first from 0),
//	          label mask (uvarint, bit k: label k has a weight),
//	          one zigzag varint per set bit: the quantised weight
//	end       "END"
const (
	magic         = "KNTAGGER"
	formatVersion = 1
	maxLabels     = 64
	maxString     = 1 << 10
	maxFeatures   = 1 << 28
)

// Save writes the model in its compact binary format (varints; gzip
// would save only 7% and double the load time). The same model always
// gives the same bytes.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(magic)
	uv(formatVersion)
	str(m.feats.Name)
	uv(uint64(m.nl))
	for _, l := range m.labels {
		str(l)
	}
	binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(m.scale))
	bw.Write(tmp[:4])
	for _, v := range m.trans {
		sv(v)
	}
	for _, v := range m.final {
		sv(v)
	}
	nl := m.nl
	keys, weights := m.table.rows()
	uv(uint64(len(keys)))
	prev := uint64(0)
	for r, k := range keys {
		uv(k - prev)
		prev = k
		row := weights[r*nl : (r+1)*nl]
		mask := uint64(0)
		for i, v := range row {
			if v != 0 {
				mask |= 1 << i
			}
		}
		uv(mask)
		for _, v := range row {
			if v != 0 {
				sv(int64(v))
			}
		}
	}
	bw.WriteString("END")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	return nil
}

// Load reads a model written by [Model.Save] that was trained with
// [DefaultFeatures]. Corrupt or truncated input gives an error, never a
// panic.
func Load(r io.Reader) (*Model, error) { return LoadFeatures(r, DefaultFeatures()) }

// LoadFeatures reads a model trained with the feature set fs; the name
// stored in the model must equal fs.Name.
func LoadFeatures(r io.Reader, fs FeatureSet) (*Model, error) {
	m, err := load(r, fs)
	if err != nil {
		return nil, fmt.Errorf("tagger: load: %w", err)
	}
	return m, nil
}

var errCorrupt = errors.New("corrupt model")

func load(r io.Reader, fs FeatureSet) (*Model, error) {
	if fs.Func == nil {
		return nil, errors.New("feature set without function")
	}
	// The data, through gzip if it starts with the gzip magic, read into a
	// window that varints are decoded from directly (byte by byte through
	// an io.ByteReader was most of the time of a load).
	br := bufio.NewReaderSize(r, 64<<10)
	if m, err := br.Peek(2); err != nil || len(m) < 2 {
		return nil, errors.New("not a kenner tagger model (too short)")
	} else if m[0] == 0x1f && m[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	} else {
		r = br
	}
	vr := &varintReader{r: r, buf: make([]byte, 64<<10)}
	uv := vr.uvarint
	sv := func() (int64, error) {
		ux, err := uv()
		x := int64(ux >> 1) // zig-zag, as binary.Varint
		if ux&1 != 0 {
			x = ^x
		}
		return x, err
	}
	str := func() (string, error) {
		n, err := uv()
		if err != nil {
			return "", err
		}
		if n > maxString {
			return "", fmt.Errorf("%w: string of %d bytes", errCorrupt, n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(vr, b); err != nil {
			return "", corrupt(err)
		}
		return string(b), nil
	}

	head := make([]byte, len(magic))
	if _, err := io.ReadFull(vr, head); err != nil || string(head) != magic {
		return nil, errors.New("not a kenner tagger model (bad magic)")
	}
	ver, err := uv()
	if err != nil {
		return nil, err
	}
	if ver != formatVersion {
		return nil, fmt.Errorf("unsupported model format version %d (want %d)", ver, formatVersion)
	}
	name, err := str()
	if err != nil {
		return nil, err
	}
	if name != fs.Name {
		return nil, fmt.Errorf("model trained with feature set %q, not %q", name, fs.Name)
	}
	n, err := uv()
	if err != nil {
		return nil, err
	}
	if n < 1 || n > maxLabels {
		return nil, fmt.Errorf("%w: %d labels", errCorrupt, n)
	}
	nl := int(n)
	labels := make([]string, nl)
	seen := make(map[string]bool, nl)
	for i := range labels {
		if labels[i], err = str(); err != nil {
			return nil, err
		}
		l := labels[i]
		valid := l == "O" || (len(l) > 2 && (strings.HasPrefix(l, "B-") || strings.HasPrefix(l, "I-")))
		if !valid || seen[l] || (i == 0) != (l == "O") {
			return nil, fmt.Errorf("%w: bad label %q", errCorrupt, l)
		}
		seen[l] = true
	}
	var f4 [4]byte
	if _, err := io.ReadFull(vr, f4[:]); err != nil {
		return nil, corrupt(err)
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(f4[:]))
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("%w: scale %v", errCorrupt, scale)
	}
	trans := make([]int16, (nl+2)*nl)
	for i := range trans {
		v, err := sv()
		if err != nil {
			return nil, err
		}
		if v < math.MinInt16 || v > math.MaxInt16 {
			return nil, fmt.Errorf("%w: weight %d out of range", errCorrupt, v)
		}
		trans[i] = int16(v)
	}
	nf, err := uv()
	if err != nil {
		return nil, err
	}
	if nf > maxFeatures {
		return nil, fmt.Errorf("%w: %d features", errCorrupt, nf)
	}
	// Grow as the data arrives: a corrupt count cannot allocate much.
	keys := make([]uint64, 0, min(nf, 1<<16))
	w := make([]int16, 0, min(nf, 1<<16)*uint64(nl))
	key := uint64(0)
	for i := uint64(0); i < nf; i++ {
		d, err := uv()
		if err != nil {
			return nil, err
		}
		if (d == 0 && i > 0) || key+d < key || key+d == 0 {
			return nil, fmt.Errorf("%w: feature keys not increasing", errCorrupt)
		}
		key += d
		mask, err := uv()
		if err != nil {
			return nil, err
		}
		if nl < 64 && mask>>nl != 0 {
			return nil, fmt.Errorf("%w: label mask %#x", errCorrupt, mask)
		}
		keys = append(keys, key)
		base := len(w)
		for k := 0; k < nl; k++ {
			w = append(w, 0)
		}
		for mask != 0 {
			k := bits.TrailingZeros64(mask)
			mask &= mask - 1
			v, err := sv()
			if err != nil {
				return nil, err
			}
			if v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("%w: weight %d out of range", errCorrupt, v)
			}
			w[base+k] = int16(v)
		}
	}
	tail := make([]byte, 3)
	if _, err := io.ReadFull(vr, tail); err != nil || string(tail) != "END" {
		return nil, fmt.Errorf("%w: missing end marker", errCorrupt)
	}
	if _, err := vr.ReadByte(); err != io.EOF {
		if err == nil {
			return nil, fmt.Errorf("%w: data after the end marker", errCorrupt)
		}
		return nil, corrupt(err)
	}
	return newModel(labels, fs, scale, trans, keys, w)
}

// corrupt wraps a read error: a premature EOF means a truncated model.
func corrupt(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: truncated", errCorrupt)
	}
	return err
}

// varintReader reads a model: bytes and unsigned varints from a window
// over r.
type varintReader struct {
	r        io.Reader
	buf      []byte
	off, end int   // buf[off:end] is read from r and not consumed
	err      error // of the last read from r
}

// fill moves the unconsumed bytes to the front of the window and reads
// more, unless r has failed or ended.
func (v *varintReader) fill() {
	v.end = copy(v.buf, v.buf[v.off:v.end])
	v.off = 0
	for empty := 0; v.err == nil && v.end < len(v.buf); {
		n, err := v.r.Read(v.buf[v.end:])
		v.end += n
		v.err = err
		if n == 0 && err == nil {
			if empty++; empty == 100 {
				v.err = io.ErrNoProgress
			}
		}
	}
}

// uvarint reads an unsigned varint.
func (v *varintReader) uvarint() (uint64, error) {
	if v.off < v.end && v.buf[v.off] < 0x80 { // one byte: most of a model
		x := uint64(v.buf[v.off])
		v.off++
		return x, nil
	}
	if v.end-v.off < binary.MaxVarintLen64 && v.err == nil {
		v.fill()
	}
	x, n := binary.Uvarint(v.buf[v.off:v.end])
	switch {
	case n > 0:
		v.off += n
		return x, nil
	case n < 0:
		return 0, fmt.Errorf("%w: varint overflows 64 bits", errCorrupt)
	case v.err == nil || v.err == io.EOF:
		return 0, fmt.Errorf("%w: truncated", errCorrupt)
	}
	return 0, v.err
}

// Read reads from the window (io.Reader).
func (v *varintReader) Read(p []byte) (int, error) {
	if v.off == v.end {
		if v.err != nil {
			return 0, v.err
		}
		v.fill()
		if v.off == v.end {
			return 0, v.err // not nil: fill reads until data or an error
		}
	}
	n := copy(p, v.buf[v.off:v.end])
	v.off += n
	return n, nil
}

// ReadByte reads one byte (io.ByteReader).
func (v *varintReader) ReadByte() (byte, error) {
	var b [1]byte
	if _, err := io.ReadFull(v, b[:]); err != nil {
		return 0, err
	}
	return b[0], nil
}
