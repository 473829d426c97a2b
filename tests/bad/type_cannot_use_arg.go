package main

func takes(p *int) {}

func main() {
	takes("x")
}
