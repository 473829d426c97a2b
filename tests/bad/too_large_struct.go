package main

type S struct {
	x [1 << 62]byte
	y [1 << 62]byte
}

func main() {}
