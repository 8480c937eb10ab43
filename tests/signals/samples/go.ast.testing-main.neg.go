// site checks the embedded assets when it starts, with testing/fstest, then serves them.
package main

import (
	"embed"
	"io/fs"
	"log"
	"net/http"
	"testing/fstest"
)

//go:embed public
var public embed.FS

func main() {
	site, err := fs.Sub(public, "public")
	if err != nil {
		log.Fatal(err)
	}
	if err := fstest.TestFS(site, "index.html"); err != nil {
		log.Fatalf("bad asset bundle: %v", err)
	}
	log.Fatal(http.ListenAndServe(":8092", http.FileServer(http.FS(site))))
}
