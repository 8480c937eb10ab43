// jsonlog encodes log lines into pooled buffers before shipping them.
package main

import (
	"bytes"
	"encoding/json"
	"os"
	"sync"
)

var bufPool = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

func encode(v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	json.NewEncoder(buf).Encode(v)
	os.Stdout.Write(buf.Bytes())
}

func main() {
	for i := 0; i < 3; i++ {
		encode(map[string]int{"seq": i})
	}
}
