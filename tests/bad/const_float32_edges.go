// float32 and float64 rounding at the top of their ranges: half an ulp
// above the largest value rounds to infinity, anything less to the largest.
package main

const (
	two128  = 0x1p128
	two256  = two128 * two128
	ulp32   = two128 / 0x1p24
	max32   = two128 - ulp32
	two1024 = two256 * two256 * two256 * two256
	ulp64   = two1024 / 0x1p53
	max64   = two1024 - ulp64
)

var x = []interface{}{
	float32(max32 + ulp32/2 - 1),
	float32(max32 + ulp32/2 - two128/two256),
	float32(max32 + ulp32/2),
	float32(-max32 - ulp32/2),
	float64(max64 + ulp64/2 - 1),
	float64(max64 + ulp64/2),
	float64(-max64 - ulp64/2),
}

var y int8 = float32(max32 + ulp32/2 - 1)

func main() {}
