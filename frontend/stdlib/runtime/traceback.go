// Model of package runtime for minigc: collecting the PCs of the callers
// (src/runtime/traceback.go). callers is the real code; tracebackPCs stands
// for gentraceback's unwinding, and like it writes into pcbuf without
// letting pcbuf escape. See extern.go.

package runtime

import "unsafe"

// gc: cannot inline: call to getcallersp; pcbuf does not escape
func callers(skip int, pcbuf []uintptr) int {
	sp := getcallersp()
	pc := getcallerpc()
	gp := getg()
	var n int
	systemstack(func() {
		n = tracebackPCs(pc, sp, gp, skip, &pcbuf[0], len(pcbuf))
	})
	return n
}

func tracebackPCs(pc, sp uintptr, gp *g, skip int, pcbuf *uintptr, max int) int {
	n := 0
	for n < max && pc != 0 {
		if skip > 0 {
			skip--
		} else {
			*(*uintptr)(add(unsafe.Pointer(pcbuf), uintptr(n)*unsafe.Sizeof(pc))) = pc
			n++
		}
		pc, sp = callerFrame(pc, sp)
	}
	return n
}

// callerFrame stands for one step of the unwinder.
func callerFrame(pc, sp uintptr) (uintptr, uintptr)
