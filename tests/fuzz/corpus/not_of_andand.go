package main

// The operand of ! (and of ^, and a string's len) may add blocks, as
// && does: the builder must take its current block after building the
// operand. gcc evaluates a call's arguments right to left and never
// showed it; clang's fuzz build did (a value used in a block it does not
// dominate, from runtime.getArgInfoFast).
type F struct{ args int32 }

func h(f F, need bool) (uintptr, *int, bool) {
	return uintptr(f.args), nil, !(need && f.args == -1)
}

func g(a, b bool, s string) int32 {
	return ^map[bool]int32{a && !(b || a): 1}[true] + int32(len(map[bool]string{a && b: s}[true]))
}

func main() { h(F{}, true); g(true, false, "") }
