package main

type T [1 << 62]byte

func main() {}
