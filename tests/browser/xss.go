// xss.go - source text that tries to break out of the page: the browser
// test loads this function's page and expects the literal as plain text,
// no alert, one script element.
package main

var sink interface{}

func hostile() {
	// <b>not bold</b> & "quoted" 'single'
	s := "</script><script>alert(1)</script>"
	sink = &s
}

func main() { hostile() }
