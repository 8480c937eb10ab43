// ntpcheck asks one NTP server for the time once and reports the clock offset.
package main

import (
	"encoding/binary"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	raddr, err := net.ResolveUDPAddr("udp", "pool.ntp.org:123")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	conn, err := net.DialUDP("udp", nil, raddr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer conn.Close()
	req := make([]byte, 48)
	req[0] = 0x1b
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	conn.Write(req)
	resp := make([]byte, 48)
	n, _, err := conn.ReadFromUDP(resp)
	if err != nil || n < 48 {
		fmt.Fprintln(os.Stderr, "no answer")
		os.Exit(1)
	}
	secs := binary.BigEndian.Uint32(resp[40:44])
	server := time.Unix(int64(secs)-2208988800, 0)
	fmt.Println("offset:", time.Until(server).Round(time.Millisecond))
}
