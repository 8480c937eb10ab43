// udpd binds SO_REUSEPORT sockets, one per core, with large receive buffers.
package main

import (
	"context"
	"log"
	"net"
	"runtime"
	"syscall"

	"golang.org/x/sys/unix"
)

func control(network, address string, c syscall.RawConn) error {
	var serr error
	err := c.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
		if serr == nil {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 8<<20)
		}
	})
	if err != nil {
		return err
	}
	return serr
}

func main() {
	lc := net.ListenConfig{Control: control}
	for i := 0; i < runtime.NumCPU(); i++ {
		pc, err := lc.ListenPacket(context.Background(), "udp", ":5353")
		if err != nil {
			log.Fatal(err)
		}
		go func(pc net.PacketConn) {
			buf := make([]byte, 1500)
			for {
				pc.ReadFrom(buf)
			}
		}(pc)
	}
	select {}
}
