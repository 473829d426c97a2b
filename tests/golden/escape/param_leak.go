// flags: -m -l
// Parameters: leaking to the heap, to a result (with its deref level),
// their content only, or not at all.
package p

var sink *int

func toHeap(p *int)            { sink = p }
func toResult(p *int) *int     { return p }
func content(pp **int)         { sink = *pp }
func toResult1(pp **int) *int  { return *pp }
func nowhere(p *int) int       { return *p }
func unnamed(*int)             {}
func twoResults(p, q *int) (a, b *int) { return q, p }
