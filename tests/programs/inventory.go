// inventory keeps stock levels for a small shop, safe for concurrent use,
// and reports failed orders with typed errors (errors.Is and errors.As).
package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

var ErrUnknownItem = errors.New("unknown item")

type StockError struct {
	Item      string
	Have, Want int
}

func (e *StockError) Error() string {
	return fmt.Sprintf("not enough %s: have %d, want %d", e.Item, e.Have, e.Want)
}

type Inventory struct {
	mu     sync.Mutex
	stock  map[string]int
	prices map[string]float64
	sold   map[string]int
}

func NewInventory() *Inventory {
	return &Inventory{
		stock:  map[string]int{},
		prices: map[string]float64{},
		sold:   map[string]int{},
	}
}

func (inv *Inventory) Add(item string, qty int, price float64) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.stock[item] += qty
	inv.prices[item] = price
}

func (inv *Inventory) Order(item string, qty int) (float64, error) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	have, ok := inv.stock[item]
	if !ok {
		return 0, fmt.Errorf("order %s: %w", item, ErrUnknownItem)
	}
	if have < qty {
		return 0, &StockError{Item: item, Have: have, Want: qty}
	}
	inv.stock[item] = have - qty
	inv.sold[item] += qty
	return float64(qty) * inv.prices[item], nil
}

func (inv *Inventory) Report() string {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	names := make([]string, 0, len(inv.stock))
	for name := range inv.stock {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%-8s left %3d sold %3d\n", name, inv.stock[name], inv.sold[name])
	}
	return b.String()
}

type order struct {
	item string
	qty  int
}

func main() {
	inv := NewInventory()
	inv.Add("apple", 50, 0.4)
	inv.Add("pear", 20, 0.55)
	inv.Add("plum", 5, 0.3)

	orders := []order{{"apple", 10}, {"pear", 25}, {"kiwi", 1}, {"plum", 5}, {"apple", 45}, {"plum", 1}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total float64
	var failures []error
	for _, o := range orders {
		wg.Add(1)
		go func(o order) {
			defer wg.Done()
			cost, err := inv.Order(o.item, o.qty)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failures = append(failures, err)
				return
			}
			total += cost
		}(o)
	}
	wg.Wait()

	unknown, short := 0, 0
	for _, err := range failures {
		var se *StockError
		switch {
		case errors.Is(err, ErrUnknownItem):
			unknown++
		case errors.As(err, &se):
			short++
			fmt.Fprintf(os.Stderr, "short by %d: %v\n", se.Want-se.Have, se)
		default:
			fmt.Fprintln(os.Stderr, "unexpected:", err)
		}
	}
	fmt.Print(inv.Report())
	fmt.Printf("revenue %.2f, %d unknown, %d short\n", total, unknown, short)
	if unknown+short > 0 {
		os.Exit(1)
	}
}
