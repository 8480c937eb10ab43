0// Command edge-proxy accepts client TCP connections at the edge and relays
// them to the least-loaded kv-server upstream.
package main

import (
	"context"
	"errors"
	"flag"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"example.com/shop/internal/config"
	"example.com/shop/internal/logging"
	"example.com/shop/internal/metrics"
)

// bufPool recycles relay buffers so the hot path does not allocate per
// connection.
var bufPool = sync.Pool{
	New: func() any {
		b := make([]byte, 32*1024)
		return &b
	},
}

func main() {
	configPath := flag.String("config", "", "path to shop.yaml")
	flag.Parse()

	cfg, err := config.Load(*configPath)
	if err != nil {
		os.Stderr.WriteString("edge-proxy: " + err.Error() + "\n")
		os.Exit(2)
	}
	log := logging.New("edge-proxy", cfg.LogLevel)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool := newUpstreamPool(cfg.Upstreams)
	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	go func() { _ = metrics.Serve(cfg.AdminAddr) }()

	sem := make(chan struct{}, cfg.MaxConns)
	var wg sync.WaitGroup
	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				break
			}
			log.Warn("accept", "err", err)
			time.Sleep(5 * time.Millisecond)
			continue
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			relay(conn, pool, cfg.IdleTimeout)
		}()
	}
	wg.Wait()
}
