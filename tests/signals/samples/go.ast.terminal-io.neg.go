// statsd-lite parses "name:value|type" lines from UDP and writes them out buffered.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"os"
	"strings"
)

func main() {
	pc, err := net.ListenPacket("udp", ":8125")
	if err != nil {
		log.Fatal(err)
	}
	out := bufio.NewWriter(os.Stdout)
	buf := make([]byte, 65535)
	n, _, err := pc.ReadFrom(buf)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		var name string
		var value float64
		if _, err := fmt.Sscanf(strings.Replace(line, ":", " ", 1), "%s %g", &name, &value); err == nil {
			fmt.Fprintf(out, "%s %g\n", name, value)
		}
	}
	out.Flush()
}
