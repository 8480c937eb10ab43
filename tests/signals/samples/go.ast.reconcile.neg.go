// feedclient keeps a market-data connection alive: it reconnects and reconfigures, it does not reconcile.
package main

import (
	"log"
	"net"
	"time"
)

type client struct {
	addr string
	conn net.Conn
}

func (c *client) Reconnect() error {
	if c.conn != nil {
		c.conn.Close()
	}
	conn, err := net.DialTimeout("tcp", c.addr, 3*time.Second)
	if err != nil {
		return err
	}
	c.conn = conn
	return nil
}

func (c *client) Reconfigure(addr string) error {
	c.addr = addr
	return c.Reconnect()
}

func Recover(c *client) {
	for c.Reconnect() != nil {
		time.Sleep(time.Second)
	}
}

func main() {
	c := &client{addr: "feed.internal:9100"}
	Recover(c)
	log.Println("connected to", c.addr)
}
