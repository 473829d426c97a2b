// Model of package runtime/internal/atomic for minigc: Go 1.19's
// src/runtime/internal/atomic/stubs.go (Copyright The Go Authors; BSD-style
// license), code unchanged. See atomic_amd64.go.

package atomic

import "unsafe"

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Cas(ptr *uint32, old, new uint32) bool

// gc: cannot inline: no function body; leaking param: new; leaking param: old; leaking param: ptr
func Casp1(ptr *unsafe.Pointer, old, new unsafe.Pointer) bool

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Casint32(ptr *int32, old, new int32) bool

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Casint64(ptr *int64, old, new int64) bool

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Casuintptr(ptr *uintptr, old, new uintptr) bool

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Storeint32(ptr *int32, new int32)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Storeint64(ptr *int64, new int64)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Storeuintptr(ptr *uintptr, new uintptr)

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Loaduintptr(ptr *uintptr) uintptr

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Loaduint(ptr *uint) uint

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Loadint32(ptr *int32) int32

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Loadint64(ptr *int64) int64

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xaddint32(ptr *int32, delta int32) int32

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xaddint64(ptr *int64, delta int64) int64

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xchgint32(ptr *int32, new int32) int32

// gc: cannot inline: no function body; ptr does not escape
//
//go:noescape
func Xchgint64(ptr *int64, new int64) int64
