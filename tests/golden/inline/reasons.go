// flags: -m=2
// Every reason gc gives for not inlining a function.
package p

import "runtime"

//go:noinline
func noinl() int { return 1 }

func rec() (x interface{}) { return recover() }

func gofunc() { go noinl() }

func deferred() { defer noinl() }

func typedecl() int {
	type T int
	return int(T(1))
}

func recursive(n int) int {
	if n == 0 {
		return 0
	}
	return recursive(n - 1)
}

func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	if n == 0 {
		return false
	}
	return even(n - 1)
}

func complex(a, b, c, d int) int {
	x := a*b + c*d - a*c + b*d
	y := x*x + a - b*c + d*d
	z := y*x - a*b + c - d*x
	w := z*y + x*a - b*c*d
	return x + y + z + w + noinl() + noinl()
}

func callsThrow() { panic("x") }

func keepalive(x *int) { runtime.KeepAlive(x) }

func body()

func empty() {}
