// Shortest paths with container/heap.
package main

import (
	"container/heap"
	"fmt"
	"math"
)

type edge struct {
	to     int
	weight float64
}

type item struct {
	node int
	dist float64
}

type queue []item

func (q queue) Len() int            { return len(q) }
func (q queue) Less(i, j int) bool  { return q[i].dist < q[j].dist }
func (q queue) Swap(i, j int)       { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x interface{}) { *q = append(*q, x.(item)) }
func (q *queue) Pop() interface{} {
	old := *q
	n := len(old)
	it := old[n-1]
	*q = old[:n-1]
	return it
}

func shortest(graph [][]edge, src int) []float64 {
	dist := make([]float64, len(graph))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	dist[src] = 0
	q := &queue{{src, 0}}
	for q.Len() > 0 {
		cur := heap.Pop(q).(item)
		if cur.dist > dist[cur.node] {
			continue
		}
		for _, e := range graph[cur.node] {
			nd := cur.dist + e.weight
			if nd < dist[e.to] {
				dist[e.to] = nd
				heap.Push(q, item{e.to, nd})
			}
		}
	}
	return dist
}

func main() {
	graph := [][]edge{
		{{1, 4}, {2, 1}},
		{{3, 1}},
		{{1, 2}, {3, 5}},
		{},
	}
	for node, d := range shortest(graph, 0) {
		fmt.Printf("%d: %.1f\n", node, d)
	}
}
