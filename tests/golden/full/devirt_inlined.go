// flags: -m
// gc's StaticValue sees through an inlined call to the one value it
// returns (its result is delayed): sha512.New() returns &digest{...}
// converted to hash.Hash, so h's calls are devirtualized and nothing escapes.
// A callee with two returns gives nothing to see.
package p

import (
	"crypto/sha512"
	"hash"
)

type T struct{ n int }

func (t *T) Write(b []byte) (int, error) { return len(b), nil }
func (t *T) Sum(b []byte) []byte          { return b }
func (t *T) Reset()                       {}
func (t *T) Size() int                    { return 1 }
func (t *T) BlockSize() int               { return 1 }

func newT(x int) hash.Hash {
	if x > 0 {
		return &T{x}
	}
	return &T{}
}

func f(b []byte) []byte {
	h := sha512.New()
	h.Write(b)
	return h.Sum(nil)
}

func g(b []byte) []byte {
	h := newT(len(b))
	h.Write(b)
	return h.Sum(nil)
}
