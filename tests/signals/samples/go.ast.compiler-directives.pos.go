// tsclock: a monotonic timestamp service reading the runtime clock directly.
package main

import (
	"encoding/binary"
	"log"
	"net"
	_ "unsafe" // for go:linkname
)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

//go:nosplit
func stamp(b []byte) {
	binary.LittleEndian.PutUint64(b, uint64(nanotime()))
}

func main() {
	pc, err := net.ListenPacket("udp", ":4444")
	if err != nil {
		log.Fatal(err)
	}
	buf := make([]byte, 8)
	for {
		_, addr, err := pc.ReadFrom(buf)
		if err != nil {
			continue
		}
		stamp(buf)
		pc.WriteTo(buf, addr)
	}
}
