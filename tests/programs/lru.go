// An LRU cache on container/list, with a map from keys to list elements.
package main

import (
	"container/list"
	"fmt"
	"strconv"
)

type entry struct {
	key   string
	value int
}

type LRU struct {
	cap   int
	order *list.List
	items map[string]*list.Element
}

func NewLRU(capacity int) *LRU {
	return &LRU{cap: capacity, order: list.New(), items: make(map[string]*list.Element)}
}

func (c *LRU) Get(key string) (int, bool) {
	el, ok := c.items[key]
	if !ok {
		return 0, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).value, true
}

func (c *LRU) Put(key string, value int) {
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.order.MoveToFront(el)
		return
	}
	el := c.order.PushFront(&entry{key, value})
	c.items[key] = el
	if c.order.Len() > c.cap {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

func (c *LRU) Keys() []string {
	keys := make([]string, 0, c.order.Len())
	for el := c.order.Front(); el != nil; el = el.Next() {
		keys = append(keys, el.Value.(*entry).key)
	}
	return keys
}

func main() {
	c := NewLRU(3)
	for i := 0; i < 5; i++ {
		c.Put("k"+strconv.Itoa(i), i*i)
	}
	if v, ok := c.Get("k3"); ok {
		fmt.Println("k3 =", v)
	}
	c.Put("k5", 25)
	fmt.Println(c.Keys())
}
