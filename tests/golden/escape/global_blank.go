// flags: -m -l
// Package-level `var _ = v`: gc drops it when v has no effects; otherwise a
// literal is laid out statically as for a named variable, anything else
// is assigned to _ in init (discarded). []rune(s) of a variable allocates.
package p

type T *interface{ m() int }
type S struct{ p *int }
type I interface{ String() string }

var x T
var y interface{ m() int }
var z *struct{ I }
var s string = "abc"
var n int

func f() int { return 1 }

var _ = (*x).m                        // a dereference: kept, into _
var _ = y.m                           // an interface method value: kept
var _ = z.String                      // through a pointer: kept
var _ = map[string]*S{"a": {}}        // no effects: dropped
var _ = []*int{&n}                    // dropped
var _ interface{} = S{&n}             // dropped
var _ = []int{f()}                    // a call: kept
var _ = func() int { return n }       // a func literal: kept
var _ = make(map[int]int)             // dropped
var _ = make(map[int]int, n)          // kept
var _ = []byte(s)                     // dropped
var r = []rune(s)                     // allocates at init time
var b = []byte(s + "x")
var _ = n / 2                         // dropped
var _ = 10 / (n + 1)                  // kept (may divide by zero)
