// A generic type whose constraint's methods return the type parameter, as
// crypto/elliptic's nistCurve[Point nistPoint[Point]]: instantiated with
// pointer types (one GC shape, *uint8), embedded in a struct, its methods
// calling the parameter's methods through the constraint.
package curve

import "errors"

type point interface {
	Bytes() []byte
	SetBytes([]byte) (*p1, error)
}

type elem[T any] interface {
	Bytes() []byte
	SetBytes([]byte) (T, error)
	Add(T, T) T
}

type group[E elem[E]] struct {
	newElem func() E
	name    string
	buf     []byte
}

type p1 struct{ x, y int }

func newP1() *p1 { return &p1{} }

func (p *p1) Bytes() []byte { return []byte{byte(p.x), byte(p.y)} }

func (p *p1) SetBytes(b []byte) (*p1, error) {
	if len(b) != 2 {
		return nil, errors.New("bad length")
	}
	p.x, p.y = int(b[0]), int(b[1])
	return p, nil
}

func (p *p1) Add(a, b *p1) *p1 {
	p.x, p.y = a.x+b.x, a.y+b.y
	return p
}

type p2 struct{ v [4]byte }

func newP2() *p2 { return new(p2) }

func (p *p2) Bytes() []byte { return p.v[:] }

func (p *p2) SetBytes(b []byte) (*p2, error) {
	if len(b) != 4 {
		panic("p2: bad length")
	}
	copy(p.v[:], b)
	return p, nil
}

func (p *p2) Add(a, b *p2) *p2 { return p }

func (g *group[E]) Name() string { return g.name }

func (g *group[E]) decode(b []byte) (E, error) {
	return g.newElem().SetBytes(b)
}

func (g *group[E]) Sum(a, b []byte) []byte {
	x, err := g.decode(a)
	if err != nil {
		panic("group: invalid point")
	}
	y, err := g.decode(b)
	if err != nil {
		panic("group: invalid point")
	}
	out := make([]byte, 0, 8)
	return append(out, g.newElem().Add(x, y).Bytes()...)
}

func (g *group[E]) Keep(b []byte) {
	g.buf = b
	g.name = g.Name() + "!"
}

var g1 = &group[*p1]{newElem: newP1, name: "one"}

type wrapped struct {
	group[*p2]
	extra int
}

var g2 = &wrapped{group[*p2]{newElem: newP2, name: "two"}, 0}

func Sum1(a, b []byte) []byte { return g1.Sum(a, b) }

func Sum2(a, b []byte) []byte { return g2.Sum(a, b) }

func Name2() string { return g2.Name() }

func Keep1(b []byte) { g1.Keep(b) }

var total int

// Cost 82 for gc with the dictionary argument of the shape method (80
// without it): not inlinable.
func SumCount(a, b []byte) []byte {
	total += len(a)
	total += len(b)
	total++
	total--
	_ = a
	return g1.Sum(a, b)
}
