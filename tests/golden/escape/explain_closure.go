// flags: -m=2 -l
// -m=2 on closures: how each variable is captured, and why it moved.
package p

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func constant() func() int {
	k := 7
	return func() int { return k }
}
