// Model of package errors for minigc, after Go 1.19's src/errors
// (Copyright The Go Authors; BSD-style license, see Go's LICENSE).
//
// New and errorString are the real code: New is small enough for gc to
// inline, so a caller's -m output shows the allocation &errorString{...}
// under that name. Unwrap is the real code too. Is and As are not modelled.
//
// Each function carries, in a "gc:" comment, what Go 1.19's compiler says
// about the real one (go build -gcflags=-m=2 errors): whether it can be
// inlined and at what cost, and its parameters' escape tags.

package errors

// gc: can inline with cost 6; leaking param: text
func New(text string) error {
	return &errorString{text}
}

// errorString is a trivial implementation of error.
type errorString struct {
	s string
}

// gc: can inline with cost 3; leaking param: e to result ~r0 level=1
func (e *errorString) Error() string {
	return e.s
}

// gc: can inline with cost 75; leaking param: err
func Unwrap(err error) error {
	u, ok := err.(interface {
		Unwrap() error
	})
	if !ok {
		return nil
	}
	return u.Unwrap()
}
