// Model of package internal/itoa for minigc: Go 1.19's
// src/internal/itoa/itoa.go (Copyright The Go Authors; BSD-style license),
// code unchanged.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 internal/itoa).

package itoa

// gc: cannot inline: too complex (cost 133)
func Itoa(val int) string {
	if val < 0 {
		return "-" + Uitoa(uint(-val))
	}
	return Uitoa(uint(val))
}

// gc: can inline with cost 58
func Uitoa(val uint) string {
	if val == 0 { // avoid string allocation
		return "0"
	}
	var buf [20]byte // big enough for 64bit value base 10
	i := len(buf) - 1
	for val >= 10 {
		q := val / 10
		buf[i] = byte('0' + val - q*10)
		i--
		val = q
	}
	buf[i] = byte('0' + val)
	return string(buf[i:])
}
