// wait-first runs two probes and reports whichever answers first, then exits.
package main

import (
	"fmt"
	"time"
)

func probe(d time.Duration, out chan<- string, name string) {
	time.Sleep(d)
	out <- name
}

func main() {
	a, b := make(chan string), make(chan string)
	go probe(10*time.Millisecond, a, "a")
	go probe(20*time.Millisecond, b, "b")
	select {
	case n := <-a:
		fmt.Println(n)
	case n := <-b:
		fmt.Println(n)
	}
}
