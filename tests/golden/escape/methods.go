// flags: -m -l
// Method values and calls through interfaces and function values.
package p

type T struct{ n int }

func (t *T) Inc()  { t.n++ }
func (t T) Get() int { return t.n }

type I interface{ Get() int }

var sinkf func()

func methodValue() {
	var t T
	sinkf = t.Inc
}

func methodValueLocal() {
	var t T
	f := t.Inc
	f()
}

func viaIface(i I) int { return i.Get() }

func viaFunc(f func(*int), x int) {
	f(&x)
}
