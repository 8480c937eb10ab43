// backupctl: the same kind of tool, written with urfave/cli instead of cobra.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/urfave/cli/v2"
)

type Command struct {
	Name string
	Run  func() error
}

func main() {
	local := []Command{{Name: "noop", Run: func() error { return nil }}}
	app := &cli.App{
		Name:  "backupctl",
		Usage: "take and restore backups",
		Commands: []*cli.Command{
			{
				Name:  "take",
				Usage: "take a backup now",
				Action: func(c *cli.Context) error {
					fmt.Println("backup started for", c.Args().First())
					return local[0].Run()
				},
			},
		},
	}
	if err := app.Run(os.Args); err != nil {
		log.Fatal(err)
	}
}
