// lineproxy accepts TCP connections and serves each one on its own goroutine.
package main

import (
	"bufio"
	"errors"
	"flag"
	"log"
	"net"
	"time"
)

type server struct {
	idle time.Duration
}

func (s *server) serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			log.Printf("accept: %v", err)
			time.Sleep(50 * time.Millisecond)
			continue
		}
		go s.handle(conn)
	}
}

func (s *server) handle(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	for {
		c.SetReadDeadline(time.Now().Add(s.idle))
		line, err := r.ReadBytes('\n')
		if err != nil {
			return
		}
		if _, err := c.Write(line); err != nil {
			return
		}
	}
}

func main() {
	addr := flag.String("listen", ":7000", "listen address")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	s := &server{idle: 2 * time.Minute}
	log.Fatal(s.serve(ln))
}
