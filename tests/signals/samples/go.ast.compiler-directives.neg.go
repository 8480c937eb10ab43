// statuspage serves the embedded status page; go:embed and go:generate are ordinary directives.
package main

import (
	"embed"
	"log"
	"net/http"
)

//go:generate stringer -type=Level

// Level is the severity shown on the page.
type Level int

const (
	OK Level = iota
	Degraded
	Down
)

//go:embed static
var static embed.FS

func main() {
	http.Handle("/", http.FileServer(http.FS(static)))
	log.Fatal(http.ListenAndServe(":8082", nil))
}
