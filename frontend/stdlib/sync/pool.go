// Model of package sync for minigc: Pool (src/sync/pool.go), much reduced.
//
// The real Pool keeps per-P caches reached through the runtime; the model
// keeps one free list behind a Mutex. What callers see is the same: Put and
// Get are not inlinable, Put lets x escape to the heap, and both leak p
// (through the mutex, as the real ones do through the per-P pools). fmt
// gets its printers from a Pool. See mutex.go.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 sync).

package sync

// A Pool is a set of temporary objects that may be individually saved and
// retrieved.
type Pool struct {
	noCopy noCopy

	mu    Mutex
	items []any

	// New optionally specifies a function to generate
	// a value when Get would otherwise return nil.
	// It may not be changed concurrently with calls to Get.
	New func() any
}

// gc: cannot inline: too complex (cost 204); leaking param: p; leaking param: x
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// gc: cannot inline: too complex (cost 348); leaking param: p
func (p *Pool) Get() any {
	p.mu.Lock()
	var x any
	if n := len(p.items); n > 0 {
		x = p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
	}
	p.mu.Unlock()
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}
