package main

func main() {
	count := 0
}
