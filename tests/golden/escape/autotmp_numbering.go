// flags: -m=2
// Temporaries are numbered by the length of gc's Dcl when they are made:
// unnamed and blank parameters are not in it, results are, the inlined
// bodies' variables are, and so are the type checker's temporaries for a
// callee that calls (RewriteNonNameCall).
package p

func h5(_ int) { defer h5(ga()) }

func h6(a, _ int) { defer h6(a, ga()) }

func h7(int) (r int) { defer h7(ga()); return }

func h8(int) int { defer h8(ga()); return 0 }

func h9(int) (_ int) { defer h9(ga()); return 0 }

//go:noinline
func ga() int { return 1 }
func iiz() {}

func gdz1(int) {
	defer gdz1(gdz2())
	defer gdz3()()
	go gdz1(gdz2())
	go gdz3()()
}

func gdz2() int {
	return 1
}

func gdz3() func() {
	return iiz
}
