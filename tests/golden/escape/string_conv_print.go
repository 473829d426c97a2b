// flags: -m -l
// How gc prints string conversions: []rune of a constant is folded into a
// composite literal, and a slice of a defined byte or rune type goes
// through []byte or []rune first.
package p

type myByte byte
type myRune rune
type runes []rune
type myString string

func sink(x ...interface{})

func f(b []myByte, r []myRune, s string) {
	sink(string(b), myString(r), string(([]myByte)(s)))
	sink([]rune("héllo"), []rune(""), runes("ab"), []myRune(myString("x")))
	sink([]byte("abc"), []rune(s))
}
