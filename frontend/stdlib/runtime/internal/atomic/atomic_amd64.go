// Model of package runtime/internal/atomic for minigc: Go 1.19's
// src/runtime/internal/atomic/atomic_amd64.go (Copyright The Go Authors;
// BSD-style license), code unchanged except that the one-argument
// //go:linkname lines are left out.
//
// The loads are Go functions marked //go:noinline, so gc never inlines them
// but derives their escape tags from the body (Loadp: ptr leaks to the result
// through one dereference). The rest is assembly, declared without a body:
// with //go:noescape the pointer does not escape; StorepNoWB (and Casp1 in
// stubs.go) deliberately have no such annotation, so their arguments leak,
// as test/escape_runtime_atomic.go expects.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 runtime/internal/atomic).

package atomic

import "unsafe"

// gc: cannot inline: marked go:noinline; ptr does not escape
//
//go:nosplit
//go:noinline
func Load(ptr *uint32) uint32 {
	return *ptr
}

// gc: cannot inline: marked go:noinline; leaking param: ptr to result ~r0 level=1
//
//go:nosplit
//go:noinline
func Loadp(ptr unsafe.Pointer) unsafe.Pointer {
	return *(*unsafe.Pointer)(ptr)
}

// gc: cannot inline: marked go:noinline; ptr does not escape
//
//go:nosplit
//go:noinline
func Load64(ptr *uint64) uint64 {
	return *ptr
}

// gc: cannot inline: marked go:noinline; ptr does not escape
//
//go:nosplit
//go:noinline
func LoadAcq(ptr *uint32) uint32 {
	return *ptr
}

// gc: cannot inline: marked go:noinline; ptr does not escape
//
//go:nosplit
//go:noinline
func LoadAcq64(ptr *uint64) uint64 {
	return *ptr
}

// gc: cannot inline: marked go:noinline; ptr does not escape
//
//go:nosplit
//go:noinline
func LoadAcquintptr(ptr *uintptr) uintptr {
	return *ptr
}

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xadd(ptr *uint32, delta int32) uint32

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xadd64(ptr *uint64, delta int64) uint64

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xadduintptr(ptr *uintptr, delta uintptr) uintptr

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xchg(ptr *uint32, new uint32) uint32

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xchg64(ptr *uint64, new uint64) uint64

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xchguintptr(ptr *uintptr, new uintptr) uintptr

// gc: cannot inline: marked go:noinline; ptr does not escape
//
//go:nosplit
//go:noinline
func Load8(ptr *uint8) uint8 {
	return *ptr
}

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func And8(ptr *uint8, val uint8)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Or8(ptr *uint8, val uint8)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func And(ptr *uint32, val uint32)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Or(ptr *uint32, val uint32)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Cas64(ptr *uint64, old, new uint64) bool

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func CasRel(ptr *uint32, old, new uint32) bool

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Store(ptr *uint32, val uint32)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Store8(ptr *uint8, val uint8)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Store64(ptr *uint64, val uint64)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func StoreRel(ptr *uint32, val uint32)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func StoreRel64(ptr *uint64, val uint64)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func StoreReluintptr(ptr *uintptr, val uintptr)

// gc: cannot inline: no function body; leaking param: ptr; leaking param: val
func StorepNoWB(ptr unsafe.Pointer, val unsafe.Pointer)
