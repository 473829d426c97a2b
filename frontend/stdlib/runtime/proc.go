// Model of package runtime for minigc: the scheduler's exported functions
// (src/runtime/debug.go, proc.go, mgc.go, mfinal.go). GOMAXPROCS, NumCPU,
// NumGoroutine, Gosched, GC and KeepAlive have the real code; what they
// call is declared without a body (nothing in it takes a pointer), except
// for SetFinalizer, whose real body is long: the model keeps obj and
// finalizer in the finalizer queue, so both leak as they do in the real one.
// See extern.go.

package runtime

import (
	"runtime/internal/atomic"
	"unsafe"
)

type gQueue struct {
	head, tail uintptr
}

type schedt struct {
	lock  mutex
	ngsys uint32
	gFree struct {
		lock    mutex
		stack   gQueue
		noStack gQueue
		n       int32
	}
}

type p struct {
	gFree struct {
		gList gQueue
		n     int32
	}
}

var (
	sched      schedt
	gomaxprocs int32
	newprocs   int32
	ncpu       int32
	allglen    uintptr
	allp       []*p
)

// gc: cannot inline: too complex (cost 276)
func GOMAXPROCS(n int) int {
	if GOARCH == "wasm" && n > 1 {
		n = 1 // WebAssembly has no threads yet, so only one CPU is possible.
	}

	lock(&sched.lock)
	ret := int(gomaxprocs)
	unlock(&sched.lock)
	if n <= 0 || n == ret {
		return ret
	}

	stopTheWorldGC("GOMAXPROCS")

	// newprocs will be processed by startTheWorld
	newprocs = int32(n)

	startTheWorldGC()
	return ret
}

// gc: cannot inline: too complex (cost 127); leaking param: reason
func stopTheWorldGC(reason string)

// gc: cannot inline: too complex (cost 125)
func startTheWorldGC()

// gc: can inline with cost 3
func NumCPU() int {
	return int(ncpu)
}

// gc: can inline with cost 44
func NumGoroutine() int {
	return int(gcount())
}

// gc: can inline with cost 40
func gcount() int32 {
	n := int32(atomic.Loaduintptr(&allglen)) - sched.gFree.n - int32(atomic.Load(&sched.ngsys))
	for _, _p_ := range allp {
		n -= _p_.gFree.n
	}

	// All these variables can be changed concurrently, so the result can be inconsistent.
	// But at least the current goroutine is running.
	if n < 1 {
		n = 1
	}
	return n
}

// gc: can inline with cost 62
func Gosched() {
	checkTimeouts()
	mcall(gosched_m)
}

// gc: can inline with cost 0
func checkTimeouts() {}

// Gosched continuation on g0.
func gosched_m(gp *g) {
	goschedImpl(gp)
}

// goschedImpl stands for putting gp back on the run queue and scheduling.
func goschedImpl(gp *g) {
	atomic.Store(&gp.atomicstatus, _Grunnable)
	schedule()
}

const _Grunnable = 1

// gc: cannot inline: too complex (cost 1167)
func schedule()

// The collector's state, reduced to what GC looks at.
type workType struct {
	cycles uint32
}

var work workType

type activeSweep struct {
	state uint32
}

const sweepDrainedMask = 1 << 31

func (a *activeSweep) isDone() bool {
	return atomic.Load(&a.state) == sweepDrainedMask
}

type sweepdata struct {
	active   activeSweep
	nbgsweep uint32
}

var sweep sweepdata

var gcphase uint32

const _GCmark = 1

type gcTriggerKind int

const gcTriggerCycle gcTriggerKind = 2

type gcTrigger struct {
	kind gcTriggerKind
	now  int64  // gcTriggerTime: current time
	n    uint32 // gcTriggerCycle: cycle number to start
}

// gc: cannot inline: too complex (cost 564)
func GC() {
	// We consider a cycle to be: sweep termination, mark, mark
	// termination, and sweep. This function shouldn't return
	// until a full cycle has been completed, from beginning to
	// end.
	n := atomic.Load(&work.cycles)
	gcWaitOnMark(n)

	gcStart(gcTrigger{kind: gcTriggerCycle, n: n + 1})

	gcWaitOnMark(n + 1)

	for atomic.Load(&work.cycles) == n+1 && sweepone() != ^uintptr(0) {
		sweep.nbgsweep++
		Gosched()
	}

	for atomic.Load(&work.cycles) == n+1 && !isSweepDone() {
		Gosched()
	}

	mp := acquirem()
	cycle := atomic.Load(&work.cycles)
	if cycle == n+1 || (gcphase == _GCmark && cycle == n+2) {
		mProf_PostSweep()
	}
	releasem(mp)
}

// gc: cannot inline: too complex (cost 255)
func gcWaitOnMark(n uint32)

// gc: cannot inline: too complex (cost 2203)
func gcStart(trigger gcTrigger)

// gc: cannot inline: too complex (cost 883)
func sweepone() uintptr

func isSweepDone() bool {
	return sweep.active.isDone()
}

// gc: cannot inline: too complex (cost 369)
func mProf_PostSweep()

// cgoAlwaysFalse is a boolean value that is always false; the compiler
// cannot see that, so KeepAlive's body is not dead code.
var cgoAlwaysFalse bool

// gc: cannot inline: marked go:noinline; x does not escape
//
//go:noinline
func KeepAlive(x any) {
	// Introduce a use of x that the compiler can't eliminate.
	// This makes sure x is alive on entry. We need x to be alive
	// on entry for "defer runtime.KeepAlive(x)"; see issue 21402.
	if cgoAlwaysFalse {
		println(x)
	}
}

// A queued finalizer: the object and the function to run on it.
type finalizer struct {
	fn  any
	arg unsafe.Pointer
}

var finq []finalizer

// gc: cannot inline: too complex (cost 2286); leaking param: finalizer; leaking param: obj
func SetFinalizer(obj any, finalizer any) {
	e := efaceOf(&obj)
	if e._type == nil {
		throw("runtime.SetFinalizer: first argument is nil")
	}
	lock(&finlock)
	finq = append(finq, finalizerOf(finalizer, e.data))
	unlock(&finlock)
}

func finalizerOf(fn any, arg unsafe.Pointer) finalizer {
	return finalizer{fn: fn, arg: arg}
}

var finlock mutex

type _type struct {
	size    uintptr
	ptrdata uintptr
	kind    uint8
}

type eface struct {
	_type *_type
	data  unsafe.Pointer
}

// gc: can inline with cost 2; leaking param: ep to result ~r0 level=0
func efaceOf(ep *any) *eface {
	return (*eface)(unsafe.Pointer(ep))
}
