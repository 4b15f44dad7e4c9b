package web_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

var rollupConfig = synth.Config{Districts: 4, Items: 20, Months: 3, Seed: 11}

// newRollupEnv serves a small generated national dataset, on its as-of day.
func newRollupEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := rollupConfig.AsOf().Time().Add(10 * time.Hour)
	db.Now = func() time.Time { return now }
	hash, _ := auth.HashPassword(password)
	if _, err := db.BulkLoad(ctx, &synth.Dataset{Config: rollupConfig, PasswordHash: hash}, "gen", nil); err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(web.Config{Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Tracker: tracker.NewService(db), Directory: db, Audit: db, Rollup: db,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return now }})
	return &env{t: t, db: db, srv: srv, planID: synth.PlanID(0), tokens: map[string]string{}}
}

func TestRollupRoles(t *testing.T) {
	e := newRollupEnv(t)
	reporter := synth.UnitCode(0, 0)
	cases := []struct {
		user string
		want int
	}{{"", 401}, {reporter, 403}, {synth.LeaderUsername, 200}, {synth.SupervisorUsername, 200}, {synth.AdminUsername, 200}}
	for _, c := range cases {
		if res := e.do("GET", "/api/v1/rollup?by=area", c.user, nil); res.status != c.want {
			t.Errorf("as %q: %d, want %d: %.200s", c.user, res.status, c.want, res.raw)
		}
	}
	for _, q := range []string{"by=city", "as_of=2021-13-01"} {
		if res := e.do("GET", "/api/v1/rollup?"+q, "lingdao", nil); res.status != 400 {
			t.Errorf("%s: %d, want 400", q, res.status)
		}
	}
}

// trackerCounts evaluates every plan with the tracker and counts statuses
// by province.
func trackerCounts(t *testing.T, e *env) map[string]map[string]int {
	t.Helper()
	want := map[string]map[string]int{}
	trk := tracker.NewService(e.db)
	for d := range rollupConfig.Districts {
		err := trk.View(context.Background(), synth.PlanID(d), rollupConfig.AsOf(), func(ps *tracker.PlanStatus) error {
			for _, it := range ps.Items() {
				p := synth.RegionOf(d).Province
				if want[p] == nil {
					want[p] = map[string]int{}
				}
				want[p][string(it.Status)]++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return want
}

func rollupCounts(t *testing.T, e *env) map[string]map[string]int {
	t.Helper()
	res := e.do("GET", "/api/v1/rollup?by=province&as_of="+rollupConfig.AsOf().String(), "lingdao", nil)
	if res.status != 200 {
		t.Fatalf("rollup: %d %s", res.status, res.raw)
	}
	got := map[string]map[string]int{}
	for _, it := range res.body["items"].([]any) {
		g := it.(map[string]any)
		got[g["key"].(string)] = map[string]int{}
		for k, n := range g["counts"].(map[string]any) {
			got[g["key"].(string)][k] = int(n.(float64))
		}
	}
	return got
}

func TestRollupMatchesTrackerAndFollowsApproval(t *testing.T) {
	e := newRollupEnv(t)
	assertSame(t, "rollup after gen", rollupCounts(t, e), trackerCounts(t, e))

	// The reporter of district 1's first unit reports its first indicator's
	// full target; once approved the rollup moves with it.
	ind := rollupConfig.IndicatorID(1, 0)
	target, err := e.db.FindReportTarget(context.Background(), ind)
	if err != nil {
		t.Fatal(err)
	}
	period := rollupConfig.AsOf().Time().Format("2006-01")
	res := e.do("POST", "/api/v1/indicators/"+itoa(ind)+"/reports", synth.UnitCode(1, 0),
		map[string]any{"period": period, "value": *target.Indicator.Target})
	if res.status != 201 {
		t.Fatalf("submit: %d %s", res.status, res.raw)
	}
	if r := e.do("POST", "/api/v1/reports/"+itoa(int64(res.body["id"].(float64)))+"/approve", "duchashi", nil); r.status != 200 {
		t.Fatalf("approve: %d %s", r.status, r.raw)
	}
	// The approval updated the stored status in its own transaction.
	after := rollupCounts(t, e)
	assertSame(t, "rollup after approval", after, trackerCounts(t, e))
	if p := synth.RegionOf(1).Province; after[p]["done"] == 0 {
		t.Fatalf("no done item in %s after approving a full target: %v", p, after[p])
	}
}

func assertSame(t *testing.T, what string, got, want map[string]map[string]int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d groups, want %d: %v vs %v", what, len(got), len(want), got, want)
	}
	for k, w := range want {
		for s, n := range w {
			if got[k][s] != n {
				t.Errorf("%s: %s %s = %d, want %d", what, k, s, got[k][s], n)
			}
		}
	}
}
