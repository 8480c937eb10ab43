// blobcopy streams objects from the store to clients with pooled 256 KiB buffers.
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

var buffers = sync.Pool{New: func() any { b := make([]byte, 256<<10); return &b }}

func serveBlob(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open(filepath.Join("/var/lib/blobs", filepath.Base(r.URL.Path)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	buf := buffers.Get().(*[]byte)
	defer buffers.Put(buf)
	if _, err := io.CopyBuffer(w, f, *buf); err != nil {
		log.Printf("copy: %v", err)
	}
}

func main() {
	http.HandleFunc("/", serveBlob)
	log.Fatal(http.ListenAndServe(":9090", nil))
}
