// flags: -m
package p

// Two packages named rand are imported, and runtime's export data mentions
// runtime/internal/atomic: gc writes the quoted path for both names. strings
// shares its name with none.
import (
	crand "crypto/rand"
	"math/rand"
	"runtime"
	"strings"
	"sync/atomic"
)

var v atomic.Value

func F(b []byte) int {
	crand.Read(b)
	return rand.Intn(10) + runtime.NumCPU()
}

func G() any {
	w := new(atomic.Value)
	w.Store(1)
	return v.Load()
}

func H(s string) bool { return strings.HasPrefix(s, "x") }
