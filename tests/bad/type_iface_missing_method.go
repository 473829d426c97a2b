package main

type shape interface{ area() int }

type sq struct{}

func main() {
	var s shape = sq{}
	_ = s
}
