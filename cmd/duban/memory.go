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

// demoMemoryLimit suits the one small demo plan: its live heap is about
// 15 MB, and without a limit a burst of page reads left RSS above 60 MB.
const demoMemoryLimit = 40 << 20

func limitMemory(limit int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}
