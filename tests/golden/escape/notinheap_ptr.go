// flags: -m -l
// A pointer to a //go:notinheap type is no heap pointer (gc's HasPointers):
// a parameter holding only such pointers is not reported.
package p

//go:notinheap
type S struct{ x int }

type W struct{ s *S }

func (w W) Get() int          { return w.s.x }
func f(p *S, q *int) *S       { return p }
func g(w W, ws []W) (int, *S) { return len(ws), w.s }
