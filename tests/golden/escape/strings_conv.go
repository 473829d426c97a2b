// flags: -m -l
// String conversions and concatenation allocate.
package p

var gs string
var gb []byte

func conv(s string, b []byte) {
	x := []byte(s)
	_ = x
	gb = []byte(s)
	y := string(b)
	_ = y
	gs = string(b)
}

func concat(s, t string) string {
	u := s + t
	_ = u
	return s + "!" + t
}

func runes(s string) int {
	return len([]rune(s))
}
