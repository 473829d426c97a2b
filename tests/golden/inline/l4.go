// flags: -m=2 -l=4
// -l=4: gc's cheap calls to functions it cannot inline (1 instead of 57).
package p

//go:noinline
func g(x int) int { return x }

func f(x int) int { return g(x) + g(x+1) }

func h(i interface{ M() }) { i.M() }
