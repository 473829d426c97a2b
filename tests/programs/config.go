// A JSON config reader: decode, validate, fill defaults.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Server struct {
	Host    string `json:"host"`
	Port    int    `json:"port"`
	Timeout string `json:"timeout"`
}

type Config struct {
	Name    string            `json:"name"`
	Servers []Server          `json:"servers"`
	Labels  map[string]string `json:"labels"`
	Debug   bool              `json:"debug"`
}

func parse(data []byte) (*Config, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if c.Name == "" {
		return nil, errors.New("config: missing name")
	}
	for i := range c.Servers {
		s := &c.Servers[i]
		if s.Port == 0 {
			s.Port = 8080
		}
		if s.Timeout == "" {
			s.Timeout = "5s"
		}
		if _, err := time.ParseDuration(s.Timeout); err != nil {
			return nil, fmt.Errorf("server %s: %v", s.Host, err)
		}
	}
	return &c, nil
}

const sample = `{"name": "demo", "servers": [{"host": "a.example", "port": 0}, {"host": "b.example", "timeout": "2s"}], "labels": {"env": "test"}}`

func main() {
	data := []byte(sample)
	if len(os.Args) > 1 {
		b, err := os.ReadFile(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		data = b
	}
	c, err := parse(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var names []string
	for _, s := range c.Servers {
		names = append(names, fmt.Sprintf("%s:%d", s.Host, s.Port))
	}
	fmt.Println(c.Name, strings.Join(names, ","), c.Labels["env"])
}
