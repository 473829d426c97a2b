// flags: -m=2 -l
// Promoted fields and methods: each embedded field walked is a step of its
// own (a load when it is a pointer), as gc's implicit selectors are.
package p

type Base struct{ p *int }

func (b *Base) Ptr() *int { return b.p }

type Outer struct {
	*Base
	n int
}

func field(o Outer) *int {
	return o.p
}

func method(o *Outer) *int {
	return o.Ptr()
}

func value(o *Outer) func() *int {
	return o.Ptr
}
