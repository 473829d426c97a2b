// flags: -m
// gc's walk notes an index of an array or a constant string whose index
// type and shape (a small unsigned type, & mask, % / >> by a constant)
// keep it in range; constant indexes and signed types are never noted.
// Inlined bodies are noted at the call site. The added values of an
// append go through temporaries first: only their type counts there.
package p

var tab [256]uint32
var small [8]int

const digits = "0123456789abcdef"

func f(b byte, x uint64, i int, u uint) uint32 {
	s := tab[b] + tab[x>>56] + tab[x&0xff] + tab[i]
	small[u%8]++
	small[u&^0xfffffffffffffff8] = 1
	_ = digits[x%16]
	_ = digits[u/1152921504606846976]
	p := &tab
	s += p[uint8(x)]
	s += tab[byte(i)^b]
	_ = tab[3]
	_ = small[int8(b)]
	return s
}

func g(b byte) uint32 { return tab[b] }

func h(b byte) uint32 { return g(b) + g(b+1) }

type S struct{ a [4]byte }

func k(buf []byte, t *[256]byte, s *S, b byte, x uint) []byte {
	buf = append(buf, digits[b&0xF], t[b], t[b&3], s.a[b&3], t[x&0xff], t[byte(x)])
	y := digits[b&0xF]
	buf = append(buf, y)
	var is []interface{}
	is = append(is, t[x&0xff])
	_ = is
	return buf
}
