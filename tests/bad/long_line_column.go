// gc keeps 8 bits of column: from column 255 on, an error has none.
package main

var sink interface{}

func f(x int) {
	var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0; sink = &x; var _ = 0;var _ = 0;var _ = 0; var y int = "s"; _ = y
}

func g() *int {                                                                                                                                                                                                                                                           return new(int) }

func main() {
	f(1)
}
