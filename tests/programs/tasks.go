// tasks is a to-do list kept in a JSON file: add, done, list.
//
//	tasks add "write report" 2
//	tasks done 3
//	tasks list
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Task struct {
	ID       int        `json:"id"`
	Title    string     `json:"title"`
	Priority int        `json:"priority,omitempty"`
	Created  time.Time  `json:"created"`
	Done     *time.Time `json:"done,omitempty"`
}

type Store struct {
	NextID int     `json:"next_id"`
	Tasks  []*Task `json:"tasks"`
}

const storeFile = "tasks.json"

func load(path string) (*Store, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Store{NextID: 1}, nil
	}
	if err != nil {
		return nil, err
	}
	var s Store
	if err := json.Unmarshal(data, &s); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s: syntax error at byte %d", path, se.Offset)
		}
		return nil, err
	}
	return &s, nil
}

func (s *Store) save(path string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func (s *Store) add(title string, prio int) *Task {
	t := &Task{ID: s.NextID, Title: title, Priority: prio, Created: time.Now()}
	s.NextID++
	s.Tasks = append(s.Tasks, t)
	return t
}

func (s *Store) find(id int) (*Task, bool) {
	for _, t := range s.Tasks {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}

func (s *Store) list() []*Task {
	open := make([]*Task, 0, len(s.Tasks))
	for _, t := range s.Tasks {
		if t.Done == nil {
			open = append(open, t)
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		return open[i].Priority > open[j].Priority
	})
	return open
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: tasks add TITLE [PRIORITY] | done ID | list")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	s, err := load(storeFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	switch os.Args[1] {
	case "add":
		if len(os.Args) < 3 {
			usage()
		}
		prio := 0
		if len(os.Args) > 3 {
			if prio, err = strconv.Atoi(os.Args[3]); err != nil {
				usage()
			}
		}
		t := s.add(strings.TrimSpace(os.Args[2]), prio)
		fmt.Printf("added #%d\n", t.ID)
	case "done":
		id, err := strconv.Atoi(os.Args[len(os.Args)-1])
		if err != nil {
			usage()
		}
		t, ok := s.find(id)
		if !ok {
			fmt.Fprintf(os.Stderr, "no task #%d\n", id)
			os.Exit(1)
		}
		now := time.Now()
		t.Done = &now
	case "list":
		for _, t := range s.list() {
			age := time.Since(t.Created).Round(time.Minute)
			fmt.Printf("#%-3d p%d %-30s %v\n", t.ID, t.Priority, t.Title, age)
		}
		return
	default:
		usage()
	}
	if err := s.save(storeFile); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
