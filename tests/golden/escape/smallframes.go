// flags: -m -l -smallframes
// Size limits: implicit allocations over 64 KiB, variables over 10 MiB
// (16 KiB and 128 KiB with -smallframes: see smallframes.go).
package p

func large() {
	var huge [11 << 20]byte
	_ = huge
	p := new([70000]byte)
	_ = p
	s := make([]byte, 70000)
	_ = s
	q := new([1000]byte)
	_ = q
	r := new([20000]byte)
	_ = r
	var mid [200 << 10]byte
	_ = mid
}
