0// Command log-forwarder receives audit log streams from the payment pods and
// forwards them to the central collector.
//
// It is a byte relay, but it carries audit logs, not customer traffic: it is
// batch, latency-insensitive plumbing owned by the platform team, and we
// treat it as control plane on purpose.
//
//archlint:role control-plane
package main

import (
	"flag"
	"log"
	"net"
	"sync"
)

var bufs = sync.Pool{New: func() any { b := make([]byte, 64*1024); return &b }}

func main() {
	listen := flag.String("listen", ":5140", "address to accept log streams on")
	collector := flag.String("collector", "collector.logging.svc:5140", "upstream collector")
	flag.Parse()

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Printf("accept: %v", err)
			continue
		}
		go forward(conn, *collector)
	}
}
