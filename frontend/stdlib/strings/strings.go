// Model of package strings for minigc, after Go 1.19's src/strings
// (Copyright The Go Authors; BSD-style license).
//
// The functions Go's escape tests call (HasPrefix, SplitAfterN), their
// helpers, and the common small ones, all with the real code: HasPrefix and
// the Split family are inlined by gc, so their bodies must be the real ones;
// Index, Count and genSplit are not inlinable but the real code is short
// enough to keep. Builder is the real type, including its noescape trick
// that hides the self-pointer from escape analysis. What needs the unicode
// tables (ToUpper, Fields, TrimSpace, ...) is not modelled.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 strings).

package strings

import (
	"internal/bytealg"
	"unicode/utf8"
	"unsafe"
)

// gc: cannot inline: too complex (cost 196); leaking param: s
func explode(s string, n int) []string {
	l := utf8.RuneCountInString(s)
	if n < 0 || n > l {
		n = l
	}
	a := make([]string, n)
	for i := 0; i < n-1; i++ {
		ch, size := utf8.DecodeRuneInString(s)
		a[i] = s[:size]
		s = s[size:]
		if ch == utf8.RuneError {
			a[i] = string(utf8.RuneError)
		}
	}
	if n > 0 {
		a[n-1] = s
	}
	return a
}

// gc: cannot inline: too complex (cost 225); s does not escape; substr does not escape
func Count(s, substr string) int {
	if len(substr) == 0 {
		return utf8.RuneCountInString(s) + 1
	}
	if len(substr) == 1 {
		return bytealg.CountString(s, substr[0])
	}
	n := 0
	for {
		i := Index(s, substr)
		if i == -1 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// gc: can inline with cost 64; s does not escape; substr does not escape
func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

// gc: cannot inline: too complex (cost 273); leaking param: s; sep does not escape
func genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}

	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([]string, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[:m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// gc: can inline with cost 64; leaking param: s; sep does not escape
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// gc: can inline with cost 65; leaking param: s; sep does not escape
func SplitAfterN(s, sep string, n int) []string {
	return genSplit(s, sep, len(sep), n)
}

// gc: can inline with cost 64; leaking param: s; sep does not escape
func Split(s, sep string) []string { return genSplit(s, sep, 0, -1) }

// gc: can inline with cost 65; leaking param: s; sep does not escape
func SplitAfter(s, sep string) []string {
	return genSplit(s, sep, len(sep), -1)
}

// gc: cannot inline: too complex (cost 287); leaking param: elems to result ~r0 level=1; sep does not escape
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for i := 0; i < len(elems); i++ {
		n += len(elems[i])
	}

	var b Builder
	b.Grow(n)
	b.WriteString(elems[0])
	for _, s := range elems[1:] {
		b.WriteString(sep)
		b.WriteString(s)
	}
	return b.String()
}

// gc: can inline with cost 14; prefix does not escape; s does not escape
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[0:len(prefix)] == prefix
}

// gc: can inline with cost 16; s does not escape; suffix does not escape
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// gc: can inline with cost 62; s does not escape
func IndexByte(s string, c byte) int {
	return bytealg.IndexByteString(s, c)
}

// gc: cannot inline: too complex (cost 669); s does not escape; substr does not escape
func Index(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, substr[0])
	case n == len(s):
		if substr == s {
			return 0
		}
		return -1
	case n > len(s):
		return -1
	case n <= bytealg.MaxLen:
		if len(s) <= bytealg.MaxBruteForce {
			return bytealg.IndexString(s, substr)
		}
		c0 := substr[0]
		c1 := substr[1]
		i := 0
		t := len(s) - n + 1
		fails := 0
		for i < t {
			if s[i] != c0 {
				o := IndexByte(s[i+1:t], c0)
				if o < 0 {
					return -1
				}
				i += o + 1
			}
			if s[i+1] == c1 && s[i:i+n] == substr {
				return i
			}
			fails++
			i++
			if fails > bytealg.Cutover(i) {
				r := bytealg.IndexString(s[i:], substr)
				if r >= 0 {
					return r + i
				}
				return -1
			}
		}
		return -1
	}
	c0 := substr[0]
	c1 := substr[1]
	i := 0
	t := len(s) - n + 1
	fails := 0
	for i < t {
		if s[i] != c0 {
			o := IndexByte(s[i+1:t], c0)
			if o < 0 {
				return -1
			}
			i += o + 1
		}
		if s[i+1] == c1 && s[i:i+n] == substr {
			return i
		}
		i++
		fails++
		if fails >= 4+i>>4 && i < t {
			j := bytealg.IndexRabinKarp(s[i:], substr)
			if j < 0 {
				return -1
			}
			return i + j
		}
	}
	return -1
}

// gc: can inline with cost 26; leaking param: s to result ~r0 level=0; prefix does not escape
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// gc: can inline with cost 31; leaking param: s to result ~r0 level=0; suffix does not escape
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// gc: cannot inline: too complex (cost 318); s does not escape
func Repeat(s string, count int) string {
	if count == 0 {
		return ""
	}

	if count < 0 {
		panic("strings: negative Repeat count")
	} else if len(s)*count/count != len(s) {
		panic("strings: Repeat count causes overflow")
	}

	n := len(s) * count
	var b Builder
	b.Grow(n)
	b.WriteString(s)
	for b.Len() < n {
		if b.Len() <= n/2 {
			b.WriteString(b.String())
		} else {
			b.WriteString(b.String()[:n-b.Len()])
			break
		}
	}
	return b.String()
}

// gc: can inline with cost 14; a does not escape; b does not escape
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return +1
}

type Builder struct {
	addr *Builder // of receiver, to detect copies by value
	buf  []byte
}

// gc: can inline with cost 9; p does not escape
//
//go:nosplit
//go:nocheckptr
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// gc: can inline with cost 28; b does not escape
func (b *Builder) copyCheck() {
	if b.addr == nil {
		b.addr = (*Builder)(noescape(unsafe.Pointer(b)))
	} else if b.addr != b {
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

// gc: can inline with cost 4; leaking param: b to result ~r0 level=1
func (b *Builder) String() string {
	return *(*string)(unsafe.Pointer(&b.buf))
}

// gc: can inline with cost 4; b does not escape
func (b *Builder) Len() int { return len(b.buf) }

// gc: can inline with cost 4; b does not escape
func (b *Builder) Cap() int { return cap(b.buf) }

// gc: can inline with cost 8; b does not escape
func (b *Builder) Reset() {
	b.addr = nil
	b.buf = nil
}

// gc: can inline with cost 23; b does not escape
func (b *Builder) grow(n int) {
	buf := make([]byte, len(b.buf), 2*cap(b.buf)+n)
	copy(buf, b.buf)
	b.buf = buf
}

// gc: can inline with cost 75; b does not escape
func (b *Builder) Grow(n int) {
	b.copyCheck()
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		b.grow(n)
	}
}

// gc: can inline with cost 42; leaking param content: b; p does not escape
func (b *Builder) Write(p []byte) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// gc: can inline with cost 40; leaking param content: b
func (b *Builder) WriteByte(c byte) error {
	b.copyCheck()
	b.buf = append(b.buf, c)
	return nil
}

// gc: cannot inline: too complex (cost 172); leaking param content: b
func (b *Builder) WriteRune(r rune) (int, error) {
	b.copyCheck()
	if uint32(r) < utf8.RuneSelf {
		b.buf = append(b.buf, byte(r))
		return 1, nil
	}
	l := len(b.buf)
	if cap(b.buf)-l < utf8.UTFMax {
		b.grow(utf8.UTFMax)
	}
	n := utf8.EncodeRune(b.buf[l:l+utf8.UTFMax], r)
	b.buf = b.buf[:l+n]
	return n, nil
}

// gc: can inline with cost 42; leaking param content: b; s does not escape
func (b *Builder) WriteString(s string) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, s...)
	return len(s), nil
}
