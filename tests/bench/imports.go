// The program `make bench` compiles to time imports (tests/bench_imports.sh):
// about 150 lines of ordinary code on fmt, strings, sort, strconv, time and os.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

type entry struct {
	word  string
	count int
	first time.Duration
}

type byCount []*entry

func (b byCount) Len() int      { return len(b) }
func (b byCount) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b byCount) Less(i, j int) bool {
	if b[i].count != b[j].count {
		return b[i].count > b[j].count
	}
	return b[i].word < b[j].word
}

type stats struct {
	start   time.Time
	entries map[string]*entry
	lines   int
	numbers []float64
}

func newStats() *stats {
	return &stats{start: time.Now(), entries: make(map[string]*entry)}
}

func (s *stats) addLine(line string) {
	s.lines++
	for _, f := range strings.Fields(line) {
		w := strings.ToLower(strings.Trim(f, ".,;:!?\"'()"))
		if w == "" {
			continue
		}
		if v, err := strconv.ParseFloat(w, 64); err == nil {
			s.numbers = append(s.numbers, v)
			continue
		}
		e, ok := s.entries[w]
		if !ok {
			e = &entry{word: w, first: time.Since(s.start)}
			s.entries[w] = e
		}
		e.count++
	}
}

func (s *stats) top(n int) []*entry {
	all := make(byCount, 0, len(s.entries))
	for _, e := range s.entries {
		all = append(all, e)
	}
	sort.Sort(all)
	if len(all) > n {
		all = all[:n]
	}
	return all
}

func (s *stats) median() (float64, bool) {
	if len(s.numbers) == 0 {
		return 0, false
	}
	xs := append([]float64(nil), s.numbers...)
	sort.Float64s(xs)
	m := len(xs) / 2
	if len(xs)%2 == 0 {
		return (xs[m-1] + xs[m]) / 2, true
	}
	return xs[m], true
}

func pad(s string, width int) string {
	if len(s) >= width {
		return s
	}
	return s + strings.Repeat(" ", width-len(s))
}

func report(s *stats, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d lines, %d distinct words\n", s.lines, len(s.entries))
	for i, e := range s.top(n) {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(pad(e.word, 12))
		b.WriteString(strconv.Itoa(e.count))
		b.WriteByte('\n')
	}
	if m, ok := s.median(); ok {
		b.WriteString("median number: " + strconv.FormatFloat(m, 'g', -1, 64) + "\n")
	}
	return b.String()
}

func parseLimit(args []string) (int, error) {
	if len(args) < 2 {
		return 10, nil
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		return 0, fmt.Errorf("bad limit %q: %w", args[1], err)
	}
	if n <= 0 {
		return 0, fmt.Errorf("limit must be positive, not %d", n)
	}
	return n, nil
}

func keys(m map[string]*entry) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var sample = []string{
	"The quick brown fox jumps over the lazy dog.",
	"A dog, a cat and 3 mice; 1.5 kilos of cheese.",
	"The fox is quick; the dog is lazy: 42 naps a day.",
}

func main() {
	n, err := parseLimit(os.Args)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	s := newStats()
	for _, line := range sample {
		s.addLine(line)
	}
	fmt.Print(report(s, n))
	fmt.Println(strings.Join(keys(s.entries), ","))
	elapsed := time.Since(s.start).Round(time.Millisecond)
	fmt.Printf("took %v (%s)\n", elapsed, os.Getenv("USER"))
}
