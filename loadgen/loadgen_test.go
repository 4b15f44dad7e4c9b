package loadgen_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/loadgen"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

const password = "load-test"

var dataset = synth.Config{Districts: 3, Items: 20, Months: 2, Seed: 5}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newServerWith(t, nil)
}

// newServerWith serves the dataset, calling seen with each request first.
func newServerWith(t *testing.T, seen func(*http.Request)) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	hash, _ := auth.HashPassword(password)
	if _, err := db.BulkLoad(ctx, &synth.Dataset{Config: dataset, PasswordHash: hash}, "gen", nil); err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(web.Config{Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Tracker: tracker.NewService(db), Directory: db, Audit: db, Rollup: db,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	var h http.Handler = srv
	if seen != nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen(r); srv.ServeHTTP(w, r) })
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// With AnyDistrict one signed-in user's dashboards and trees cover every
// district, and with Today they carry no as_of.
func TestAnyDistrictReadsEveryDistrict(t *testing.T) {
	var mu sync.Mutex
	plans, dated := map[string]bool{}, 0
	ts := newServerWith(t, func(r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/v1/plans/") {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		plans[strings.Split(r.URL.Path, "/")[4]] = true
		if r.URL.Query().Has("as_of") {
			dated++
		}
	})
	mix, _ := loadgen.ParseMix("dashboard=1,tree=1")
	c := loadgen.Config{Addr: strings.TrimPrefix(ts.URL, "http://"), Duration: time.Minute, Rate: 200, Mix: mix,
		Users: 1, Password: password, Dataset: dataset, MaxRequests: 60, Seed: 1, AnyDistrict: true, Today: true}
	res, err := loadgen.Run(context.Background(), c, ts.Client())
	if err != nil {
		t.Fatal(err)
	}
	for op, s := range res.Ops {
		if s.Errors() != 0 {
			t.Errorf("%s: errors %v", op, s.Status)
		}
	}
	if len(plans) != dataset.Districts || dated != 0 {
		t.Fatalf("one user read plans %v (%d with as_of), want all %d districts as of today", plans, dated, dataset.Districts)
	}
}

func TestRunSendsTheMixWithoutErrors(t *testing.T) {
	ts := newServer(t)
	mix, err := loadgen.ParseMix("submit=4,batch=1,dashboard=2,tree=1,list=1")
	if err != nil {
		t.Fatal(err)
	}
	c := loadgen.Config{Addr: strings.TrimPrefix(ts.URL, "http://"), Duration: time.Minute, Rate: 200, Mix: mix,
		Users: 6, Password: password, Dataset: dataset, MaxRequests: 90, Seed: 1}
	res, err := loadgen.Run(context.Background(), c, ts.Client())
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for op, s := range res.Ops {
		total += s.Count()
		if s.Errors() != 0 {
			t.Errorf("%s: errors %v", op, s.Status)
		}
		if s.Count() == 0 {
			t.Errorf("%s: never sent", op)
		}
		if len(s.Latencies) != s.Count() || s.Percentile(50) > s.Percentile(100) {
			t.Errorf("%s: %d latencies for %d requests", op, len(s.Latencies), s.Count())
		}
	}
	if total != 90 {
		t.Fatalf("sent %d requests, want the cap of 90", total)
	}
	var out strings.Builder
	res.Print(&out)
	if !strings.Contains(out.String(), "p99") || !strings.Contains(out.String(), "90 次请求") {
		t.Fatalf("report:\n%s", out.String())
	}
}

func TestRefusesAddressesOffThisMachine(t *testing.T) {
	cases := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:8080", true}, {"localhost:8080", true}, {"http://127.0.0.1:9", true}, {"[::1]:80", true},
		{"10.0.0.1:8080", false}, {"example.com:80", false}, {"0.0.0.0:8080", false},
		{"https://127.0.0.1:443", false}, {"192.168.1.5", false},
	}
	for _, c := range cases {
		_, err := loadgen.BaseURL(c.addr)
		if (err == nil) != c.ok {
			t.Errorf("%s: err %v, want ok=%v", c.addr, err, c.ok)
		}
		if !c.ok && duban.ErrorCode(err) != duban.EINVALID {
			t.Errorf("%s: code %s, want invalid", c.addr, duban.ErrorCode(err))
		}
	}
	mix, _ := loadgen.ParseMix("list=1")
	_, err := loadgen.Run(context.Background(), loadgen.Config{Addr: "10.1.2.3:80", Duration: time.Second, Rate: 1,
		Mix: mix, Users: 1, Dataset: dataset}, nil)
	if duban.ErrorCode(err) != duban.EINVALID {
		t.Fatalf("non-loopback run: %v", err)
	}
}

func TestParseMix(t *testing.T) {
	for _, bad := range []string{"", "submit", "submit=x", "fly=3", "submit=-1", "submit=0"} {
		if _, err := loadgen.ParseMix(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	mix, err := loadgen.ParseMix("submit=50, batch=5,dashboard=25,tree=10,list=10")
	if err != nil || mix["submit"] != 50 || mix["list"] != 10 || len(mix) != 5 {
		t.Fatalf("%v %v", mix, err)
	}
}
