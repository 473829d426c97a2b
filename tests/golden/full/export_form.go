// flags: -m
// A body inlined from another package comes from export data: gc prints
// its locals qualified by their package (strings.b, sort.x), its constants
// as typed values (int(2), string("...")) and its implicit conversions to
// interfaces written out (sort.Interface(...), (interface {})(...)).
package p

import (
	"sort"
	"strings"
)

func f(x []string) {
	sort.Strings(x)
}

func g(n int) string {
	var b strings.Builder
	b.Grow(n)
	return b.String()
}

func h() int { return len("abc") * 2 }
