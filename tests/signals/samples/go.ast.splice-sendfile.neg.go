// docs-site serves the rendered documentation; net/http decides how files are sent.
package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
)

func main() {
	root := os.Getenv("DOCS_ROOT")
	http.HandleFunc("/download/", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(root, "archives", filepath.Base(r.URL.Path)))
	})
	http.Handle("/", http.FileServer(http.Dir(root)))
	log.Fatal(http.ListenAndServe(":8091", nil))
}
