package main

func f(a int, b int {
}
