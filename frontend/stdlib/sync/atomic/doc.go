// Model of package sync/atomic for minigc, after Go 1.19's
// src/sync/atomic/doc.go (Copyright The Go Authors; BSD-style license).
//
// The primitive operations are assembly in the real package, declared in Go
// without a body and without //go:noescape: gc must assume that every
// argument leaks to the heap, which is why "moved to heap: x" appears in
// test/escape_sync_atomic.go for `atomic.StorePointer(&ptr, unsafe.Pointer(&x))`.
// The model declares them the same way. On amd64 gc also treats calls of
// them as intrinsics when it measures inlining cost (one node, not a call),
// which is what keeps sync.(*Mutex).Lock under the inlining budget.
// The typed wrappers (Int32, Value, ...) are not modelled; the generic
// Pointer[T] is declared (minigc drops it from std files) so that a program
// using it is told that generics are not supported.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 sync/atomic).

package atomic

import (
	"unsafe"
)

// A generic type: dropped by minigc's parser, kept by name.
type Pointer[T any] struct {
	v unsafe.Pointer
}

// gc: cannot inline: no function body; leaking param: addr
func SwapInt32(addr *int32, new int32) (old int32)

// gc: cannot inline: no function body; leaking param: addr
func SwapInt64(addr *int64, new int64) (old int64)

// gc: cannot inline: no function body; leaking param: addr
func SwapUint32(addr *uint32, new uint32) (old uint32)

// gc: cannot inline: no function body; leaking param: addr
func SwapUint64(addr *uint64, new uint64) (old uint64)

// gc: cannot inline: no function body; leaking param: addr
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

// gc: cannot inline: no function body; leaking param: addr; leaking param: new
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)

// gc: cannot inline: no function body; leaking param: addr
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

// gc: cannot inline: no function body; leaking param: addr
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

// gc: cannot inline: no function body; leaking param: addr
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

// gc: cannot inline: no function body; leaking param: addr
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

// gc: cannot inline: no function body; leaking param: addr
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// gc: cannot inline: no function body; leaking param: addr; leaking param: new; leaking param: old
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)

// gc: cannot inline: no function body; leaking param: addr
func AddInt32(addr *int32, delta int32) (new int32)

// gc: cannot inline: no function body; leaking param: addr
func AddUint32(addr *uint32, delta uint32) (new uint32)

// gc: cannot inline: no function body; leaking param: addr
func AddInt64(addr *int64, delta int64) (new int64)

// gc: cannot inline: no function body; leaking param: addr
func AddUint64(addr *uint64, delta uint64) (new uint64)

// gc: cannot inline: no function body; leaking param: addr
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

// gc: cannot inline: no function body; leaking param: addr
func LoadInt32(addr *int32) (val int32)

// gc: cannot inline: no function body; leaking param: addr
func LoadInt64(addr *int64) (val int64)

// gc: cannot inline: no function body; leaking param: addr
func LoadUint32(addr *uint32) (val uint32)

// gc: cannot inline: no function body; leaking param: addr
func LoadUint64(addr *uint64) (val uint64)

// gc: cannot inline: no function body; leaking param: addr
func LoadUintptr(addr *uintptr) (val uintptr)

// gc: cannot inline: no function body; leaking param: addr
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)

// gc: cannot inline: no function body; leaking param: addr
func StoreInt32(addr *int32, val int32)

// gc: cannot inline: no function body; leaking param: addr
func StoreInt64(addr *int64, val int64)

// gc: cannot inline: no function body; leaking param: addr
func StoreUint32(addr *uint32, val uint32)

// gc: cannot inline: no function body; leaking param: addr
func StoreUint64(addr *uint64, val uint64)

// gc: cannot inline: no function body; leaking param: addr
func StoreUintptr(addr *uintptr, val uintptr)

// gc: cannot inline: no function body; leaking param: addr; leaking param: val
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)
