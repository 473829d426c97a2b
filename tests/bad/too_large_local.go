package main

func main() {
	var p *[1 << 62]byte
	_ = p
	var a [1 << 40][1 << 20]byte
	_ = a
}
