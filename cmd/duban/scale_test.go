package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
)

func genSmallDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "gen.db")
	var out strings.Builder
	err := run(context.Background(), []string{"gen", "--db", db, "--districts", "3", "--items-per-district", "20",
		"--months", "2", "--quiet"}, &out, io.Discard)
	if err != nil {
		t.Fatalf("gen: %v", err)
	}
	if !strings.Contains(out.String(), "reports 120") || !strings.Contains(out.String(), "行/秒") ||
		!strings.Contains(out.String(), "stored the state of 3 plans as of 2021-02-28") {
		t.Fatalf("gen summary: %s", out.String())
	}
	return db
}

var pprofPattern = regexp.MustCompile(`pprof: (http://127\.0\.0\.1:\d+/debug/pprof/)`)

func TestGenThenServeWithPprofAndRollup(t *testing.T) {
	db := genSmallDB(t)
	base, stdout := startCommand(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--pprof", "127.0.0.1:0")
	if code := getJSON(t, base+"/healthz", nil); code != 200 {
		t.Fatalf("healthz: %d", code)
	}
	var m []string
	for range 100 {
		if m = pprofPattern.FindStringSubmatch(stdout.String()); m != nil {
			break
		}
		waitABit()
	}
	if m == nil {
		t.Fatalf("no pprof address in %q", stdout.String())
	}
	res, err := http.Get(m[1] + "goroutine?debug=1")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("pprof: %v %v", res, err)
	}
	res.Body.Close()
	// The public port answers with its own pages (a sign-in redirect or a
	// 404), never with a profile.
	pub, err := http.Get(base + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(pub.Body)
	pub.Body.Close()
	if strings.Contains(string(body), "goroutine profile") {
		t.Fatal("pprof is served on the public port")
	}

	var out strings.Builder
	if err := run(context.Background(), []string{"rollup", "--db", db, "--by", "area"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "60 个指标") || !strings.Contains(out.String(), "民生保障改善") {
		t.Fatalf("rollup:\n%s", out.String())
	}
}

// TestGenStoresTheStateAJobMovesOn: gen leaves every plan's state stored
// as of the data's last day, so the first jobs run that day has no plan
// to judge and the next day's run moves them all by the set-based step.
func TestGenStoresTheStateAJobMovesOn(t *testing.T) {
	db := genSmallDB(t)
	for _, c := range []struct{ day, want string }{
		{"2021-02-28", "刷新计划 (plans refreshed) 0,"},
		{"2021-03-01", "刷新计划 (plans refreshed) 3,"},
	} {
		var out strings.Builder
		if err := run(context.Background(), []string{"jobs", "--db", db, "--today", c.day}, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("jobs on %s: %s, want %q", c.day, out.String(), c.want)
		}
	}
}

func TestScaleCommandsRefuseBadInput(t *testing.T) {
	cases := [][]string{
		{"serve", "--db", ":memory:", "--addr", "127.0.0.1:0", "--pprof", "0.0.0.0:6060"},
		{"load", "--addr", "10.0.0.1:8080", "--duration", "1s"},
		{"load", "--mix", "submit=1,fly=2"},
		{"gen", "--db", ":memory:", "--districts", "0"},
		{"rollup", "--db", ":memory:", "--by", "city"},
	}
	for _, args := range cases {
		err := run(context.Background(), args, io.Discard, io.Discard)
		if duban.ErrorCode(err) != duban.EINVALID {
			t.Errorf("%v: %v, want invalid", args, err)
		}
	}
}

func waitABit() { <-time.After(10 * time.Millisecond) }
