// syslogd receives syslog datagrams and forwards them to the log pipeline.
package main

import (
	"log"
	"net"
)

func main() {
	addr, _ := net.ResolveUDPAddr("udp", ":514")
	conn, err := net.ListenUDP("udp", addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	buf := make([]byte, 64<<10)
	for {
		n, from, err := conn.ReadFromUDP(buf)
		if err != nil {
			log.Printf("read: %v", err)
			continue
		}
		log.Printf("%s: %s", from, buf[:n])
	}
}
