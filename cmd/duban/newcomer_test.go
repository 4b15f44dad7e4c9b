package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

// A newcomer's first commands: --version prints the version, --help on a
// command is a success (exit 0), not an error.
func TestVersionAndHelpFlags(t *testing.T) {
	for _, arg := range []string{"--version", "-v", "version"} {
		var out, errOut bytes.Buffer
		if err := run(context.Background(), []string{arg}, &out, &errOut); err != nil || !strings.HasPrefix(out.String(), "duban ") {
			t.Errorf("%s: %v, output %q", arg, err, out.String())
		}
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"migrate", "--help"}, &out, &errOut)
	if !errors.Is(err, flag.ErrHelp) || exitCode(err) != 0 || !strings.Contains(errOut.String(), "-db") {
		t.Errorf("migrate --help: %v (exit %d), usage %q", err, exitCode(err), errOut.String())
	}
}
