// Model of package runtime for minigc, after Go 1.19's src/runtime
// (Copyright The Go Authors; BSD-style license).
//
// The exported functions Go's escape and inline tests call (GC, KeepAlive,
// GOMAXPROCS, Caller, Callers, CallersFrames, FuncForPC, Func.Name, ...) and
// GOOS/GOARCH, with the real code where it is ordinary Go. The machinery
// below them (the scheduler, the collector, the symbol tables) is reduced to
// a few data structures and helpers: helpers whose arguments hold no
// pointers are declared without a body, helpers that take pointers have
// small bodies that treat them as the real ones do. So every exported
// function keeps the real escape tags and the real verdict on inlining:
// GC and GOMAXPROCS cannot be inlined (a caller of one of them still can be,
// test/inline.go), KeepAlive is //go:noinline and its x does not escape.
// On amd64 gc treats a call of KeepAlive as an intrinsic.
//
// This file: extern.go, the build constants and the caller lookups.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 runtime); internal stand-ins that behave
// differently from the real function of the same name carry none.

package runtime

// GOOS is the running program's operating system target.
const GOOS string = "linux"

// GOARCH is the running program's architecture target.
const GOARCH string = "amd64"

// Compiler is the name of the compiler toolchain that built the running binary.
const Compiler = "gc"

var buildVersion = "go1.19.8"

// gc: cannot inline: too complex (cost 178)
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	rpc := make([]uintptr, 1)
	n := callers(skip+1, rpc[:])
	if n < 1 {
		return
	}
	frame, _ := CallersFrames(rpc).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// gc: can inline with cost 69; pc does not escape
func Callers(skip int, pc []uintptr) int {
	// runtime.callers uses pc.array==nil as a signal
	// to print a stack trace. Pick off 0-length pc here
	// so that we don't let a nil pc slice get to it.
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, pc)
}

// gc: can inline with cost 2
func Version() string {
	return buildVersion
}
