// flags: -m=2 -l
// Multi-value calls go through temporaries, as gc's type checker makes
// them: f(g()) and return g().
package p

func two(p, q *int) (*int, *int) { return q, p }

func first(a, b *int) *int { return a }

func spread(p, q *int) *int {
	return first(two(p, q))
}

func forward(p, q *int) (*int, *int) {
	return two(p, q)
}
