// flags: -m -l
// Stores into globals and through pointers go to the heap.
package p

var gp *int
var gs []*int

func store(p *int) { gp = p }

func storeThrough(pp **int, p *int) { *pp = p }

func intoSlice(s []*int) {
	x := 0
	s[0] = &x
}

func appendGlobal() {
	y := 0
	gs = append(gs, &y)
}
