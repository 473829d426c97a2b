// flags: -m -l
// Self-assignments store nothing new: gc ignores them, and says so.
package p

type Buf struct {
	buf []byte
	a, b *int
}

func (b *Buf) Shrink(n int) {
	b.buf = b.buf[n:]
}

func (b *Buf) Swap() {
	b.a = b.b
}
