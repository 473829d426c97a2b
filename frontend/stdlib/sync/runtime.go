// Model of package sync for minigc: Go 1.19's src/sync/runtime.go
// (Copyright The Go Authors; BSD-style license), without the notifyList
// hooks that only Cond uses. See mutex.go.
//
// These are implemented in package runtime and reach sync by //go:linkname;
// declared without a body and without //go:noescape, their pointer
// arguments leak to the heap.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 sync).

package sync

// gc: cannot inline: no function body; leaking param: s
func runtime_Semacquire(s *uint32)

// gc: cannot inline: no function body; leaking param: s
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)

// gc: cannot inline: no function body; leaking param: s
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

// gc: cannot inline: no function body
func runtime_canSpin(i int) bool

// gc: cannot inline: no function body
func runtime_doSpin()

// gc: cannot inline: no function body
func runtime_nanotime() int64
