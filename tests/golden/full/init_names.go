// flags: -m
// gc renames each func init() of the package init.0, init.1, ... in
// declaration order; their closures are init.N.funcM.
package p

type T struct{ a, b *int }

var g T
var sink func()

func init() {
	g.a = g.a
}

func init() {
	sink = func() { g.b = g.b }
}

func f() {}
