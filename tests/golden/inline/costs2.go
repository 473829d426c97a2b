// flags: -m=2
// Costs of temporaries gc makes: multi-value calls, receivers that are calls.
package p

type T struct{}

func (T) meth(int, int) {}

func k() (T, int, int) { return T{}, 0, 0 }

func f3() {
	T.meth(k())
}

func f4() {}

func m2() (int, int) { return 1, 2 }
func add(a, b int) int { return a + b }
func f5() int { return add(m2()) }
func f6(x int) int {
	var a, b int
	var c, d = x, x
	return a + b + c + d
}
func f7(x int) int {
	const a, b = 1, 2
	return x + a + b
}
func f8(m map[int]int) { for k, v := range m { _ = k + v } }
func f9(x interface{}) int {
	switch v := x.(type) {
	case int:
		return v
	case string, bool:
		return 1
	default:
		return 0
	}
}
func f10(x int) int {
	switch {
	case x > 1:
		return 1
	}
	return 0
}
func f11(x interface{}) bool { return x == 1 }
func f12(e error) { panic(e) }
func f13(s []interface{}) []interface{} { return append(s, 1, "a") }
func f14(c chan interface{}) { c <- 1 }
func f15(x interface{}) { _ = []interface{}{x, 1} }
func f16(p *[4]int) int { return p[1] }
func f17(p *[4]int) []int { return p[:] }
func f18() int { var a [4]int; return len(a[:]) }
func f19(x int) (a, b int) { a, b = x, x; return }
func f20(s string) string { s += "x"; return s }
func f21(x int) int { for { if x > 0 { break } }; return x }
func f22(c chan int) { select { case c <- 1: case <-c: } }
func f23(x int) int { { y := x; x = y }; return x }
func f24(b []byte) string { return string(b[:2]) }
func f25(r rune) string { return string(r) }
func f26(x float64) float32 { return float32(x) }
