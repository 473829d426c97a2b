// flags: -m -l
// panic's argument is converted to an interface where gc's noder stands
// after it: the last non-constant operand, or the last call.
package p

import (
	"fmt"
	"strconv"
)

type T struct{ s string }

func f1(s, str string) { panic("got panic " + s + ", want " + str) }
func f2(s string)      { panic(s + ": p failed") }
func f3(m map[int]int) { panic(m[0]) }
func f4(a []T)         { panic(a[0].s) }
func f5(i, j int)      { panic(i + j) }
func f6(x int)         { panic(fmt.Sprintf("x=%d", x)) }
func f7(x int)         { panic("bad " + strconv.Itoa(x)) }
func f8(x int)         { panic(x) }
func f9(p *T)          { panic(p.s) }
func f10(x int)        { panic(-x) }
func f11(p *int)       { panic(*p) }
func f12(x int)        { panic(fmt.Sprint(x) + "!") }
func f13(s []string)   { panic(s[1:]) }
func f14(x float64)    { panic(int(x)) }
func f15(x int)        { panic(T{strconv.Itoa(x)}) }
func f16(x int)        { panic(len("abc") + x) }
func f17(e error)      { panic(e) }
func f18(x int)        { panic([]int{x, 1}) }
func f19(x, y int)     { panic(x*y + 2) }
func f20(c chan int)   { panic(<-c) }
