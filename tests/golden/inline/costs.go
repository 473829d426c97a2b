// flags: -m=2
// The cost of one construct of each kind, as gc 1.19 counts it.
package p

import "unsafe"

type T struct {
	a, b int
	p    *T
	s    []int
	m    map[string]int
}

type E struct{ T }

type I interface{ M() int }

func (t T) M() int   { return t.a }
func (t *T) PM() int { return t.b }

func c01(x int) int          { return x }
func c02(x, y int) int       { return x + y }
func c03(x int) int          { y := x; return y }
func c04(x int) int          { var y int; y = x; return y }
func c05(x int) int          { var y = x; return y }
func c06(x int) (r int)      { r = x; return }
func c07(x int) int          { x++; return x }
func c08(x int) int          { x += 2; return x }
func c09(x int) int          { if x > 0 { return 1 }; return 2 }
func c10(x int) int          { if x > 0 { return 1 } else { return 2 } }
func c11(x int) int          { for i := 0; i < x; i++ { x-- }; return x }
func c12(s []int) int        { n := 0; for _, v := range s { n += v }; return n }
func c13(s []int) int        { return len(s) }
func c14(s []int) []int      { return append(s, 1) }
func c15(s []int) []int      { return s[1:2] }
func c16(s []int) int        { return s[0] }
func c17(m map[string]int) int { return m["a"] }
func c18(m map[string]int) (int, bool) { v, ok := m["a"]; return v, ok }
func c19(t *T) int           { return t.a }
func c20(t T) int            { return t.a }
func c21(e *E) int           { return e.a }
func c22(t *T) int           { return t.M() }
func c23(t *T) int           { return t.PM() }
func c24(t T) int            { return t.PM() }
func c25(i I) int            { return i.M() }
func c26(x interface{}) int  { return x.(int) }
func c27(x interface{}) (int, bool) { v, ok := x.(int); return v, ok }
func c28(x int) interface{}  { return x }
func c29() *T                { return &T{} }
func c30() T                 { return T{a: 1, b: 2} }
func c31() []int             { return []int{1, 2, 3} }
func c32() map[int]int       { return map[int]int{1: 2} }
func c33() [2]int            { return [2]int{1, 2} }
func c34(x int) func() int   { return func() int { return x } }
func c35(x int) int          { f := func() int { return x }; return f() }
func c36(s string) []byte    { return []byte(s) }
func c37(b []byte) string    { return string(b) }
func c38(x int) int64        { return int64(x) }
func c39(p *T) unsafe.Pointer { return unsafe.Pointer(p) }
func c40(p unsafe.Pointer) uintptr { return uintptr(p) }
func c41(a, b, c string) string { return a + b + c }
func c42(x int) int          { switch x { case 1: return 2; case 2, 3: return 3 }; return 0 }
func c43(x interface{}) int  { switch x.(type) { case int: return 1 }; return 0 }
func c44(x interface{}) int  { switch v := x.(type) { case int: return v }; return 0 }
func c45(c chan int) int     { return <-c }
func c46(c chan int)         { c <- 1 }
func c47()                   { panic("x") }
func c48(x int)              { panic(x) }
func c49() *int              { return new(int) }
func c50(n int) []int        { return make([]int, n) }
func c51() map[int]int       { return make(map[int]int) }
func c52(x int) int          { const k = 3; return x * k }
func c53(x int) bool         { return x > 0 && x < 10 || x == 20 }
func c54(x int) int          { return -x }
func c55(p *int) int         { return *p }
func c56(x int) *int         { return &x }
func c57(t *T) func() int    { return t.PM }
func c58() func(T) int       { return T.M }
func c59(x int) int          { return c01(x) }
func c60(x int) int          { return c59(x) }
func c61(x int)              { println(x) }
func c62(a, b []int) int     { return copy(a, b) }
func c63(m map[int]int)      { delete(m, 1) }
func c64(s []int) int        { return cap(s) }
func c65(x int) int          { if true { return 1 }; return x }
func c66(x int) int          { L: for { if x > 0 { break L }; x++; continue L }; return x }
func c67(x, y int) (int, int) { x, y = y, x; return x, y }
func c68(t *T) int           { return t.p.p.a }
func c69(x int) int          { goto L; L: return x }
func c70(c chan int) int     { select { case v := <-c: return v; default: return 0 } }
func c71(s []int)            { for i := range s { s[i] = 0 } }
func c72(x float64) int      { return int(x) }
func c73(s string) int       { return len(s) }
func c74(s string, i int) byte { return s[i] }
func c75(f func(int) int) int { return f(1) }
func c76(x ...int) int       { return len(x) }
func c77() int               { return c76(1, 2, 3) }
func c78(p *T)               { p.a = 1 }
func c79(s []int) []int      { return s[:] }
func c80(x interface{}) bool { return x == nil }
