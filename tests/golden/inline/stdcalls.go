// flags: -m=2
// Calls into the standard library inlined as gc inlines them.
package p

import (
	"errors"
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

var mu sync.Mutex
var n int32

func locked() {
	mu.Lock()
	n++
	mu.Unlock()
}

func rot(x uint64) uint64 { return bits.RotateLeft64(x, 3) }

func add() int32 { return atomic.AddInt32(&n, 1) }

func mkerr() error { return errors.New("x") }

func has(s string) bool { return strings.Contains(s, "a") }

func runes(s string) int { return utf8.RuneCountInString(s) }

func once(o *sync.Once, f func()) { o.Do(f) }
