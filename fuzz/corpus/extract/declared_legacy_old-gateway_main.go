0// Command old-gateway is the retired payment gateway, kept for reference until
// the 2024 audit closes. It is excluded from archlint in .archlint.json.
package main

import (
	"io"
	"log"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", ":9443")
	if err != nil {
		log.Fatal(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		go func() {
			defer c.Close()
			up, err := net.Dial("tcp", "payments-legacy:9443")
			if err != nil {
				return
			}
			defer up.Close()
			go io.Copy(up, c)
			io.Copy(c, up)
		}()
	}
}
