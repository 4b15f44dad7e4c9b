package main

import (
	"os"
	"runtime/debug"
)

// serveMemoryLimit is the Go heap's soft limit when GOMEMLIMIT is not set:
// without one the collector lets the heap grow to twice the live data
// before collecting, which under load with a full plan cache pushed the
// server's RSS past 600 MB.
const serveMemoryLimit = 350 << 20

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}
