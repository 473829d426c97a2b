// flags: -m
package p

// runtime/internal/atomic is in no export data but runtime's, and crypto/rand
// is not imported: sync/atomic and math/rand are named by their names.
import (
	"math/rand"
	"sync"
	"sync/atomic"
)

var v atomic.Value
var mu sync.Mutex

func F() int { return rand.Intn(10) }

func G() any {
	mu.Lock()
	defer mu.Unlock()
	return v.Load()
}
