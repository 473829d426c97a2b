package main

func main() {
	var s string = 1
	_ = s
}
