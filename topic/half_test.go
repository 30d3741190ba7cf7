package topic

import (
	"math"
	"testing"
)

func TestHalf(t *testing.T) {
	for _, f := range []float32{0, 1, -1, 0.5, 2.75, -3.1415926, 1e-3, 6e-5, 1e-7, 65504, 1e6, -1e6, 0.333333} {
		h := fromHalf(toHalf(f))
		want := f
		if math.Abs(float64(f)) > 65504 {
			want = float32(math.Copysign(65504, float64(f)))
		}
		if math.Abs(float64(h-want)) > math.Abs(float64(want))*1e-3+6e-8 {
			t.Errorf("half(%v) = %v", f, h)
		}
	}
	// Every half that toHalf writes reads back to itself.
	for h := 0; h < 1<<16; h++ {
		if exp := h >> 10 & 0x1f; exp == 0x1f {
			continue
		}
		if got := toHalf(fromHalf(uint16(h))); got != uint16(h) && !(h == 0x8000 && got == 0x8000) {
			t.Fatalf("round trip %#x → %v → %#x", h, fromHalf(uint16(h)), got)
		}
	}
}
