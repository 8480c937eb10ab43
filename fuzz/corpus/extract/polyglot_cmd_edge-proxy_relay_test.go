0package main

import (
	"net"
	"testing"
)

func TestPickLeastLoaded(t *testing.T) {
	p := newUpstreamPool([]string{"a:1", "b:2"})
	p.upstreams[0].active.Store(3)
	if got := p.pick().addr; got != "b:2" {
		t.Fatalf("picked %s", got)
	}
	_ = net.IPv4len
}
