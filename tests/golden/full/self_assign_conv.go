// flags: -m
// x.f = x.g is a self-assignment only when no implicit conversion stands
// between them: to an interface field it is a conversion, stored.
package p

import "io"

type T struct {
	io.ReaderAt
	sr *io.SectionReader
	r  io.Reader
	x  *int
	y  *int
}

func f(t *T) {
	t.ReaderAt = t.sr
	t.r = t.sr
	t.x = t.x
	t.y = t.x
}
