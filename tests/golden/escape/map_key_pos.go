// flags: -m -l
// A map key is converted to an interface where the noder stands after the
// index expression (delete: after its arguments).
package p

type C int
type T struct{ s string }

func f1(m map[interface{}]int, i int)        { m[C(i)] = 1 }
func f2(m map[interface{}]int, c chan T)     { m[(<-c).s] = 0 }
func f3(m map[interface{}]int, i int) int    { return m[i+1] }
func f4(m map[interface{}]int, t *T) int     { return m[t.s] }
func f5(m map[interface{}]int, s []string)   { m[s[1]]++ }
func f6(m map[interface{}]int, s string) int { v, _ := m[s+"x"]; return v }
func f7(m map[interface{}]int, x int)        { delete(m, x*2) }
func f8(m map[interface{}]int)               { m[0] = 1; m["a"] = 2 }
func f9(x, y int) map[interface{}]int        { return map[interface{}]int{x: 1, y + 1: 2, C(x): 3} }
func g() int
func f10(m map[interface{}]int)              { m[g()] = 1 }
func f11(m map[interface{}]int, a [3]int, i int) { m[a[i]] = 1 }
