package bulletin_test

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// erqi is the demo installation: the Erqi plan, its users, reports
// simulated up to 2021-07-15 and the notices the rules then issue.
type erqi struct {
	db         *store.DB
	svc        *bulletin.Service
	planID     int64
	supervisor *duban.User
	clock      time.Time
}

var beijing = duban.Beijing

func mustErqi(t testing.TB) *erqi {
	t.Helper()
	return mustErqiOn(t, filepath.Join(t.TempDir(), "erqi.db"))
}

// forEachDSN runs fn on a fresh SQLite file and, when DUBAN_TEST_POSTGRES
// is set, on a fresh PostgreSQL database dropped afterwards.
func forEachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "erqi.db")) })
	admin := os.Getenv("DUBAN_TEST_POSTGRES")
	if admin == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		ctx := context.Background()
		adminDB, err := sql.Open("pgx", admin)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("duban_bulletin_%d", time.Now().UnixNano())
		if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
			adminDB.Close()
			t.Fatal(err)
		}
		t.Cleanup(func() {
			defer adminDB.Close()
			if _, err := adminDB.ExecContext(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
				t.Errorf("drop %s: %v", name, err)
			}
		})
		u, err := url.Parse(admin)
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/" + name
		fn(t, u.String())
	})
}

func mustErqiOn(t testing.TB, dsn string) *erqi {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &erqi{db: db, clock: time.Date(2021, 7, 5, 9, 0, 0, 0, beijing)}
	db.Now = func() time.Time { return e.clock }
	b, err := planfile.Decode(demo.ErqiPlanName, bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	if e.planID, err = db.ImportBundle(ctx, b, "demo"); err != nil {
		t.Fatal(err)
	}
	for _, u := range demo.Users(b) {
		u.PasswordHash = "-"
		if err := db.CreateUser(ctx, "test", &u); err != nil {
			t.Fatal(err)
		}
	}
	if e.supervisor, err = db.FindUserByUsername(ctx, demo.SupervisorUsername); err != nil {
		t.Fatal(err)
	}
	out, err := db.ExportBundle(ctx, e.planID)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, in := range out.Indicators {
		ids[in.Code] = in.ID
	}
	if err := db.InsertReports(ctx, demo.SimulateReports(b, ids, demo.DefaultAsOf, demo.DefaultSeed), "demo"); err != nil {
		t.Fatal(err)
	}
	e.svc = bulletin.NewService(db, tracker.NewService(db))
	return e
}

// issueNotices runs the notice rules on the day of the clock.
func (e *erqi) issueNotices(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	var inputs []duban.NoticeInput
	err := e.svc.Tracker.View(ctx, e.planID, duban.DateOf(e.clock), func(ps *tracker.PlanStatus) error {
		inputs = ps.NoticeCandidates(func(int64) bool { return false })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if _, err := e.db.CreateNotice(ctx, e.supervisor, in); err != nil {
			t.Fatal(err)
		}
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}
