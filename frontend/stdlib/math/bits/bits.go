// Model of package math/bits for minigc, after Go 1.19's
// src/math/bits/bits.go (Copyright The Go Authors; BSD-style license).
//
// Only the rotations, which Go's inline tests call, TrailingZeros (strconv
// uses it), and UintSize. The bodies are the real ones. On amd64 gc treats calls of RotateLeft8/16/32/64 as
// intrinsics: such a call costs the inliner like one plain expression node,
// and gc never reports "inlining call to" for it. That is why RotateLeft's
// cost is 5 (its RotateLeft64 call is an intrinsic), and why a function
// calling all five rotations is still inlinable (test/inline_math_bits_rotate.go).
// TrailingZeros16/32/64 are intrinsics on amd64 as well.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 math/bits).

package bits

const uintSize = 32 << (^uint(0) >> 63) // 32 or 64

// UintSize is the size of a uint in bits.
const UintSize = uintSize

// gc: can inline with cost 5
func RotateLeft(x uint, k int) uint {
	if UintSize == 32 {
		return uint(RotateLeft32(uint32(x), k))
	}
	return uint(RotateLeft64(uint64(x), k))
}

// gc: can inline with cost 18
func RotateLeft8(x uint8, k int) uint8 {
	const n = 8
	s := uint(k) & (n - 1)
	return x<<s | x>>(n-s)
}

// gc: can inline with cost 18
func RotateLeft16(x uint16, k int) uint16 {
	const n = 16
	s := uint(k) & (n - 1)
	return x<<s | x>>(n-s)
}

// gc: can inline with cost 18
func RotateLeft32(x uint32, k int) uint32 {
	const n = 32
	s := uint(k) & (n - 1)
	return x<<s | x>>(n-s)
}

// gc: can inline with cost 18
func RotateLeft64(x uint64, k int) uint64 {
	const n = 64
	s := uint(k) & (n - 1)
	return x<<s | x>>(n-s)
}

const deBruijn32 = 0x077CB531

var deBruijn32tab = [32]byte{
	0, 1, 28, 2, 29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4, 8,
	31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6, 11, 5, 10, 9,
}

const deBruijn64 = 0x03f79d71b4ca8b09

var deBruijn64tab = [64]byte{
	0, 1, 56, 2, 57, 49, 28, 3, 61, 58, 42, 50, 38, 29, 17, 4,
	62, 47, 59, 36, 45, 43, 51, 22, 53, 39, 33, 30, 24, 18, 12, 5,
	63, 55, 48, 27, 60, 41, 37, 16, 46, 35, 44, 21, 52, 32, 23, 11,
	54, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
}

// gc: can inline with cost 4
func TrailingZeros(x uint) int {
	if UintSize == 32 {
		return TrailingZeros32(uint32(x))
	}
	return TrailingZeros64(uint64(x))
}

// gc: can inline with cost 19
func TrailingZeros16(x uint16) int {
	if x == 0 {
		return 16
	}
	return int(deBruijn32tab[uint32(x&-x)*deBruijn32>>(32-5)])
}

// gc: can inline with cost 18
func TrailingZeros32(x uint32) int {
	if x == 0 {
		return 32
	}
	return int(deBruijn32tab[(x&-x)*deBruijn32>>(32-5)])
}

// gc: can inline with cost 18
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	return int(deBruijn64tab[(x&-x)*deBruijn64>>(64-6)])
}
