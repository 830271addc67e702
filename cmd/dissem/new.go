package main

import (
	"fmt"
	"io"
)

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fmt.Fprintln(stderr, "dissem new: not available in this version")
	return errUsage
}
