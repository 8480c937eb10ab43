module example.com/traps/tools

go 1.22
