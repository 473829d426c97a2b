// Model of package runtime for minigc: compiler-known and assembly helpers
// (src/runtime/stubs.go), declared as in the real package. See extern.go.

package runtime

import (
	"runtime/internal/atomic"
	"unsafe"
)

// getg returns the pointer to the current g.
// gc: cannot inline: no function body
func getg() *g

// gc: cannot inline: no function body
//
//go:noescape
func getcallerpc() uintptr

// gc: cannot inline: no function body
//
//go:noescape
func getcallersp() uintptr

// systemstack runs fn on a system stack.
//
// gc: cannot inline: no function body; fn does not escape
//
//go:noescape
func systemstack(fn func())

// mcall switches from the g to the g0 stack and invokes fn(g).
// gc: cannot inline: no function body; leaking param: fn
func mcall(fn func(*g))

// gc: can inline with cost 4; leaking param: p to result ~r0 level=0
//
//go:nosplit
func add(p unsafe.Pointer, x uintptr) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + x)
}

// gc: can inline with cost 9; p does not escape
//
//go:nosplit
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// A goroutine and a thread, reduced to what the model touches.
type g struct {
	stackguard0  uintptr
	m            *m
	atomicstatus uint32
	preempt      bool
}

type m struct {
	lockedExt uint32
	locks     int32
	throwing  throwType
}

const stackPreempt = 0xfffffade

type mutex struct {
	key uintptr
}

// gc: can inline with cost 14
//
//go:nosplit
func acquirem() *m {
	_g_ := getg()
	_g_.m.locks++
	return _g_.m
}

// gc: can inline with cost 22; mp does not escape
//
//go:nosplit
func releasem(mp *m) {
	_g_ := getg()
	mp.locks--
	if mp.locks == 0 && _g_.preempt {
		// restore the preemption request in case we've cleared it in newstack
		_g_.stackguard0 = stackPreempt
	}
}

type lockRank int

func lock(l *mutex) {
	lockWithRank(l, getLockRank(l))
}

func unlock(l *mutex) {
	unlockWithRank(l)
}

func lockWithRank(l *mutex, rank lockRank) {
	lock2(l)
}

func unlockWithRank(l *mutex) {
	unlock2(l)
}

// gc: can inline with cost 2; l does not escape
func getLockRank(l *mutex) lockRank {
	return 0
}

const (
	mutex_unlocked = 0
	mutex_locked   = 1
)

// lock2 and unlock2 stand for the futex-based locks, which spin on the key
// with atomic operations and sleep on its address without keeping it.
func lock2(l *mutex) {
	for !atomic.Casuintptr(&l.key, mutex_unlocked, mutex_locked) {
		futexsleep(uintptr(unsafe.Pointer(&l.key)))
	}
}

func unlock2(l *mutex) {
	atomic.Storeuintptr(&l.key, mutex_unlocked)
	futexwakeup(uintptr(unsafe.Pointer(&l.key)))
}

func futexsleep(addr uintptr)

func futexwakeup(addr uintptr)

type throwType uint32

const (
	throwTypeNone throwType = iota
	throwTypeUser
	throwTypeRuntime
)

// gc: cannot inline: too complex (cost 139); s does not escape
//
//go:nosplit
func throw(s string) {
	// Everything throw does should be recursively nosplit so it
	// can be called even when it's unsafe to grow the stack.
	systemstack(func() {
		print("fatal error: ", s, "\n")
	})

	fatalthrow(throwTypeRuntime)
}

// fatalthrow stands for the real one, which prints the stack and exits.
// gc: cannot inline: call to getcallerpc
func fatalthrow(t throwType)
