// notifier pushes build events to browsers over WebSockets; net/http owns the accept loop.
package main

import (
	"log"
	"net/http"
	"strings"

	"nhooyr.io/websocket"
)

type negotiator struct{ offers []string }

// Accept reports whether the client accepts one of our content types.
func (n negotiator) Accept(header string) bool {
	return strings.Contains(header, "application/json")
}

func (n negotiator) pick(headers []string) string {
	for _, h := range headers {
		ok := n.Accept(h)
		if ok {
			return "application/json"
		}
	}
	return "text/plain"
}

func events(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"events.v1"}})
	if err != nil {
		return
	}
	defer conn.Close(websocket.StatusNormalClosure, "bye")
	<-r.Context().Done()
}

func main() {
	n := negotiator{offers: []string{"application/json"}}
	http.HandleFunc("/events", events)
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", n.pick(r.Header.Values("Accept")))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
