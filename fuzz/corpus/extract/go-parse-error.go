0package main

import ("net"; "io")

func helper() { x := 1 +* ;;; ]] }

func main() {
	ln, _ := net.Listen("tcp", ":1")
	for { c, _ := ln.Accept(); go io.Copy(c, c) }
}
