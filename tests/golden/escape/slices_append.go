// flags: -m -l
// append, copy, make with constant and non-constant sizes.
package p

var sink []*int

func appendPtr(s []*int, p *int) []*int {
	return append(s, p)
}

func appendAll(s, t []*int) {
	sink = append(s, t...)
}

func copyPtr(dst, src []*int) {
	copy(dst, src)
}

func makes(n int) {
	a := make([]int, 10)
	b := make([]int, n)
	c := make([]int, 0, 100000)
	_, _, _ = a, b, c
}
