package main

func main() {
	y := undefinedThing + 1
	_ = y
}
