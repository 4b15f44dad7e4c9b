package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrateThenServeWithoutMigrating: `serve --migrate=false` refuses a
// database with pending migrations and names `duban migrate`; after that
// command it serves; a second `duban migrate` has nothing to do.
func TestMigrateThenServeWithoutMigrating(t *testing.T) {
	db := filepath.Join(t.TempDir(), "duban.db")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--migrate=false"}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "duban migrate") {
		t.Fatalf("serve --migrate=false on a new database: %v, want advice to run duban migrate", err)
	}
	if out := mustRun(t, "migrate", "--db", db); !strings.Contains(out, "已迁移") {
		t.Fatalf("migrate printed %q", out)
	}
	if out := mustRun(t, "migrate", "--db", db); !strings.Contains(out, "无需迁移") {
		t.Fatalf("second migrate printed %q", out)
	}
	startCommand(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--migrate=false")
}
