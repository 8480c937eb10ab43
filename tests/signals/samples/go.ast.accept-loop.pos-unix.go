// agentd serves its local admin protocol on a unix socket; one goroutine per client.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"os"
)

func serveAdmin(l *net.UnixListener) {
	var (
		conn *net.UnixConn
		err  error
	)
	for {
		conn, err = l.AcceptUnix()
		if err != nil {
			log.Printf("admin accept: %v", err)
			return
		}
		go func(c *net.UnixConn) {
			defer c.Close()
			cmd, _ := bufio.NewReader(c).ReadString('\n')
			fmt.Fprintf(c, "ok %s", cmd)
		}(conn)
	}
}

func main() {
	path := "/run/agentd/admin.sock"
	os.Remove(path)
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		log.Fatal(err)
	}
	serveAdmin(l)
}
