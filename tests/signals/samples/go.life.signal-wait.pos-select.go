// watcher starts its background workers and then blocks forever.
package main

import (
	"log"
	"time"
)

func poll(name string) {
	for range time.Tick(time.Second) {
		log.Println("poll", name)
	}
}

func main() {
	go poll("a")
	go poll("b")
	select {}
}
