// sessions: an API that caches sessions in memory and publishes changes on an in-process bus.
package main

import (
	"log"
	"net/http"
	"time"

	"github.com/patrickmn/go-cache"
)

type bus struct{ subscribers map[string][]func(string) }

func (b *bus) On(topic string, fn func(string)) { b.subscribers[topic] = append(b.subscribers[topic], fn) }

func (b *bus) Emit(topic, v string) {
	for _, fn := range b.subscribers[topic] {
		fn(v)
	}
}

func main() {
	sessions := cache.New(30*time.Minute, time.Minute)
	events := &bus{subscribers: map[string][]func(string){}}
	events.On("login", func(user string) { log.Printf("login: %s", user) })
	http.HandleFunc("/v1/login", func(w http.ResponseWriter, r *http.Request) {
		user := r.FormValue("user")
		sessions.Set(user, time.Now(), cache.DefaultExpiration)
		events.Emit("login", user)
	})
	log.Fatal(http.ListenAndServe(":8086", nil))
}
