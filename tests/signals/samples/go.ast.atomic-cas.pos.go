// ringd: a lock-free multi-producer ring that hands frames to the writer goroutine.
package main

import (
	"runtime"
	"sync/atomic"
	"unsafe"
)

type node struct {
	next  unsafe.Pointer
	frame []byte
}

type stack struct {
	head    unsafe.Pointer
	dropped atomic.Uint64
	state   int32
}

func (s *stack) push(frame []byte) {
	n := &node{frame: frame}
	for {
		old := atomic.LoadPointer(&s.head)
		n.next = old
		if atomic.CompareAndSwapPointer(&s.head, old, unsafe.Pointer(n)) {
			return
		}
		runtime.Gosched()
	}
}

func (s *stack) tryClose() bool {
	return atomic.CompareAndSwapInt32(&s.state, 0, 1)
}

func main() {
	var s stack
	for i := 0; i < 1024; i++ {
		s.push(make([]byte, 64))
	}
	s.tryClose()
}
