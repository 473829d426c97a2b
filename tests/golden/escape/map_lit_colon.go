// flags: -m -l
// A map literal's key and value are converted at the colon, in a
// package-level initializer too.
package p

var m = map[interface{}]struct{}{
	nil:  {},
	true: {},
	1:    {},
}

var n int
var m2 = map[interface{}]int{n: 1, "a": 2}

func f(x int) map[interface{}]interface{} {
	return map[interface{}]interface{}{true: 1, x: x, 3: "s"}
}
