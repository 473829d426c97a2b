package main

var s = "hello
