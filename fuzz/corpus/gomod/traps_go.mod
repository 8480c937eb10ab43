module example.com/traps

go 1.22

require (
	golang.org/x/tools v0.19.0
	k8s.io/client-go v0.29.3
)
