// flags: -m=2 -d=inlfuncswithclosures=0
// Without inlfuncswithclosures, a function holding a literal is not inlined.
package p

func holder(x int) int {
	f := func() int { return x }
	return f()
}

func plain(x int) int { return x + 1 }
