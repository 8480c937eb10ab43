0package main

import (
	"io"
	"log"
	"net"
)

func forward(src net.Conn, collector string) {
	defer src.Close()
	dst, err := net.Dial("tcp", collector)
	if err != nil {
		log.Printf("dial collector: %v", err)
		return
	}
	defer dst.Close()
	bp := bufs.Get().(*[]byte)
	defer bufs.Put(bp)
	if _, err := io.CopyBuffer(dst, src, *bp); err != nil {
		log.Printf("relay: %v", err)
	}
}
