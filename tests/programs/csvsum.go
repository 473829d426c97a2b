// Sums columns of comma-separated numbers read with bufio and strconv.
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

type stats struct {
	count    int
	sum, min float64
	max      float64
}

func (s *stats) add(v float64) {
	if s.count == 0 {
		s.min, s.max = v, v
	}
	s.count++
	s.sum += v
	s.min = math.Min(s.min, v)
	s.max = math.Max(s.max, v)
}

func (s stats) String() string {
	if s.count == 0 {
		return "empty"
	}
	return fmt.Sprintf("n=%d sum=%g mean=%.3f min=%g max=%g", s.count, s.sum, s.sum/float64(s.count), s.min, s.max)
}

func readColumns(sc *bufio.Scanner) ([]stats, []error) {
	var cols []stats
	var errs []error
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		for i, field := range strings.Split(text, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
			if err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", line, err))
				continue
			}
			for len(cols) <= i {
				cols = append(cols, stats{})
			}
			cols[i].add(v)
		}
	}
	return cols, errs
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	cols, errs := readColumns(sc)
	for i, c := range cols {
		fmt.Println("column", i, c)
	}
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
}
