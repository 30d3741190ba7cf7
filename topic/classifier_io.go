package topic

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// The classifier file format (all integers unsigned varints, floats
// little-endian float32):
//
//	"KNTC" version(=1)
//	flags (bit 0: topic features)  topicWeight
//	nLabels  label…                 (string = length, bytes)
//	nFeatures  (key, idf)…          keys sorted, unique; "w:" words, "t:" topics, "f:" focus
//	bias[nLabels]                   float32
//	weight[nLabels × nFeatures]     IEEE half precision (uint16), row-major by label
//
// About 400 KB for 9 labels and 20,000 words.

const (
	classifierMagic   = "KNTC"
	classifierVersion = 1
	maxLabels         = 1 << 12
	maxFeatures       = 1 << 24
	maxKey            = 1 << 12
)

// Save writes the classifier to w in a compact binary format that
// LoadClassifier reads.
func (c *Classifier) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	f32 := func(f float32) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(f))
		bw.Write(b[:])
	}
	bw.WriteString(classifierMagic)
	uv(classifierVersion)
	var flags uint64
	if c.topics {
		flags |= 1
	}
	uv(flags)
	f32(c.topicWeight)
	uv(uint64(len(c.labels)))
	for _, l := range c.labels {
		str(l)
	}
	uv(uint64(len(c.keys)))
	for i, k := range c.keys {
		str(k)
		f32(c.idf[i])
	}
	for _, b := range c.b {
		f32(b)
	}
	var h [2]byte
	for _, x := range c.w {
		binary.LittleEndian.PutUint16(h[:], toHalf(x))
		bw.Write(h[:])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("topic: save classifier: %w", err)
	}
	return nil
}

// LoadClassifier reads a classifier written by Save. A classifier trained
// with topic features predicts with the default tagger.
func LoadClassifier(r io.Reader) (*Classifier, error) {
	c, err := readClassifier(bufio.NewReader(r))
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("topic: load classifier: %w", err)
	}
	if c.topics {
		t, err := defaultTagger()
		if err != nil {
			return nil, err
		}
		c.tagger = t
	}
	return c, nil
}

func readClassifier(br *bufio.Reader) (*Classifier, error) {
	magic := make([]byte, len(classifierMagic))
	if _, err := io.ReadFull(br, magic); err != nil {
		return nil, err
	}
	if string(magic) != classifierMagic {
		return nil, errors.New("not a kenner classifier file")
	}
	uv := func(limit uint64, what string) (uint64, error) {
		x, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, err
		}
		if x > limit {
			return 0, fmt.Errorf("%s %d out of range", what, x)
		}
		return x, nil
	}
	f32 := func() (float32, error) {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return 0, err
		}
		f := math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			return 0, errors.New("non-finite number")
		}
		return f, nil
	}
	str := func() (string, error) {
		n, err := uv(maxKey, "string length")
		if err != nil {
			return "", err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", err
		}
		return string(b), nil
	}
	v, err := uv(math.MaxUint32, "version")
	if err != nil {
		return nil, err
	}
	if v != classifierVersion {
		return nil, fmt.Errorf("unsupported version %d", v)
	}
	flags, err := uv(1, "flags")
	if err != nil {
		return nil, err
	}
	c := &Classifier{topics: flags&1 != 0}
	if c.topicWeight, err = f32(); err != nil {
		return nil, err
	}
	nl, err := uv(maxLabels, "label count")
	if err != nil {
		return nil, err
	}
	if nl < 2 {
		return nil, errors.New("fewer than two labels")
	}
	for i := uint64(0); i < nl; i++ {
		l, err := str()
		if err != nil {
			return nil, err
		}
		if l == "" || i > 0 && l <= c.labels[i-1] {
			return nil, errors.New("labels not sorted and unique")
		}
		c.labels = append(c.labels, l)
	}
	nf, err := uv(maxFeatures, "feature count")
	if err != nil {
		return nil, err
	}
	if nl*nf > maxFeatures*4 {
		return nil, errors.New("model too large")
	}
	c.feats = make(map[string]int32, min(nf, 1<<16))
	for i := uint64(0); i < nf; i++ {
		k, err := str()
		if err != nil {
			return nil, err
		}
		if i > 0 && k <= c.keys[i-1] {
			return nil, errors.New("features not sorted and unique")
		}
		if !strings.HasPrefix(k, featWord) && !strings.HasPrefix(k, featTopic) && !strings.HasPrefix(k, featFocus) {
			return nil, fmt.Errorf("bad feature key %q", k)
		}
		idf, err := f32()
		if err != nil {
			return nil, err
		}
		c.keys = append(c.keys, k)
		c.idf = append(c.idf, idf)
		c.feats[k] = int32(i)
	}
	c.b = make([]float32, nl)
	for i := range c.b {
		if c.b[i], err = f32(); err != nil {
			return nil, err
		}
	}
	c.w = make([]float32, 0, min(nl*nf, 1<<20))
	var h [2]byte
	for i := uint64(0); i < nl*nf; i++ {
		if _, err := io.ReadFull(br, h[:]); err != nil {
			return nil, err
		}
		c.w = append(c.w, fromHalf(binary.LittleEndian.Uint16(h[:])))
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return c, nil
}
