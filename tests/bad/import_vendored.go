package main

import "golang.org/x/net/dns/dnsmessage"

func main() { _ = dnsmessage.TypeA }
