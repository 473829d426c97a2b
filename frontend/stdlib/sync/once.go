// Model of package sync for minigc: Go 1.19's src/sync/once.go
// (Copyright The Go Authors; BSD-style license), code unchanged. See mutex.go.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 sync).

package sync

import (
	"sync/atomic"
)

type Once struct {
	done uint32
	m    Mutex
}

// gc: can inline with cost 69; f does not escape; leaking param: o
func (o *Once) Do(f func()) {

	if atomic.LoadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

// gc: cannot inline: unhandled op DEFER; f does not escape; leaking param: o
func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomic.StoreUint32(&o.done, 1)
		f()
	}
}
