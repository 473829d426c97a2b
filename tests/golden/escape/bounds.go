// flags: -m -l
// gc's walk elides the bounds check of an index that its type and shape
// keep below an array's or a constant string's length, and says so.
package p

const hex = "0123456789abcdef"

var table [256]int
var small [64]int

func f(b byte, u uint, i int, u64 uint64, p *[256]int, s []int) int {
	x := table[b]          // uint8 < 256
	x += small[u64>>58]    // 6 bits left
	x += small[u&63]       // masked
	x += small[u&^0xffc0]  // masked by &^
	x += small[u%64]       // remainder
	x += int(hex[u%16])    // a constant string
	x += small[i&63]       // a mask is enough even for a signed index
	x += small[i%64]       // not for a remainder
	x += p[b]              // through a pointer to an array
	x += s[b]              // a slice: checked
	x += small[uint8(u)]   // 256 > 64: checked
	x += table[uint8(u)/2] // quotient
	x += small[3]          // a constant index: nothing said
	func() {
		x += table[b]
	}()
	func() {
		x += small[b>>2]
	}()
	return x + len(small[:u&3])
}
