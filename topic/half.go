package topic

import "math"

// Weights are stored as IEEE 754 half-precision numbers (binary16): 11
// significant bits are plenty for a linear model and halve the file.

// toHalf converts f to binary16, rounding to nearest even; values beyond
// the range become ±65504 (the largest finite half).
func toHalf(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int((b>>23)&0xff) - 127 + 15
	mant := b & 0x7fffff
	switch {
	case (b>>23)&0xff == 0xff: // Inf or NaN: clamp (NaN never occurs)
		return sign | 0x7bff
	case exp >= 0x1f:
		return sign | 0x7bff
	case exp <= 0:
		if exp < -10 {
			return sign // underflow to ±0
		}
		// Subnormal half: shift the mantissa with its implicit bit.
		m := mant | 0x800000
		shift := uint(14 - exp)
		h := m >> shift
		rem := m & (1<<shift - 1)
		half := uint32(1) << (shift - 1)
		if rem > half || rem == half && h&1 == 1 {
			h++
		}
		return sign | uint16(h)
	}
	h := uint32(exp)<<10 | mant>>13
	rem := mant & 0x1fff
	if rem > 0x1000 || rem == 0x1000 && h&1 == 1 {
		h++ // may carry into the exponent, which is right
	}
	if h >= 0x7c00 {
		return sign | 0x7bff
	}
	return sign | uint16(h)
}

// fromHalf converts binary16 to float32 (infinities and NaNs, which toHalf
// never writes, read as 0).
func fromHalf(h uint16) float32 {
	sign := uint32(h&0x8000) << 16
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h & 0x3ff)
	switch exp {
	case 0:
		if mant == 0 {
			return math.Float32frombits(sign)
		}
		// Subnormal: value = mant × 2^-24.
		f := float32(mant) * (1.0 / (1 << 24))
		if sign != 0 {
			f = -f
		}
		return f
	case 0x1f:
		return 0
	}
	return math.Float32frombits(sign | (exp+127-15)<<23 | mant<<13)
}
