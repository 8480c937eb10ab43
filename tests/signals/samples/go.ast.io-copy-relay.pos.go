// tcprelay forwards every client connection to the upstream and copies both ways.
package main

import (
	"io"
	"log"
	"net"
)

// relay copies until either side fails and reports the first error.
func relay(client net.Conn, target string) {
	defer client.Close()
	upstream, err := net.Dial("tcp", target)
	if err != nil {
		log.Printf("dial %s: %v", target, err)
		return
	}
	defer upstream.Close()
	errc := make(chan error, 2)
	go func() {
		_, err := io.Copy(upstream, client)
		errc <- err
	}()
	go func() {
		io.Copy(client, upstream)
		errc <- nil
	}()
	if err := <-errc; err != nil {
		log.Printf("relay: %v", err)
	}
}

// pipe is the fire-and-forget variant used for the metrics side channel.
func pipe(client, upstream net.Conn) {
	go io.Copy(upstream, client)
	io.Copy(client, upstream)
}

func main() {
	ln, err := net.Listen("tcp", ":5432")
	if err != nil {
		log.Fatal(err)
	}
	side, err := net.Listen("tcp", ":5433")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		for {
			c, err := side.Accept()
			if err != nil {
				return
			}
			if up, err := net.Dial("tcp", "db-primary:9187"); err == nil {
				go pipe(c, up)
			}
		}
	}()
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		go relay(c, "db-primary:5432")
	}
}
