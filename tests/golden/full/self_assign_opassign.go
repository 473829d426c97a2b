// flags: -m
// escape analysis sees x op= y as the pair x, y: r.bits >>= r.width is a
// self-assignment (the same base, r), whatever the two fields' types;
// r.bits += 1 is not (a constant).
package p

type R struct {
	bits  uint32
	width uint
	next  *R
}

func (r *R) f() {
	r.bits >>= r.width
	r.bits += 1
	r.bits |= r.bits
}
