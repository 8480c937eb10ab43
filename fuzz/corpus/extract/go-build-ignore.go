0//go:build ignore

package main

func main() { println("seed") }
