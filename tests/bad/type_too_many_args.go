package main

func one(x int) {}

func main() {
	one(1, 2)
}
