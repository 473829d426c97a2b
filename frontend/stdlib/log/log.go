// Model of package log for minigc: Go 1.19's src/log/log.go (Copyright The
// Go Authors; BSD-style license), code unchanged except that the time of a
// log line comes from the stand-in below instead of package time.
//
// test/inline_literal.go calls log.Fatalf. The package-level functions format
// with fmt.Sprintf (so the content of v leaks and format does not) and write
// through the standard Logger's io.Writer.
//
// "gc:" comments record what Go 1.19 says about the real functions
// (go build -gcflags=-m=2 log).

package log

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

const (
	Ldate         = 1 << iota     // the date in the local time zone: 2009/01/23
	Ltime                         // the time in the local time zone: 01:23:23
	Lmicroseconds                 // microsecond resolution: 01:23:23.123123.  assumes Ltime.
	Llongfile                     // full file name and line number: /a/b/c/d.go:23
	Lshortfile                    // final file name element and line number: d.go:23. overrides Llongfile
	LUTC                          // if Ldate or Ltime is set, use UTC rather than the local time zone
	Lmsgprefix                    // move the "prefix" from the beginning of the line to before the message
	LstdFlags     = Ldate | Ltime // initial values for the standard logger
)

type Logger struct {
	mu        sync.Mutex // ensures atomic writes; protects the following fields
	prefix    string     // prefix on each line to identify the logger (but see Lmsgprefix)
	flag      int        // properties
	out       io.Writer  // destination for output
	buf       []byte     // for accumulating text to write
	isDiscard int32      // atomic boolean: whether out == io.Discard
}

// gc: can inline with cost 22; leaking param: out; leaking param: prefix
func New(out io.Writer, prefix string, flag int) *Logger {
	l := &Logger{out: out, prefix: prefix, flag: flag}
	if out == io.Discard {
		l.isDiscard = 1
	}
	return l
}

// gc: cannot inline: unhandled op DEFER; leaking param: l; leaking param: w
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.out = w
	isDiscard := int32(0)
	if w == io.Discard {
		isDiscard = 1
	}
	atomic.StoreInt32(&l.isDiscard, isDiscard)
}

var std = New(os.Stderr, "", LstdFlags)

// gc: can inline with cost 2
func Default() *Logger { return std }

// gc: can inline with cost 63; leaking param content: buf
func itoa(buf *[]byte, i int, wid int) {
	var b [20]byte
	bp := len(b) - 1
	for i >= 10 || wid > 1 {
		wid--
		q := i / 10
		b[bp] = byte('0' + i - q*10)
		bp--
		i = q
	}
	b[bp] = byte('0' + i)
	*buf = append(*buf, b[bp:]...)
}

func (l *Logger) formatHeader(buf *[]byte, t clock, file string, line int) {
	if l.flag&Lmsgprefix == 0 {
		*buf = append(*buf, l.prefix...)
	}
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		if l.flag&LUTC != 0 {
			t = t.UTC()
		}
		if l.flag&Ldate != 0 {
			year, month, day := t.Date()
			itoa(buf, year, 4)
			*buf = append(*buf, '/')
			itoa(buf, int(month), 2)
			*buf = append(*buf, '/')
			itoa(buf, day, 2)
			*buf = append(*buf, ' ')
		}
		if l.flag&(Ltime|Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			itoa(buf, hour, 2)
			*buf = append(*buf, ':')
			itoa(buf, min, 2)
			*buf = append(*buf, ':')
			itoa(buf, sec, 2)
			if l.flag&Lmicroseconds != 0 {
				*buf = append(*buf, '.')
				itoa(buf, t.Nanosecond()/1e3, 6)
			}
			*buf = append(*buf, ' ')
		}
	}
	if l.flag&(Lshortfile|Llongfile) != 0 {
		if l.flag&Lshortfile != 0 {
			short := file
			for i := len(file) - 1; i > 0; i-- {
				if file[i] == '/' {
					short = file[i+1:]
					break
				}
			}
			file = short
		}
		*buf = append(*buf, file...)
		*buf = append(*buf, ':')
		itoa(buf, line, -1)
		*buf = append(*buf, ": "...)
	}
	if l.flag&Lmsgprefix != 0 {
		*buf = append(*buf, l.prefix...)
	}
}

// gc: cannot inline: unhandled op DEFER; leaking param: l; s does not escape
func (l *Logger) Output(calldepth int, s string) error {
	now := timeNow() // get this early.
	var file string
	var line int
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.flag&(Lshortfile|Llongfile) != 0 {
		l.mu.Unlock()
		var ok bool
		_, file, line, ok = runtime.Caller(calldepth)
		if !ok {
			file = "???"
			line = 0
		}
		l.mu.Lock()
	}
	l.buf = l.buf[:0]
	l.formatHeader(&l.buf, now, file, line)
	l.buf = append(l.buf, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		l.buf = append(l.buf, '\n')
	}
	_, err := l.out.Write(l.buf)
	return err
}

// gc: cannot inline: too complex (cost 131); format does not escape; leaking param content: v; leaking param: l
func (l *Logger) Printf(format string, v ...any) {
	if atomic.LoadInt32(&l.isDiscard) != 0 {
		return
	}
	l.Output(2, fmt.Sprintf(format, v...))
}

// gc: cannot inline: too complex (cost 130); leaking param content: v; leaking param: l
func (l *Logger) Print(v ...any) {
	if atomic.LoadInt32(&l.isDiscard) != 0 {
		return
	}
	l.Output(2, fmt.Sprint(v...))
}

// gc: cannot inline: too complex (cost 130); leaking param content: v; leaking param: l
func (l *Logger) Println(v ...any) {
	if atomic.LoadInt32(&l.isDiscard) != 0 {
		return
	}
	l.Output(2, fmt.Sprintln(v...))
}

// gc: cannot inline: too complex (cost 181); leaking param content: v; leaking param: l
func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// gc: cannot inline: too complex (cost 182); format does not escape; leaking param content: v; leaking param: l
func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// gc: cannot inline: too complex (cost 181); leaking param content: v; leaking param: l
func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// gc: cannot inline: too complex (cost 129); leaking param content: v; leaking param: l
func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.Output(2, s)
	panic(s)
}

// gc: cannot inline: too complex (cost 130); format does not escape; leaking param content: v; leaking param: l
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.Output(2, s)
	panic(s)
}

// gc: cannot inline: too complex (cost 129); leaking param content: v; leaking param: l
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.Output(2, s)
	panic(s)
}

// gc: cannot inline: unhandled op DEFER; leaking param: l
func (l *Logger) Flags() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.flag
}

// gc: cannot inline: unhandled op DEFER; leaking param: l
func (l *Logger) SetFlags(flag int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flag = flag
}

// gc: cannot inline: unhandled op DEFER; leaking param: l
func (l *Logger) Prefix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prefix
}

// gc: cannot inline: unhandled op DEFER; leaking param: l; leaking param: prefix
func (l *Logger) SetPrefix(prefix string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prefix = prefix
}

// gc: cannot inline: unhandled op DEFER; leaking param: l
func (l *Logger) Writer() io.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out
}

// gc: can inline with cost 61; leaking param: w
func SetOutput(w io.Writer) {
	std.SetOutput(w)
}

// gc: can inline with cost 61
func Flags() int {
	return std.Flags()
}

// gc: can inline with cost 61
func SetFlags(flag int) {
	std.SetFlags(flag)
}

// gc: can inline with cost 61
func Prefix() string {
	return std.Prefix()
}

// gc: can inline with cost 61; leaking param: prefix
func SetPrefix(prefix string) {
	std.SetPrefix(prefix)
}

// gc: can inline with cost 61
func Writer() io.Writer {
	return std.Writer()
}

// gc: cannot inline: too complex (cost 130); leaking param content: v
func Print(v ...any) {
	if atomic.LoadInt32(&std.isDiscard) != 0 {
		return
	}
	std.Output(2, fmt.Sprint(v...))
}

// gc: cannot inline: too complex (cost 131); format does not escape; leaking param content: v
func Printf(format string, v ...any) {
	if atomic.LoadInt32(&std.isDiscard) != 0 {
		return
	}
	std.Output(2, fmt.Sprintf(format, v...))
}

// gc: cannot inline: too complex (cost 130); leaking param content: v
func Println(v ...any) {
	if atomic.LoadInt32(&std.isDiscard) != 0 {
		return
	}
	std.Output(2, fmt.Sprintln(v...))
}

// gc: cannot inline: too complex (cost 181); leaking param content: v
func Fatal(v ...any) {
	std.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// gc: cannot inline: too complex (cost 182); format does not escape; leaking param content: v
func Fatalf(format string, v ...any) {
	std.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// gc: cannot inline: too complex (cost 181); leaking param content: v
func Fatalln(v ...any) {
	std.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// gc: cannot inline: too complex (cost 129); leaking param content: v
func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.Output(2, s)
	panic(s)
}

// gc: cannot inline: too complex (cost 130); format does not escape; leaking param content: v
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.Output(2, s)
	panic(s)
}

// gc: cannot inline: too complex (cost 129); leaking param content: v
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.Output(2, s)
	panic(s)
}

// gc: can inline with cost 65; s does not escape
func Output(calldepth int, s string) error {
	return std.Output(calldepth+1, s) // +1 for this frame.
}

// clock stands for time.Time: the date and time of a log line.
type clock struct {
	year, month, day int
	hour, min, sec   int
	nsec             int
}

func (t clock) Date() (year, month, day int) { return t.year, t.month, t.day }

func (t clock) Clock() (hour, min, sec int) { return t.hour, t.min, t.sec }

func (t clock) Nanosecond() int { return t.nsec }

func (t clock) UTC() clock { return t }

// timeNow stands for time.Now.
func timeNow() clock
