// gc keeps 8 bits of column: from column 255 on, a message has none.
package main

var sink interface{}

func f(x int) {
	var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0;var _ = 0; sink = &x; var _ = 0;var _ = 0;var _ = 0; sink = []int{1}
}

func g() *int {                                                                                                                                                                                                                                                           return new(int) }

func main() {
	f(1)
}
