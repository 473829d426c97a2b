// A token-bucket rate limiter with time and context.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Limiter struct {
	mu     sync.Mutex
	tokens float64
	max    float64
	rate   float64
	last   time.Time
}

func NewLimiter(perSecond float64, burst int) *Limiter {
	return &Limiter{tokens: float64(burst), max: float64(burst), rate: perSecond, last: time.Now()}
}

func (l *Limiter) refill(now time.Time) {
	elapsed := now.Sub(l.last).Seconds()
	l.tokens += elapsed * l.rate
	if l.tokens > l.max {
		l.tokens = l.max
	}
	l.last = now
}

func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refill(time.Now())
	if l.tokens >= 1 {
		l.tokens--
		return true
	}
	return false
}

func (l *Limiter) Wait(ctx context.Context) error {
	for {
		if l.Allow() {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func main() {
	l := NewLimiter(50, 5)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	n := 0
	for {
		if err := l.Wait(ctx); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				fmt.Println("deadline after", n, "requests")
			}
			break
		}
		n++
	}
}
