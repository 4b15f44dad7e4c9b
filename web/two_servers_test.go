package web_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

// serverOn is a web server with its own store handle (its own pool and
// tracker cache) on the database dsn, as a second duban serve would be.
func serverOn(t *testing.T, dsn string, now time.Time) *env {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return now }
	srv := web.NewServer(web.Config{Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Tracker: tracker.NewService(db), Directory: db, Audit: db, Rollup: db,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return now }})
	return &env{t: t, db: db, srv: srv, planID: synth.PlanID(0), tokens: map[string]string{}}
}

// A report approved through one server changes the dashboard read
// through another at its very next request, though that one had the
// plan's dashboard cached: every read checks the plan's status version.
func TestTwoServersSeeEachOthersChanges(t *testing.T) {
	dsns := map[string]func(t *testing.T) string{"sqlite": func(t *testing.T) string {
		return filepath.Join(t.TempDir(), "shared.db")
	}}
	if admin := os.Getenv("DUBAN_TEST_POSTGRES"); admin != "" {
		dsns["postgres"] = func(t *testing.T) string { return sharedPostgres(t, admin) }
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) { twoServers(t, dsn(t)) })
	}
}

func twoServers(t *testing.T, dsn string) {
	now := rollupConfig.AsOf().Time().Add(10 * time.Hour)
	a := serverOn(t, dsn, now)
	hash, _ := auth.HashPassword(password)
	if _, err := a.db.BulkLoad(context.Background(), &synth.Dataset{Config: rollupConfig, PasswordHash: hash}, "gen", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.db.AdvanceStatuses(context.Background(), rollupConfig.AsOf(), "jobs"); err != nil {
		t.Fatal(err)
	}
	b := serverOn(t, dsn, now)
	path := "/api/v1/plans/" + itoa(synth.PlanID(1)) + "/dashboard"
	dashboard := func(e *env) (string, map[string]float64) {
		t.Helper()
		res := e.do("GET", path, "duchashi", nil)
		if res.status != 200 {
			t.Fatalf("dashboard: %d %s", res.status, res.raw)
		}
		var d struct {
			Totals struct{ Counts map[string]float64 }
		}
		if err := json.Unmarshal([]byte(res.raw), &d); err != nil {
			t.Fatal(err)
		}
		return res.raw, d.Totals.Counts
	}
	before, counts := dashboard(b) // b caches the plan
	if again, _ := dashboard(b); again != before {
		t.Fatal("the same dashboard read twice differs")
	}

	ind := rollupConfig.IndicatorID(1, 0)
	target, err := a.db.FindReportTarget(context.Background(), ind)
	if err != nil {
		t.Fatal(err)
	}
	period := rollupConfig.AsOf().Time().Format("2006-01")
	res := a.do("POST", "/api/v1/indicators/"+itoa(ind)+"/reports", synth.UnitCode(1, 0),
		map[string]any{"period": period, "value": *target.Indicator.Target * 2})
	if res.status != 201 {
		t.Fatalf("submit through a: %d %s", res.status, res.raw)
	}
	if r := a.do("POST", "/api/v1/reports/"+itoa(int64(res.body["id"].(float64)))+"/approve", "duchashi", nil); r.status != 200 {
		t.Fatalf("approve through a: %d %s", r.status, r.raw)
	}

	after, afterCounts := dashboard(b)
	if after == before {
		t.Fatal("b served its cached dashboard after a's approval")
	}
	if fromA, _ := dashboard(a); fromA != after {
		t.Fatalf("a and b disagree after the approval:\na %s\nb %s", fromA, after)
	}
	if counts["done"] >= afterCounts["done"] {
		t.Fatalf("done %v before, %v after approving a doubled target", counts["done"], afterCounts["done"])
	}
}

// sharedPostgres creates a database both servers open, dropped after.
func sharedPostgres(t *testing.T, admin string) string {
	t.Helper()
	ctx := context.Background()
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	name := "duban_two_" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "_")
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		adminDB.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer adminDB.Close()
		if _, err := adminDB.ExecContext(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
