// flags: -m -l
// An interface value holding one known concrete type: the call is made
// static, and the concrete method's tags apply.
package p

type shape interface{ area() int }

type rect struct{ w, h int }

func (r rect) area() int { return r.w * r.h }

func f(w, h int) int {
	var s shape = rect{w, h}
	return s.area()
}
