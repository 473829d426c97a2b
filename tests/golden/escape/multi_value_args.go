// flags: -m=2 -l
// f(g()) with g's several results: gc puts them in temporaries and converts
// each to its parameter's type at the call (a ... argument collects them;
// go and defer copy them into their wrapper's temporaries, converted).
// A bodyless function names its blank parameter too.
package p

type B struct{ a, b int }

func two() (int, string)
func twob() (B, *int)
func twobb() (B, B)
func sink(a int, b interface{})
func sinkv(a ...interface{})
func sinkb(a interface{}, b interface{})
func g(_ interface{}, e error)
func h() (int, error)
func u(*int, interface{}) // unnamed: no name, no message

func f1() { sink(two()) }
func f2() { sinkv(two()) }
func f3() { sinkb(twob()) }
func f4() { defer sinkv(two()) }
func f5() { go sink(two()) }
func f6() {
	for i := 0; i < 2; i++ {
		defer sinkb(twob())
	}
}
func f7() { g(h()) }

func f8() interface{} {
	var h, _ interface{} = twobb()
	var _, k interface{} = twobb()
	return h.(B).a + k.(B).b
}
