// crawler fetches pages with a fixed pool of worker goroutines.
package main

import (
	"fmt"
	"net/http"
	"sync"
)

type workerPool struct {
	wg   sync.WaitGroup
	jobs chan string
	seen sync.Map
	mu   sync.Mutex
	done int
}

func newPool(n int) *workerPool {
	p := &workerPool{jobs: make(chan string)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

func (p *workerPool) work() {
	defer p.wg.Done()
	for url := range p.jobs {
		if _, dup := p.seen.LoadOrStore(url, true); dup {
			continue
		}
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
		}
		p.mu.Lock()
		p.done++
		p.mu.Unlock()
	}
}

func main() {
	pool := newPool(4)
	for _, u := range []string{"https://example.com/a", "https://example.com/b"} {
		pool.jobs <- u
	}
	close(pool.jobs)
	pool.wg.Wait()
	fmt.Println(pool.done, "pages")
}
