package main

var r = 'ab'
