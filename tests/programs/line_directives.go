// Line directives rename positions: //line file:line[:col] at a line start, /*line*/ anywhere.
package main

var sink interface{}

//line foo.go:100
func f(x int) {
	sink = &x
}

//line bar.go:200:5
func g(y int) { sink = &y }

/*line baz.go:300:10*/func h(z int) { sink = &z }

//line :50
func k(w int) { sink = &w }

func main() { f(1); g(2); h(3); k(4) }
