// A type argument that is not a pointer: its shape is its underlying type
// (go.shape.struct { ... }_0), and the method of the type parameter is
// called on the value itself through the dictionary (nothing is boxed).
package valueshape

type getter[T any] interface {
	Get() T
	Ptr() *int
}

type holder[T getter[T]] struct {
	t T
	n int
}

func (h holder[T]) Next() T { return h.t.Get() }

func (h *holder[T]) Leak() *int { return h.t.Ptr() }

func (h *holder[T]) Count() int {
	h.n++
	return h.n
}

type pair struct {
	a, b *int
}

//go:noinline
func (p pair) Get() pair { return pair{p.b, p.a} }

//go:noinline
func (p pair) Ptr() *int { return p.a }

var z holder[pair]

func Next() pair { return z.Next() }

func Leak() *int { return z.Leak() }

func Count() int { return z.Count() }

func Local(x int) int {
	var h holder[pair]
	h.t.a = &x
	return *h.Leak() + h.Count()
}
