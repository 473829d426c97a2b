// Model of package syscall for minigc, after Go 1.19's src/syscall for
// linux/amd64 (Copyright The Go Authors; BSD-style license).
//
// Just what os needs: the standard descriptors, Errno, Read and Write, the
// environment, Exit. Read, Write, read, write, Close, errnoErr and the environment
// functions are the real code (with the race, msan and asan hooks of a
// normal build, all disabled); the raw system call is declared without a
// body. Its arguments are uintptrs: converting &p[0] to uintptr hides the
// pointer from escape analysis, which is why "p does not escape" in Write.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 syscall).

package syscall

import (
	"internal/itoa"
	"internal/race"
	"sync"
	"unsafe"
)

const (
	Stdin  = 0
	Stdout = 1
	Stderr = 2
)

const (
	SYS_READ  = 0
	SYS_WRITE = 1
	SYS_CLOSE = 3
)

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

const (
	ENOENT = Errno(0x2)
	EINTR  = Errno(0x4)
	EBADF  = Errno(0x9)
	EAGAIN = Errno(0xb)
	EINVAL = Errno(0x16)
	EPIPE  = Errno(0x20)
)

var errors = [...]string{
	2:  "no such file or directory",
	4:  "interrupted system call",
	9:  "bad file descriptor",
	11: "resource temporarily unavailable",
	22: "invalid argument",
	32: "broken pipe",
}

// gc: cannot inline: too complex (cost 87)
func (e Errno) Error() string {
	if 0 <= int(e) && int(e) < len(errors) {
		s := errors[e]
		if s != "" {
			return s
		}
	}
	return "errno " + itoa.Itoa(int(e))
}

var (
	errEAGAIN error = EAGAIN
	errEINVAL error = EINVAL
	errENOENT error = ENOENT
)

// gc: can inline with cost 21
func errnoErr(e Errno) error {
	switch e {
	case 0:
		return nil
	case EAGAIN:
		return errEAGAIN
	case EINVAL:
		return errEINVAL
	case ENOENT:
		return errENOENT
	}
	return e
}

const faketime = false

const msanenabled = false

const asanenabled = false

// gc: can inline with cost 0; addr does not escape
func msanRead(addr unsafe.Pointer, len int) {
}

// gc: can inline with cost 0; addr does not escape
func msanWrite(addr unsafe.Pointer, len int) {
}

// gc: can inline with cost 0; addr does not escape
func asanRead(addr unsafe.Pointer, len int) {
}

// gc: can inline with cost 0; addr does not escape
func asanWrite(addr unsafe.Pointer, len int) {
}

// gc: can inline with cost 3; p does not escape
func faketimeWrite(fd int, p []byte) int {
	// This should never be called since faketime is false.
	panic("not implemented")
}

var ioSync int64

var _zero uintptr

// gc: cannot inline: marked as having a keep-alive uintptr argument
func Syscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno)

// gc: can inline with cost 65; p does not escape
func Read(fd int, p []byte) (n int, err error) {
	n, err = read(fd, p)
	if race.Enabled {
		if n > 0 {
			race.WriteRange(unsafe.Pointer(&p[0]), n)
		}
		if err == nil {
			race.Acquire(unsafe.Pointer(&ioSync))
		}
	}
	if msanenabled && n > 0 {
		msanWrite(unsafe.Pointer(&p[0]), n)
	}
	if asanenabled && n > 0 {
		asanWrite(unsafe.Pointer(&p[0]), n)
	}
	return
}

// gc: can inline with cost 65; p does not escape
func Write(fd int, p []byte) (n int, err error) {
	if race.Enabled {
		race.ReleaseMerge(unsafe.Pointer(&ioSync))
	}
	if faketime && (fd == 1 || fd == 2) {
		n = faketimeWrite(fd, p)
		if n < 0 {
			n, err = 0, errnoErr(Errno(-n))
		}
	} else {
		n, err = write(fd, p)
	}
	if race.Enabled && n > 0 {
		race.ReadRange(unsafe.Pointer(&p[0]), n)
	}
	if msanenabled && n > 0 {
		msanRead(unsafe.Pointer(&p[0]), n)
	}
	if asanenabled && n > 0 {
		asanRead(unsafe.Pointer(&p[0]), n)
	}
	return
}

// gc: cannot inline: too complex (cost 128); p does not escape
func read(fd int, p []byte) (n int, err error) {
	var _p0 unsafe.Pointer
	if len(p) > 0 {
		_p0 = unsafe.Pointer(&p[0])
	} else {
		_p0 = unsafe.Pointer(&_zero)
	}
	r0, _, e1 := Syscall(SYS_READ, uintptr(fd), uintptr(_p0), uintptr(len(p)))
	n = int(r0)
	if e1 != 0 {
		err = errnoErr(e1)
	}
	return
}

// gc: cannot inline: too complex (cost 128); p does not escape
func write(fd int, p []byte) (n int, err error) {
	var _p0 unsafe.Pointer
	if len(p) > 0 {
		_p0 = unsafe.Pointer(&p[0])
	} else {
		_p0 = unsafe.Pointer(&_zero)
	}
	r0, _, e1 := Syscall(SYS_WRITE, uintptr(fd), uintptr(_p0), uintptr(len(p)))
	n = int(r0)
	if e1 != 0 {
		err = errnoErr(e1)
	}
	return
}

// gc: cannot inline: too complex (cost 101)
func Close(fd int) (err error) {
	_, _, e1 := Syscall(SYS_CLOSE, uintptr(fd), 0, 0)
	if e1 != 0 {
		err = errnoErr(e1)
	}
	return
}

// Exit is implemented in package runtime.
// gc: cannot inline: no function body
func Exit(code int)

var (
	envOnce sync.Once

	envLock sync.RWMutex

	env map[string]int

	envs []string = runtime_envs()
)

// gc: cannot inline: no function body
func runtime_envs() []string // in package runtime

// gc: can inline with cost 60
func copyenv() {
	env = make(map[string]int)
	for i, s := range envs {
		for j := 0; j < len(s); j++ {
			if s[j] == '=' {
				key := s[:j]
				if _, ok := env[key]; !ok {
					env[key] = i // first mention of key
				} else {
					envs[i] = ""
				}
				break
			}
		}
	}
}

// gc: cannot inline: unhandled op DEFER; key does not escape
func Getenv(key string) (value string, found bool) {
	envOnce.Do(copyenv)
	if len(key) == 0 {
		return "", false
	}

	envLock.RLock()
	defer envLock.RUnlock()

	i, ok := env[key]
	if !ok {
		return "", false
	}
	s := envs[i]
	for i := 0; i < len(s); i++ {
		if s[i] == '=' {
			return s[i+1:], true
		}
	}
	return "", false
}

// gc: cannot inline: unhandled op DEFER
func Environ() []string {
	envOnce.Do(copyenv)
	envLock.RLock()
	defer envLock.RUnlock()
	a := make([]string, 0, len(envs))
	for _, env := range envs {
		if env != "" {
			a = append(a, env)
		}
	}
	return a
}
