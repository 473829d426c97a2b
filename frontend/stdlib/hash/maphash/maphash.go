// Model of package hash/maphash for minigc: Go 1.19's
// src/hash/maphash/maphash.go (Copyright The Go Authors; BSD-style license),
// code unchanged, doc comments left out.
//
// test/escape_hash_maphash.go declares a Hash on the stack and calls its
// methods: it must stay there, so no method may leak h. The hashing itself
// is the runtime's memhash, reached by //go:linkname and marked
// //go:noescape, which is what lets the buffer's address be passed to it.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 hash/maphash).

package maphash

import (
	"internal/unsafeheader"
	"unsafe"
)

type Seed struct {
	s uint64
}

// gc: cannot inline: too complex (cost 277); b does not escape
func Bytes(seed Seed, b []byte) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	if len(b) == 0 {
		return rthash(nil, 0, state) // avoid &b[0] index panic below
	}
	if len(b) > bufSize {
		b = b[:len(b):len(b)] // merge len and cap calculations when reslicing
		for len(b) > bufSize {
			state = rthash(&b[0], bufSize, state)
			b = b[bufSize:]
		}
	}
	return rthash(&b[0], len(b), state)
}

// gc: cannot inline: too complex (cost 191); s does not escape
func String(seed Seed, s string) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	for len(s) > bufSize {
		p := (*byte)((*unsafeheader.String)(unsafe.Pointer(&s)).Data)
		state = rthash(p, bufSize, state)
		s = s[bufSize:]
	}
	p := (*byte)((*unsafeheader.String)(unsafe.Pointer(&s)).Data)
	return rthash(p, len(s), state)
}

type Hash struct {
	_     [0]func()     // not comparable
	seed  Seed          // initial seed used for this hash
	state Seed          // current hash of all flushed bytes
	buf   [bufSize]byte // unflushed byte buffer
	n     int           // number of unflushed bytes
}

const bufSize = 128

// gc: cannot inline: too complex (cost 95); h does not escape
func (h *Hash) initSeed() {
	if h.seed.s == 0 {
		seed := MakeSeed()
		h.seed = seed
		h.state = seed
	}
}

// gc: can inline with cost 78; h does not escape
func (h *Hash) WriteByte(b byte) error {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = b
	h.n++
	return nil
}

// gc: cannot inline: too complex (cost 278); b does not escape; h does not escape
func (h *Hash) Write(b []byte) (int, error) {
	size := len(b)
	if h.n > 0 && h.n <= bufSize {
		k := copy(h.buf[h.n:], b)
		h.n += k
		if h.n < bufSize {
			return size, nil
		}
		b = b[k:]
		h.flush()
	}
	if len(b) > bufSize {
		h.initSeed()
		for len(b) > bufSize {
			h.state.s = rthash(&b[0], bufSize, h.state.s)
			b = b[bufSize:]
		}
	}
	copy(h.buf[:], b)
	h.n = len(b)
	return size, nil
}

// gc: cannot inline: too complex (cost 282); h does not escape; s does not escape
func (h *Hash) WriteString(s string) (int, error) {
	size := len(s)
	if h.n > 0 && h.n <= bufSize {
		k := copy(h.buf[h.n:], s)
		h.n += k
		if h.n < bufSize {
			return size, nil
		}
		s = s[k:]
		h.flush()
	}
	if len(s) > bufSize {
		h.initSeed()
		for len(s) > bufSize {
			ptr := (*byte)((*unsafeheader.String)(unsafe.Pointer(&s)).Data)
			h.state.s = rthash(ptr, bufSize, h.state.s)
			s = s[bufSize:]
		}
	}
	copy(h.buf[:], s)
	h.n = len(s)
	return size, nil
}

// gc: can inline with cost 63; h does not escape
func (h *Hash) Seed() Seed {
	h.initSeed()
	return h.seed
}

// gc: can inline with cost 20; h does not escape
func (h *Hash) SetSeed(seed Seed) {
	if seed.s == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	h.seed = seed
	h.state = seed
	h.n = 0
}

// gc: can inline with cost 69; h does not escape
func (h *Hash) Reset() {
	h.initSeed()
	h.state = h.seed
	h.n = 0
}

// gc: cannot inline: too complex (cost 158); h does not escape
func (h *Hash) flush() {
	if h.n != len(h.buf) {
		panic("maphash: flush of partially full buffer")
	}
	h.initSeed()
	h.state.s = rthash(&h.buf[0], h.n, h.state.s)
	h.n = 0
}

// gc: cannot inline: too complex (cost 143); h does not escape
func (h *Hash) Sum64() uint64 {
	h.initSeed()
	return rthash(&h.buf[0], h.n, h.state.s)
}

// gc: can inline with cost 75
func MakeSeed() Seed {
	var s uint64
	for {
		s = runtime_fastrand64()
		if s != 0 {
			break
		}
	}
	return Seed{s: s}
}

// gc: cannot inline: no function body
//
//go:linkname runtime_fastrand64 runtime.fastrand64
func runtime_fastrand64() uint64

// gc: can inline with cost 70; ptr does not escape
func rthash(ptr *byte, len int, seed uint64) uint64 {
	if len == 0 {
		return seed
	}
	if unsafe.Sizeof(uintptr(0)) == 8 {
		return uint64(runtime_memhash(unsafe.Pointer(ptr), uintptr(seed), uintptr(len)))
	}
	lo := runtime_memhash(unsafe.Pointer(ptr), uintptr(seed), uintptr(len))
	hi := runtime_memhash(unsafe.Pointer(ptr), uintptr(seed>>32), uintptr(len))
	return uint64(hi)<<32 | uint64(lo)
}

// gc: cannot inline: no function body; p does not escape
//
//go:linkname runtime_memhash runtime.memhash
//go:noescape
func runtime_memhash(p unsafe.Pointer, seed, s uintptr) uintptr

// gc: cannot inline: too complex (cost 99); h does not escape; leaking param: b to result ~r0 level=0
func (h *Hash) Sum(b []byte) []byte {
	x := h.Sum64()
	return append(b,
		byte(x>>0),
		byte(x>>8),
		byte(x>>16),
		byte(x>>24),
		byte(x>>32),
		byte(x>>40),
		byte(x>>48),
		byte(x>>56))
}

// gc: can inline with cost 2; h does not escape
func (h *Hash) Size() int { return 8 }

// gc: can inline with cost 2; h does not escape
func (h *Hash) BlockSize() int { return len(h.buf) }
