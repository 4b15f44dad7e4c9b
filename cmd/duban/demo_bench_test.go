package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/duban-dev/duban/demo"
)

// BenchmarkDemoStart measures what `duban demo` does before it serves:
// a fresh database seeded with the plan, its 270 projects, reports, steps,
// problems, notices and bulletins (profile with -cpuprofile).
func BenchmarkDemoStart(b *testing.B) {
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		o := demoOptions{db: filepath.Join(b.TempDir(), "demo.db"), password: "x", asOf: demo.DefaultAsOf, seed: 2021}
		db, _, err := seedDemo(ctx, o)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
