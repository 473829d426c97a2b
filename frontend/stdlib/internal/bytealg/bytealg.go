// Model of package internal/bytealg for minigc, after Go 1.19's
// src/internal/bytealg for amd64 (Copyright The Go Authors; BSD-style
// license).
//
// On amd64 the searching and counting primitives are assembly, declared in
// Go without a body and marked //go:noescape; the model declares them the
// same way, so their arguments do not escape and no call to them can be
// inlined. The pure-Go helpers (Cutover, HashStr, IndexRabinKarp) are the
// real code. MaxLen is set by init as on a machine with AVX2.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 internal/bytealg).

package bytealg

// MaxLen is the maximum length of the string to be searched for (argument b) in Index.
var MaxLen int

const MaxBruteForce = 64

func init() {
	MaxLen = 63
}

// gc: can inline with cost 6
func Cutover(n int) int {
	// 1 error per 8 characters, plus a few slop to start.
	return (n + 16) / 8
}

// gc: cannot inline: no function body; a does not escape; b does not escape
//
//go:noescape
func Index(a, b []byte) int

// gc: cannot inline: no function body; a does not escape; b does not escape
//
//go:noescape
func IndexString(a, b string) int

// gc: cannot inline: no function body; b does not escape
//
//go:noescape
func IndexByte(b []byte, c byte) int

// gc: cannot inline: no function body; s does not escape
//
//go:noescape
func IndexByteString(s string, c byte) int

// gc: cannot inline: no function body; b does not escape
//
//go:noescape
func Count(b []byte, c byte) int

// gc: cannot inline: no function body; s does not escape
//
//go:noescape
func CountString(s string, c byte) int

// gc: can inline with cost 6; a does not escape; b does not escape
func Equal(a, b []byte) bool {
	// Neither cmd/compile nor gccgo allocates for these string conversions.
	return string(a) == string(b)
}

// PrimeRK is the prime base used in Rabin-Karp algorithm.
const PrimeRK = 16777619

// gc: can inline with cost 66; sep does not escape
func HashStr(sep string) (uint32, uint32) {
	hash := uint32(0)
	for i := 0; i < len(sep); i++ {
		hash = hash*PrimeRK + uint32(sep[i])
	}
	var pow, sq uint32 = 1, PrimeRK
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// gc: cannot inline: too complex (cost 171); s does not escape; substr does not escape
func IndexRabinKarp(s, substr string) int {
	// Rabin-Karp search
	hashss, pow := HashStr(substr)
	n := len(substr)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	if h == hashss && s[:n] == substr {
		return 0
	}
	for i := n; i < len(s); {
		h *= PrimeRK
		h += uint32(s[i])
		h -= pow * uint32(s[i-n])
		i++
		if h == hashss && s[i-n:i] == substr {
			return i - n
		}
	}
	return -1
}
