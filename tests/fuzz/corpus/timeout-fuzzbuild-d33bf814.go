package main

// A failed import is reported once; its uses are not errors of their own,
// as gc treats a package it could not import.
import (
	"net/http"
	"nosuch/pkg"
)

var client http.Client

func main() {
	r, err := http.Get("x")
	_, _ = r, err
}
