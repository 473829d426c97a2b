// calc is a line-oriented calculator: numbers, + - * /, parentheses,
// variables (x = 2*pi) and a few functions of package math.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
)

type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("col %d: %s", e.Pos+1, e.Msg) }

var errDivZero = errors.New("division by zero")

type parser struct {
	src  string
	pos  int
	vars map[string]float64
}

var funcs = map[string]func(float64) float64{
	"sqrt": math.Sqrt, "sin": math.Sin, "cos": math.Cos, "ln": math.Log, "abs": math.Abs,
}

func (p *parser) peek() byte {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// expr = term { ("+"|"-") term }
func (p *parser) expr() (float64, error) {
	x, err := p.term()
	for err == nil && (p.peek() == '+' || p.peek() == '-') {
		op := p.src[p.pos]
		p.pos++
		var y float64
		if y, err = p.term(); op == '+' {
			x += y
		} else {
			x -= y
		}
	}
	return x, err
}

// term = unary { ("*"|"/") unary }
func (p *parser) term() (float64, error) {
	x, err := p.unary()
	for err == nil && (p.peek() == '*' || p.peek() == '/') {
		op := p.src[p.pos]
		p.pos++
		y, e := p.unary()
		switch {
		case e != nil:
			err = e
		case op == '*':
			x *= y
		case y == 0:
			err = errDivZero
		default:
			x /= y
		}
	}
	return x, err
}

func (p *parser) unary() (float64, error) {
	switch c := p.peek(); {
	case c == '-':
		p.pos++
		x, err := p.unary()
		return -x, err
	case c == '(':
		p.pos++
		x, err := p.expr()
		if err == nil && p.peek() != ')' {
			return 0, &SyntaxError{p.pos, "missing )"}
		}
		p.pos++
		return x, err
	case c >= '0' && c <= '9' || c == '.':
		start := p.pos
		for p.pos < len(p.src) && strings.IndexByte("0123456789.e", p.src[p.pos]) >= 0 {
			p.pos++
		}
		return strconv.ParseFloat(p.src[start:p.pos], 64)
	case unicode.IsLetter(rune(c)):
		start := p.pos
		for p.pos < len(p.src) && unicode.IsLetter(rune(p.src[p.pos])) {
			p.pos++
		}
		name := p.src[start:p.pos]
		if f, ok := funcs[name]; ok {
			x, err := p.unary()
			return f(x), err
		}
		if v, ok := p.vars[name]; ok {
			return v, nil
		}
		return 0, &SyntaxError{start, "unknown name " + strconv.Quote(name)}
	}
	return 0, &SyntaxError{p.pos, "unexpected input"}
}

func main() {
	vars := map[string]float64{"pi": math.Pi, "e": math.E}
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		line := in.Text()
		name := ""
		if i := strings.Index(line, "="); i > 0 {
			name, line = strings.TrimSpace(line[:i]), line[i+1:]
		}
		p := &parser{src: line, vars: vars}
		v, err := p.expr()
		if err == nil && p.peek() != 0 {
			err = &SyntaxError{p.pos, "trailing input"}
		}
		var se *SyntaxError
		switch {
		case errors.As(err, &se):
			fmt.Printf("%s\n%*s^ %s\n", line, se.Pos, "", se.Msg)
		case err != nil:
			fmt.Println("error:", err)
		case name != "":
			vars[name] = v
		default:
			fmt.Println(strconv.FormatFloat(v, 'g', 12, 64))
		}
	}
}
