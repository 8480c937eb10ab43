// chatops bot: parses slash commands from chat messages; it never runs a program.
package main

import (
	"fmt"
	"log"
	"net/http"
	"strings"
)

type registry map[string]func(args []string) string

func (r registry) Command(name string) (func([]string) string, bool) {
	f, ok := r[name]
	return f, ok
}

func main() {
	cmds := registry{
		"status": func(args []string) string { return "all systems nominal" },
		"echo":   func(args []string) string { return strings.Join(args, " ") },
	}
	http.HandleFunc("/slack/commands", func(w http.ResponseWriter, r *http.Request) {
		fields := strings.Fields(r.FormValue("text"))
		if len(fields) == 0 {
			fmt.Fprintln(w, "usage: /ops COMMAND")
			return
		}
		run, ok := cmds.Command(fields[0])
		if !ok {
			fmt.Fprintf(w, "unknown command %q\n", fields[0])
			return
		}
		fmt.Fprintln(w, run(fields[1:]))
	})
	log.Fatal(http.ListenAndServe(":3000", nil))
}
