// flags: -m
// On amd64 gc intrinsifies math.Sqrt and bits.TrailingZeros64 but not
// math.Abs, math.Copysign, bits.LeadingZeros64 or bits.OnesCount8: those
// are inlined as ordinary functions.
package p

import (
	"math"
	"math/bits"
)

func f(x, y float64, u uint64, b uint8) (float64, int) {
	r := math.Abs(x) + math.Copysign(x, y) + math.Sqrt(y) + math.Floor(x)
	n := bits.LeadingZeros64(u) + bits.TrailingZeros64(u) + bits.OnesCount8(b) + bits.Len8(b)
	return r, n
}
