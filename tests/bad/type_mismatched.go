package main

func main() {
	x := 1 + "a"
	_ = x
}
