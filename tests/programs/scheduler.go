// scheduler runs jobs at their due times from a priority queue
// (container/heap), with a pool of workers and a deadline (context).
package main

import (
	"container/heap"
	"context"
	"fmt"
	"sync"
	"time"
)

type Job struct {
	Name  string
	Due   time.Time
	Tries int
	index int
}

type jobQueue []*Job

func (q jobQueue) Len() int           { return len(q) }
func (q jobQueue) Less(i, j int) bool { return q[i].Due.Before(q[j].Due) }
func (q jobQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}

func (q *jobQueue) Push(x any) {
	j := x.(*Job)
	j.index = len(*q)
	*q = append(*q, j)
}

func (q *jobQueue) Pop() any {
	old := *q
	n := len(old)
	j := old[n-1]
	old[n-1] = nil
	j.index = -1
	*q = old[:n-1]
	return j
}

type Scheduler struct {
	mu    sync.Mutex
	queue jobQueue
	wake  chan struct{}
}

func NewScheduler() *Scheduler {
	return &Scheduler{wake: make(chan struct{}, 1)}
}

func (s *Scheduler) Add(name string, after time.Duration) {
	s.mu.Lock()
	heap.Push(&s.queue, &Job{Name: name, Due: time.Now().Add(after)})
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// next waits for the earliest job to fall due and hands it out.
func (s *Scheduler) next(ctx context.Context) (*Job, error) {
	for {
		s.mu.Lock()
		var wait time.Duration = time.Hour
		if len(s.queue) > 0 {
			wait = time.Until(s.queue[0].Due)
			if wait <= 0 {
				j := heap.Pop(&s.queue).(*Job)
				s.mu.Unlock()
				return j, nil
			}
		}
		s.mu.Unlock()
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-s.wake:
			timer.Stop()
		case <-timer.C:
		}
	}
}

func (s *Scheduler) Run(ctx context.Context, workers int, do func(*Job) error) []string {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var log []string
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for {
				j, err := s.next(ctx)
				if err != nil {
					return
				}
				j.Tries++
				if err := do(j); err != nil && j.Tries < 3 {
					s.Add(j.Name, 5*time.Millisecond)
					continue
				}
				mu.Lock()
				log = append(log, fmt.Sprintf("worker %d: %s after %d tries", id, j.Name, j.Tries))
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	return log
}

func main() {
	s := NewScheduler()
	for i, d := range []time.Duration{30, 10, 20, 5, 15} {
		s.Add(fmt.Sprintf("job%d", i), d*time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	flaky := map[string]bool{"job2": true}
	log := s.Run(ctx, 3, func(j *Job) error {
		if flaky[j.Name] && j.Tries < 2 {
			return fmt.Errorf("%s failed", j.Name)
		}
		return nil
	})
	for _, line := range log {
		fmt.Println(line)
	}
}
