// flags: -m -l
// Maps and channels: keys, values and sent values go to the heap.
package p

func mapPut(m map[*int]*int, k, v *int) {
	m[k] = v
}

func mapLit() map[string]int {
	return map[string]int{"a": 1}
}

func mapLocal() int {
	m := make(map[int]int)
	m[1] = 2
	return m[1]
}

func send(c chan *int, p *int) {
	c <- p
}

func sel(c chan *int, d chan int) *int {
	select {
	case p := <-c:
		return p
	case d <- 1:
	}
	return nil
}
