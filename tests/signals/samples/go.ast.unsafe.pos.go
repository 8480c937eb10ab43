// keyindex hashes string keys without copying them into byte slices.
package main

import (
	"fmt"
	"hash/maphash"
	"unsafe"
)

func bytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func stringOf(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func main() {
	var h maphash.Hash
	h.Write(bytesOf("tenant/42/object/7"))
	fmt.Println(h.Sum64(), stringOf([]byte("ok")))
}
