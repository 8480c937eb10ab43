// wald: appends records to a write-ahead log and makes each batch durable before acking.
package main

import (
	"bufio"
	"log"
	"os"

	"golang.org/x/sys/unix"
)

type wal struct {
	f *os.File
	w *bufio.Writer
}

func (l *wal) append(batch [][]byte) error {
	for _, rec := range batch {
		if _, err := l.w.Write(rec); err != nil {
			return err
		}
	}
	if err := l.w.Flush(); err != nil {
		return err
	}
	return l.f.Sync()
}

func (l *wal) commitFast() error {
	return unix.Fdatasync(int(l.f.Fd()))
}

func main() {
	f, err := os.OpenFile("/var/lib/wald/000001.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		log.Fatal(err)
	}
	l := &wal{f: f, w: bufio.NewWriterSize(f, 1<<20)}
	if err := l.append([][]byte{[]byte("put k1 v1\n")}); err != nil {
		log.Fatal(err)
	}
	l.commitFast()
}
