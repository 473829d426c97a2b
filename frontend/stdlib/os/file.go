// Model of package os for minigc, after Go 1.19's src/os for linux
// (Copyright The Go Authors; BSD-style license).
//
// Files and the standard streams, the environment, the arguments and Exit:
// what fmt, log and Go's escape tests (test/escape_slice.go: os.Environ)
// use. The exported functions are the real code, except where the real one
// goes through packages minigc does not model: a file keeps its descriptor
// instead of an internal/poll.FD and writes with syscall.Write (both keep
// the buffer from escaping), NewFile asks the kernel about non-blocking mode
// through one body-less call, and Getenv reports to the test logger through
// an interface, which is why its key leaks. The escape tags and inlining
// verdicts of the exported functions are the real ones.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 os); internal stand-ins that behave differently
// from the real function of the same name carry none.

package os

import (
	"errors"
	"internal/unsafeheader"
	"io"
	"runtime"
	"syscall"
	"unsafe"
)

// Portable analogs of some common system call errors (io/fs's, in the real
// package).
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// PathError records an error and the operation and file path that caused it.
// (In the real package it is an alias of io/fs.PathError.)
type PathError struct {
	Op   string
	Path string
	Err  error
}

// gc (io/fs): can inline with cost 69; leaking param content: e
func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

// gc (io/fs): can inline with cost 3; leaking param: e to result ~r0 level=1
func (e *PathError) Unwrap() error { return e.Err }

// File represents an open file descriptor.
type File struct {
	*file // os specific
}

// file is the real representation of an *File.
type file struct {
	sysfd       int
	name        string
	nonblock    bool // whether we set nonblocking mode
	stdoutOrErr bool // whether this is stdout or stderr
	appendMode  bool // whether file is opened for appending
}

// Stdin, Stdout, and Stderr are open Files pointing to the standard input,
// standard output, and standard error file descriptors.
var (
	Stdin  = NewFile(uintptr(syscall.Stdin), "/dev/stdin")
	Stdout = NewFile(uintptr(syscall.Stdout), "/dev/stdout")
	Stderr = NewFile(uintptr(syscall.Stderr), "/dev/stderr")
)

// gc: can inline with cost 4; leaking param: f to result ~r0 level=2
func (f *File) Name() string { return f.name }

// gc: cannot inline: too complex (cost 142); b does not escape; leaking param content: f
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	n, e := f.read(b)
	return n, f.wrapErr("read", e)
}

// gc: cannot inline: too complex (cost 235); b does not escape; leaking param content: f
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	n, e := f.write(b)
	if n < 0 {
		n = 0
	}
	if n != len(b) {
		err = io.ErrShortWrite
	}

	epipecheck(f, e)

	if e != nil {
		err = f.wrapErr("write", e)
	}

	return n, err
}

// gc: cannot inline: too complex (cost 97); leaking param content: f; leaking param: s
func (f *File) WriteString(s string) (n int, err error) {
	var b []byte
	hdr := (*unsafeheader.Slice)(unsafe.Pointer(&b))
	hdr.Data = (*unsafeheader.String)(unsafe.Pointer(&s)).Data
	hdr.Cap = len(s)
	hdr.Len = len(s)
	return f.Write(b)
}

// gc: can inline with cost 68; leaking param content: f
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	return f.file.close()
}

// gc: can inline with cost 8; f does not escape; op does not escape
func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	return nil
}

func (f *File) wrapErr(op string, err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	return &PathError{Op: op, Path: f.name, Err: err}
}

func (f *File) read(b []byte) (n int, err error) {
	n, err = syscall.Read(f.sysfd, b)
	runtime.KeepAlive(f)
	return n, err
}

func (f *File) write(b []byte) (n int, err error) {
	n, err = syscall.Write(f.sysfd, b)
	runtime.KeepAlive(f)
	return n, err
}

// gc: cannot inline: too complex (cost 250); leaking param: file
func (file *file) close() error {
	if file == nil {
		return syscall.EINVAL
	}
	var err error
	if e := syscall.Close(file.sysfd); e != nil {
		err = &PathError{Op: "close", Path: file.name, Err: e}
	}

	// no need for a finalizer anymore
	runtime.SetFinalizer(file, nil)
	return err
}

// gc: can inline with cost 67; e does not escape; file does not escape
func epipecheck(file *File, e error) {
	if e == syscall.EPIPE && file.stdoutOrErr {
		sigpipe()
	}
}

// sigpipe is implemented in package runtime.
// gc: cannot inline: no function body
func sigpipe()

type newFileKind int

const (
	kindNewFile newFileKind = iota
	kindOpenFile
	kindPipe
	kindNonBlock
)

// gc: cannot inline: too complex (cost 145); leaking param: name
func NewFile(fd uintptr, name string) *File {
	kind := kindNewFile
	if nb, err := isNonblock(int(fd)); err == nil && nb {
		kind = kindNonBlock
	}
	return newFile(fd, name, kind)
}

// isNonblock stands for internal/syscall/unix.IsNonblock.
func isNonblock(fd int) (nonblocking bool, err error)

// gc: cannot inline: too complex (cost 275); leaking param: name
func newFile(fd uintptr, name string, kind newFileKind) *File {
	fdi := int(fd)
	if fdi < 0 {
		return nil
	}
	f := &File{&file{
		sysfd:       fdi,
		name:        name,
		stdoutOrErr: fdi == 1 || fdi == 2,
	}}
	if kind == kindNonBlock {
		f.nonblock = true
	}
	runtime.SetFinalizer(f.file, (*file).close)
	return f
}
