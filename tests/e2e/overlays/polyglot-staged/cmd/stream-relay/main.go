// Command stream-relay tees the order-event TCP stream from the primary
// broker to the analytics replica while passing it through to consumers.
package main

import (
	"flag"
	"io"
	"log"
	"net"
	"sync"
)

var buffers = sync.Pool{New: func() any { b := make([]byte, 64*1024); return &b }}

func main() {
	listen := flag.String("listen", ":9092", "consumer-facing address")
	primary := flag.String("primary", "broker-0:9092", "primary broker")
	replica := flag.String("replica", "analytics:9092", "analytics replica")
	flag.Parse()

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	for {
		client, err := ln.Accept()
		if err != nil {
			log.Printf("accept: %v", err)
			continue
		}
		go tee(client, *primary, *replica)
	}
}

func tee(client net.Conn, primary, replica string) {
	defer client.Close()
	up, err := net.Dial("tcp", primary)
	if err != nil {
		return
	}
	defer up.Close()
	mirror, err := net.Dial("tcp", replica)
	if err != nil {
		return
	}
	defer mirror.Close()

	go io.Copy(up, client)
	bp := buffers.Get().(*[]byte)
	defer buffers.Put(bp)
	_, _ = io.CopyBuffer(io.MultiWriter(client, mirror), up, *bp)
}
