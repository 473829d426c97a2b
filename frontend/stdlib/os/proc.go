// Model of package os for minigc: the process (src/os/proc.go, env.go).
// See file.go.

package os

import "syscall"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = runtime_args()
}

// gc: cannot inline: no function body
func runtime_args() []string // in package runtime

// testlogInterface stands for internal/testlog's Interface: os reports
// every environment lookup to the test logger, through an interface.
type testlogInterface interface {
	Getenv(key string)
}

var testlogger testlogInterface

// gc: cannot inline: too complex (cost 127); leaking param: key
func Getenv(key string) string {
	if l := testlogger; l != nil {
		l.Getenv(key)
	}
	v, _ := syscall.Getenv(key)
	return v
}

// gc: can inline with cost 60
func Environ() []string {
	return syscall.Environ()
}

// gc: cannot inline: too complex (cost 186)
func Exit(code int) {
	// Inform the runtime that os.Exit is being called. If -race is
	// enabled, this will give race detector a chance to fail the
	// program (racy programs do not have the right to finish
	// successfully). If coverage is enabled, then this call will
	// enable us to write out a coverage data file.
	runtime_beforeExit()

	// See docs in file_unix.go
	syscall.Exit(code)
}

// gc: cannot inline: no function body
func runtime_beforeExit() // implemented in runtime
