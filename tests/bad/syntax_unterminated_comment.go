package main

/* this comment never ends
func main() {}
