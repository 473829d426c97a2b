package main

import "nosuch/http"

func main() { _ = http.StatusOK }
