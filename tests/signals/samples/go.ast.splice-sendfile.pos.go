// spliced moves bytes between two sockets through a pipe without copying to user space.
package main

import (
	"log"
	"net"
	"syscall"

	"golang.org/x/sys/unix"
)

func pump(dst, src int) error {
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC|unix.O_NONBLOCK); err != nil {
		return err
	}
	defer unix.Close(p[0])
	defer unix.Close(p[1])
	for {
		n, err := unix.Splice(src, nil, p[1], nil, 1<<16, unix.SPLICE_F_MOVE|unix.SPLICE_F_MORE)
		if err != nil || n == 0 {
			return err
		}
		if _, err := unix.Splice(p[0], nil, dst, nil, int(n), unix.SPLICE_F_MOVE); err != nil {
			return err
		}
	}
}

func sendFile(out, in int, size int) error {
	var off int64
	_, err := syscall.Sendfile(out, in, &off, size)
	return err
}

func main() {
	ln, err := net.Listen("tcp", ":7001")
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	log.Println(pump, sendFile)
}
