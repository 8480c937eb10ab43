// segreader serves lookups from an immutable, memory-mapped index segment.
package main

import (
	"encoding/binary"
	"log"
	"os"

	"golang.org/x/sys/unix"
)

type segment struct{ data []byte }

func open(path string) (*segment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	if err := unix.Madvise(data, unix.MADV_RANDOM); err != nil {
		return nil, err
	}
	return &segment{data: data}, nil
}

func (s *segment) lookup(i int) uint64 { return binary.LittleEndian.Uint64(s.data[i*8:]) }

func (s *segment) close() error { return unix.Munmap(s.data) }

func main() {
	s, err := open("/var/lib/index/000042.seg")
	if err != nil {
		log.Fatal(err)
	}
	defer s.close()
	log.Println(s.lookup(0))
}
