// Model of package internal/race for minigc, after Go 1.19's
// src/internal/race/norace.go (Copyright The Go Authors; BSD-style license).
//
// The build without the race detector, which is what gc compiles against
// by default: Enabled is the constant false, so the library's
// `if race.Enabled { ... }` blocks are dead code, and every hook is an empty
// function that gc inlines at cost 0 and whose addr does not escape.

package race

import (
	"unsafe"
)

const Enabled = false

// gc: can inline with cost 0; addr does not escape
func Acquire(addr unsafe.Pointer) {
}

// gc: can inline with cost 0; addr does not escape
func Release(addr unsafe.Pointer) {
}

// gc: can inline with cost 0; addr does not escape
func ReleaseMerge(addr unsafe.Pointer) {
}

// gc: can inline with cost 0
func Disable() {
}

// gc: can inline with cost 0
func Enable() {
}

// gc: can inline with cost 0; addr does not escape
func Read(addr unsafe.Pointer) {
}

// gc: can inline with cost 0; addr does not escape
func Write(addr unsafe.Pointer) {
}

// gc: can inline with cost 0; addr does not escape
func ReadRange(addr unsafe.Pointer, len int) {
}

// gc: can inline with cost 0; addr does not escape
func WriteRange(addr unsafe.Pointer, len int) {
}

// gc: can inline with cost 2
func Errors() int { return 0 }
