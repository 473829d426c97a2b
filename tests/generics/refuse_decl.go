// User code declaring generics: refused by the parser.
package main

type list[T any] struct {
	next *list[T]
	val  T
}

func (l *list[T]) push(v T) *list[T] { return &list[T]{l, v} }

func main() {}
