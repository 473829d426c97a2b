// A worker pool on sync and time: jobs on a channel, results collected under a mutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	id    int
	input int
}

type result struct {
	id      int
	output  int
	elapsed time.Duration
}

type collector struct {
	mu      sync.Mutex
	results []result
}

func (c *collector) add(r result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results = append(c.results, r)
}

func work(in int) int {
	sum := 0
	for i := 1; i <= in; i++ {
		sum += i * i
	}
	return sum
}

func worker(jobs <-chan job, c *collector, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		start := time.Now()
		out := work(j.input)
		c.add(result{j.id, out, time.Since(start)})
	}
}

func main() {
	jobs := make(chan job)
	c := &collector{}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go worker(jobs, c, &wg)
	}
	for i := 0; i < 20; i++ {
		jobs <- job{id: i, input: i * 10}
	}
	close(jobs)
	wg.Wait()
	total := 0
	for _, r := range c.results {
		total += r.output
	}
	fmt.Println(len(c.results), "results, total", total)
}
