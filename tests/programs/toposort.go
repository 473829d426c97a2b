// toposort reads "target: dep dep ..." lines (a Makefile's rules, say)
// and prints a build order, breadth first (Kahn's algorithm on a
// container/list queue), or the cycle that prevents one.
package main

import (
	"bufio"
	"container/list"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

type Graph struct {
	deps  map[string][]string
	users map[string][]string
	nodes map[string]bool
}

type CycleError struct {
	Path []string
}

func (e CycleError) Error() string {
	return "cycle: " + strings.Join(e.Path, " -> ")
}

func NewGraph() *Graph {
	return &Graph{deps: map[string][]string{}, users: map[string][]string{}, nodes: map[string]bool{}}
}

func (g *Graph) AddRule(target string, deps []string) {
	g.nodes[target] = true
	for _, d := range deps {
		g.nodes[d] = true
		g.deps[target] = append(g.deps[target], d)
		g.users[d] = append(g.users[d], target)
	}
}

func (g *Graph) sortedNodes() []string {
	names := make([]string, 0, len(g.nodes))
	for n := range g.nodes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (g *Graph) Order() ([]string, error) {
	pending := make(map[string]int, len(g.nodes))
	queue := list.New()
	for _, n := range g.sortedNodes() {
		pending[n] = len(g.deps[n])
		if pending[n] == 0 {
			queue.PushBack(n)
		}
	}
	var order []string
	for queue.Len() > 0 {
		n := queue.Remove(queue.Front()).(string)
		order = append(order, n)
		users := append([]string(nil), g.users[n]...)
		sort.Strings(users)
		for _, u := range users {
			pending[u]--
			if pending[u] == 0 {
				queue.PushBack(u)
			}
		}
	}
	if len(order) < len(g.nodes) {
		return order, CycleError{g.findCycle(pending)}
	}
	return order, nil
}

// findCycle follows unfinished dependencies from an unfinished node until
// one repeats.
func (g *Graph) findCycle(pending map[string]int) []string {
	seen := map[string]int{}
	var path []string
	for _, n := range g.sortedNodes() {
		if pending[n] > 0 {
			for n != "" {
				if i, ok := seen[n]; ok {
					return append(path[i:], n)
				}
				seen[n] = len(path)
				path = append(path, n)
				next := ""
				for _, d := range g.deps[n] {
					if pending[d] > 0 {
						next = d
						break
					}
				}
				n = next
			}
		}
	}
	return path
}

func main() {
	g := NewGraph()
	sc := bufio.NewScanner(os.Stdin)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line, _, _ := strings.Cut(sc.Text(), "#")
		target, deps, ok := strings.Cut(line, ":")
		if !ok {
			if strings.TrimSpace(line) != "" {
				fmt.Fprintf(os.Stderr, "line %d: missing ':'\n", lineNo)
			}
			continue
		}
		g.AddRule(strings.TrimSpace(target), strings.Fields(deps))
	}
	order, err := g.Order()
	var cyc CycleError
	if errors.As(err, &cyc) {
		fmt.Fprintln(os.Stderr, err)
		fmt.Fprintf(os.Stderr, "(%d of %d targets ordered)\n", len(order), len(g.nodes))
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	for i, n := range order {
		fmt.Fprintf(w, "%3d %s\n", i+1, n)
	}
	w.Flush()
}
