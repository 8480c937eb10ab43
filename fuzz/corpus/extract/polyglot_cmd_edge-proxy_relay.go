0package main

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"example.com/shop/internal/metrics"
)

type upstream struct {
	addr   string
	active atomic.Int64
}

type upstreamPool struct {
	upstreams []*upstream
	dialer    net.Dialer
}

func newUpstreamPool(addrs []string) *upstreamPool {
	p := &upstreamPool{dialer: net.Dialer{Timeout: 2 * time.Second, KeepAlive: 30 * time.Second}}
	for _, a := range addrs {
		p.upstreams = append(p.upstreams, &upstream{addr: a})
	}
	return p
}

// pick returns the upstream with the fewest active connections.
func (p *upstreamPool) pick() *upstream {
	var best *upstream
	for _, u := range p.upstreams {
		if best == nil || u.active.Load() < best.active.Load() {
			best = u
		}
	}
	return best
}

// relay copies bytes both ways between the client and an upstream until
// either side closes.
func relay(client net.Conn, pool *upstreamPool, idle time.Duration) {
	defer client.Close()
	u := pool.pick()
	if u == nil {
		return
	}
	backend, err := pool.dialer.Dial("tcp", u.addr)
	if err != nil {
		metrics.Requests.WithLabelValues("edge-proxy", "dial_error").Inc()
		return
	}
	defer backend.Close()
	if tc, ok := backend.(*net.TCPConn); ok {
		_ = tc.SetNoDelay(true)
	}
	u.active.Add(1)
	defer u.active.Add(-1)
	metrics.ActiveConns.WithLabelValues("edge-proxy").Inc()
	defer metrics.ActiveConns.WithLabelValues("edge-proxy").Dec()

	deadline := time.Now().Add(idle)
	_ = client.SetDeadline(deadline)
	_ = backend.SetDeadline(deadline)

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		pipe(backend, client)
	}()
	go func() {
		defer wg.Done()
		pipe(client, backend)
	}()
	wg.Wait()
}

func pipe(dst, src net.Conn) {
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	_, _ = io.CopyBuffer(dst, src, *bp)
	if tc, ok := dst.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
}
