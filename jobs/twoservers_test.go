package jobs_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/jobs"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

// TestTwoServersRunJobsOnce starts two servers' stores and job runners on
// one PostgreSQL database and runs their jobs at the same time, three
// rounds: one set of notices comes out (one per unit), and no run fails.
// With the leader lock one of them leads; without it, the unique open
// listing of an item per rule is the guard.
func TestTwoServersRunJobsOnce(t *testing.T) {
	admin := os.Getenv("DUBAN_TEST_POSTGRES")
	if admin == "" {
		t.Skip("DUBAN_TEST_POSTGRES not set")
	}
	for _, lock := range []bool{true, false} {
		name := map[bool]string{true: "leader lock", false: "unique index only"}[lock]
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
			dsn := freshDatabase(t, admin)
			one, planID := openErqi(t, dsn, &now)
			two, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer two.Close()
			two.Now = one.Now
			var runners []*jobs.Runner
			for _, db := range []*store.DB{one, two} {
				cfg := jobs.Config{}
				if lock {
					cfg.Leader = db
				}
				runners = append(runners, newRunner(db, &now, cfg))
			}
			if !lock { // both rounds then race on the rules alone
				if err := tracker.NewService(one).Refresh(ctx, one, duban.DateOf(now), planID); err != nil {
					t.Fatal(err)
				}
			}
			var total jobs.Result
			for range 3 {
				for _, res := range runTogether(t, runners) {
					total.Issued += res.Issued
					total.Listed += res.Listed
				}
			}
			assertOneNoticePerUnit(t, one, planID, total)
		})
	}
}

// While one server holds the lead, the other's run is skipped.
func TestOnlyTheLeaderRuns(t *testing.T) {
	admin := os.Getenv("DUBAN_TEST_POSTGRES")
	if admin == "" {
		t.Skip("DUBAN_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	dsn := freshDatabase(t, admin)
	one, planID := openErqi(t, dsn, &now)
	two, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	release, ok, err := one.TryLead(ctx, jobs.LeaderJob)
	if err != nil || !ok {
		t.Fatalf("TryLead on an idle database: %v, %v", ok, err)
	}
	res := mustRun(t, newRunner(two, &now, jobs.Config{Leader: two}))
	if !res.Skipped || res.Issued != 0 || len(allNotices(t, one, planID)) != 0 {
		t.Fatalf("run while the other server leads: %+v", res)
	}
	release()
	if res := mustRun(t, newRunner(two, &now, jobs.Config{Leader: two})); res.Skipped || res.Issued == 0 {
		t.Fatalf("run after the lead was released: %+v", res)
	}
}

func runTogether(t *testing.T, runners []*jobs.Runner) []jobs.Result {
	t.Helper()
	results := make([]jobs.Result, len(runners))
	errs := make([]error, len(runners))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, r := range runners {
		wg.Go(func() {
			<-start
			results[i], errs[i] = r.RunOnce(context.Background())
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("server %d: %v", i+1, err)
		}
	}
	return results
}

// freshDatabase creates an empty database for one test and drops it after.
func freshDatabase(t *testing.T, admin string) string {
	t.Helper()
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "duban_jobs_" + hex.EncodeToString(b)
	if _, err := adminDB.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer adminDB.Close()
		if _, err := adminDB.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
