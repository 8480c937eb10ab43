// syncer calls the billing API with keep-alive connections; net.Dialer handles the socket.
package main

import (
	"log"
	"net"
	"net/http"
	"time"
)

func main() {
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		DialContext:     dialer.DialContext,
		MaxIdleConns:    10,
		IdleConnTimeout: 90 * time.Second,
	}
	client := &http.Client{Transport: transport}
	conn, err := net.Dial("tcp", "billing.internal:443")
	if err == nil {
		tcp := conn.(*net.TCPConn)
		tcp.SetKeepAlive(true)
		tcp.SetKeepAlivePeriod(time.Minute)
		tcp.SetNoDelay(true)
		conn.Close()
	}
	resp, err := client.Get("https://billing.internal/v1/invoices?status=open")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
}
