// Model of package fmt for minigc: Errorf (src/fmt/errors.go), the real
// code. See print.go.

package fmt

import "errors"

// gc: cannot inline: too complex (cost 228); format does not escape; leaking param content: a
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	var err error
	if p.wrappedErr == nil {
		err = errors.New(s)
	} else {
		err = &wrapError{s, p.wrappedErr}
	}
	p.free()
	return err
}

type wrapError struct {
	msg string
	err error
}

// gc: can inline with cost 3; leaking param: e to result ~r0 level=1
func (e *wrapError) Error() string {
	return e.msg
}

// gc: can inline with cost 3; leaking param: e to result ~r0 level=1
func (e *wrapError) Unwrap() error {
	return e.err
}
