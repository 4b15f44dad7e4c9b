package store_test

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// TestReadReplica runs the store on a real streaming standby: the standby
// store opens without writing, the serve store sends lists to the standby
// (they lag while replay is paused) and single reads to the primary (they
// see the caller's own write at once).
func TestReadReplica(t *testing.T) {
	if os.Getenv("DUBAN_TEST_POSTGRES") == "" {
		t.Skip("DUBAN_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	c := startReplicatedCluster(t)
	primary, replica := c.dsn(c.primaryPort), c.dsn(c.standbyP)

	_, err := store.OpenWith(ctx, primary, store.Options{NoMigrate: true})
	wantCode(t, err, duban.ECONFLICT)
	if !strings.Contains(err.Error(), "duban migrate") {
		t.Fatalf("opening an unmigrated database without migrating: %v, want advice to run duban migrate", err)
	}
	migrated := mustOpen(t, primary) // what `duban migrate` does
	migrated.Close()

	db, err := store.OpenWith(ctx, primary, store.Options{ReadDSN: replica, NoMigrate: true})
	if err != nil {
		t.Fatalf("open with replica: %v", err)
	}
	defer db.Close()
	if !db.HasReplica() {
		t.Fatal("HasReplica() = false")
	}
	standby := mustOpen(t, replica) // opens only because it writes nothing
	if !inRecovery(t, replica) {
		t.Fatal("the standby is not in recovery")
	}
	first := mustImport(t, db, richBundle())
	waitForPlans(t, db, 1)
	waitForPlans(t, standby, 1)
	if _, err := standby.ImportBundle(ctx, renamed(richBundle(), "on-standby"), "tester"); err == nil {
		t.Fatal("a write on the standby store succeeded")
	}

	execOn(t, replica, "SELECT pg_wal_replay_pause()")
	second := mustImport(t, db, renamed(richBundle(), "second"))
	if p, err := db.FindPlan(ctx, second); err != nil || p.ID != second {
		t.Fatalf("FindPlan right after the write = %v, %v; want the new plan from the primary", p, err)
	}
	if _, total, err := db.ListPlans(ctx, duban.PlanFilter{}); err != nil || total != 1 {
		t.Fatalf("ListPlans with replay paused: total %d, %v; want 1 (read from the standby)", total, err)
	}
	// The status reads behind dashboards, trees and pages may lag: they go
	// to the standby, unless the caller asks for fresh reads.
	if _, _, err := db.StatusStamp(ctx, second); duban.ErrorCode(err) != duban.ENOTFOUND {
		t.Fatalf("StatusStamp of the new plan with replay paused: %v; want not found (read from the standby)", err)
	}
	if _, _, _, err := db.StatusPage(ctx, second, "dashboard"); duban.ErrorCode(err) != duban.ENOTFOUND {
		t.Fatalf("StatusPage of the new plan with replay paused: %v; want not found (read from the standby)", err)
	}
	if _, _, err := db.StatusStamp(duban.WithFreshReads(ctx), second); err != nil {
		t.Fatalf("StatusStamp with fresh reads: %v; want the plan from the primary", err)
	}
	execOn(t, replica, "SELECT pg_wal_replay_resume()")
	waitForPlans(t, db, 2)
	if first == second {
		t.Fatal("both imports returned one id")
	}
}

func renamed(b *duban.Bundle, code string) *duban.Bundle {
	b.Plan.Code = code
	return b
}

// waitForPlans polls ListPlans until it counts want plans: replication is
// asynchronous, so the standby catches up within moments, not at once.
func waitForPlans(t *testing.T, db *store.DB, want int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, total, err := db.ListPlans(context.Background(), duban.PlanFilter{})
		if err == nil && total == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("ListPlans: total %d, %v; want %d", total, err, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func inRecovery(t *testing.T, dsn string) bool {
	t.Helper()
	var in bool
	withConn(t, dsn, func(c *sql.DB) error {
		return c.QueryRow("SELECT pg_is_in_recovery()").Scan(&in)
	})
	return in
}

func execOn(t *testing.T, dsn, query string) {
	t.Helper()
	withConn(t, dsn, func(c *sql.DB) error {
		_, err := c.Exec(query)
		return err
	})
}

func withConn(t *testing.T, dsn string, fn func(*sql.DB) error) {
	t.Helper()
	c, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := fn(c); err != nil {
		t.Fatal(err)
	}
}
