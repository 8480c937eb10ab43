0package main

func main() {}
