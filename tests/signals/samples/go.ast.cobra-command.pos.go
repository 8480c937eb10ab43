// fleetctl: manage the fleet from the command line.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "fleetctl",
		Short: "Manage fleet nodes",
	}
	var drain bool
	cordon := &cobra.Command{
		Use:   "cordon NODE",
		Short: "Mark a node unschedulable",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "node %s cordoned (drain=%v)\n", args[0], drain)
			return nil
		},
	}
	cordon.Flags().BoolVar(&drain, "drain", false, "also evict workloads")
	root.AddCommand(cordon)
	return root
}

func main() {
	if err := newRootCmd().Execute(); err != nil {
		os.Exit(1)
	}
}
