package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

type entry struct {
	word  string
	count int
}

func main() {
	counts := map[string]int{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		for _, w := range strings.Fields(sc.Text()) {
			counts[strings.ToLower(w)]++
		}
	}
	var es []entry
	for w, c := range counts {
		es = append(es, entry{w, c})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].count > es[j].count })
	for _, e := range es {
		fmt.Println(e.word, e.count)
	}
}
