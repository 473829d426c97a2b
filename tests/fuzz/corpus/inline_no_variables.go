package main

// Inlining a standard-library function whose copy has no variables at all
// (no variable map: clang's UBSan saw a zero offset to a null pointer).
import "log"

func main() { log.Fatalf("x %d", 1) }
