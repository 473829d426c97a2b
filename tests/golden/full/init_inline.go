// flags: -m
// gc inlines into the init function it makes of the package-level
// initializers it cannot set statically (never reporting "can inline init"),
// and walks it: escapes and elided bounds checks there are reported too.
package p

import "errors"

type T struct{ a [8]int }

func mk() *T {
	t := new(T)
	for i := range t.a {
		t.a[i] = i
	}
	return t
}

func idx(b byte) int { return int(b) }

var G = mk()
var H = idx(3)
var tab [16]int
var b byte = 3
var I = tab[b&7]
var ErrX = errors.New("x")
var J, K = two()

func two() (*T, int) { return mk(), idx(b) }
