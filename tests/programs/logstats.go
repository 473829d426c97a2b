// logstats reads an access log from stdin (or a file named on the command
// line) and prints, per path, the number of requests, the error rate and the
// mean and 95th-percentile latency.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

type record struct {
	when    time.Time
	method  string
	path    string
	status  int
	latency time.Duration
}

type pathStats struct {
	path      string
	count     int
	errors    int
	latencies []float64
}

var errShortLine = errors.New("short line")

// parseLine reads "2006-01-02T15:04:05Z GET /path 200 12ms".
func parseLine(line string) (record, error) {
	var r record
	fields := strings.Fields(line)
	if len(fields) < 5 {
		return r, fmt.Errorf("%q: %w", line, errShortLine)
	}
	t, err := time.Parse(time.RFC3339, fields[0])
	if err != nil {
		return r, err
	}
	status, err := strconv.Atoi(fields[3])
	if err != nil {
		return r, fmt.Errorf("bad status %q: %v", fields[3], err)
	}
	d, err := time.ParseDuration(fields[4])
	if err != nil {
		return r, err
	}
	r.when, r.method, r.path, r.status, r.latency = t, strings.ToUpper(fields[1]), fields[2], status, d
	return r, nil
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	rank := p / 100 * float64(len(sorted)-1)
	lo := int(math.Floor(rank))
	hi := int(math.Ceil(rank))
	frac := rank - float64(lo)
	return sorted[lo]*(1-frac) + sorted[hi]*frac
}

func mean(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

func collect(in io.Reader) (map[string]*pathStats, int, error) {
	stats := make(map[string]*pathStats)
	bad := 0
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := parseLine(line)
		if errors.Is(err, errShortLine) {
			bad++
			continue
		} else if err != nil {
			return nil, bad, err
		}
		s, ok := stats[r.path]
		if !ok {
			s = &pathStats{path: r.path}
			stats[r.path] = s
		}
		s.count++
		if r.status >= 500 {
			s.errors++
		}
		s.latencies = append(s.latencies, float64(r.latency)/float64(time.Millisecond))
	}
	return stats, bad, sc.Err()
}

func main() {
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		in = f
	}
	stats, bad, err := collect(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "logstats:", err)
		os.Exit(1)
	}
	list := make([]*pathStats, 0, len(stats))
	for _, s := range stats {
		sort.Float64s(s.latencies)
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].path < list[j].path
	})
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "%-20s %6s %6s %8s %8s\n", "path", "count", "err%", "mean", "p95")
	for _, s := range list {
		rate := 100 * float64(s.errors) / float64(s.count)
		fmt.Fprintf(w, "%-20s %6d %5.1f%% %8.2f %8.2f\n", s.path, s.count, rate, mean(s.latencies), percentile(s.latencies, 95))
	}
	if bad > 0 {
		fmt.Fprintf(w, "(%d short lines skipped)\n", bad)
	}
}
