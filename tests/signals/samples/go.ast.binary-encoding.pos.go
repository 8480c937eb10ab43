// framed: length-prefixed frames over TCP: 4-byte big-endian length, 2-byte type.
package main

import (
	"encoding/binary"
	"io"
	"log"
	"net"
)

const headerLen = 6

func writeFrame(w io.Writer, typ uint16, payload []byte) error {
	var hdr [headerLen]byte
	binary.BigEndian.PutUint32(hdr[0:4], uint32(len(payload)))
	binary.BigEndian.PutUint16(hdr[4:6], typ)
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

func readFrame(r io.Reader) (uint16, []byte, error) {
	var hdr [headerLen]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(hdr[0:4])
	typ := binary.BigEndian.Uint16(hdr[4:6])
	buf := make([]byte, n)
	_, err := io.ReadFull(r, buf)
	return typ, buf, err
}

func main() {
	c, err := net.Dial("tcp", "127.0.0.1:9000")
	if err != nil {
		log.Fatal(err)
	}
	writeFrame(c, 1, []byte("hello"))
	readFrame(c)
}
