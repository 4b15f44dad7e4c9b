package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// repoRoot is the module root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func lookMake(t *testing.T) string {
	t.Helper()
	mk, err := exec.LookPath("make")
	if err != nil {
		t.Fatal("make not found: the README's first commands need it")
	}
	return mk
}

// Without npm, `make assets` (and so `make build`) goes on without charts
// and says so in one line.
func TestMakeAssetsWithoutNpm(t *testing.T) {
	mk := lookMake(t)
	dir := t.TempDir()
	mf, err := os.ReadFile(filepath.Join(repoRoot(t), "Makefile"))
	if err == nil {
		err = os.MkdirAll(filepath.Join(dir, "ui", "static", "vendor"), 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "Makefile"), mf, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(mk, "-s", "assets")
	cmd.Dir, cmd.Env = dir, []string{"PATH=" + filepath.Join(dir, "no-npm-here")}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "npm not found: building duban without charts") {
		t.Errorf("make assets without npm: %v\n%s", err, out)
	}
}

// `make demo ADDR=…` serves the demo on that address.
func TestMakeDemoTakesAddr(t *testing.T) {
	cmd := exec.Command(lookMake(t), "-n", "demo", "ADDR=127.0.0.1:9999")
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "./bin/duban demo --addr 127.0.0.1:9999") {
		t.Errorf("make -n demo ADDR=127.0.0.1:9999: %v\n%s", err, out)
	}
}

// The binary builds without ui/static/vendor/echarts.min.js (deleted
// through a build overlay) and runs.
func TestBuildsWithoutECharts(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	dir, root := t.TempDir(), repoRoot(t)
	overlay, _ := json.Marshal(map[string]map[string]string{
		"Replace": {filepath.Join(root, "ui", "static", "vendor", "echarts.min.js"): ""}})
	if err := os.WriteFile(filepath.Join(dir, "overlay.json"), overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "duban")
	build := exec.Command(gobin, "build", "-overlay", filepath.Join(dir, "overlay.json"), "-o", bin, "./cmd/duban")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build without ECharts: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "--version").Output(); err != nil || !strings.HasPrefix(string(out), "duban ") {
		t.Errorf("the build without ECharts: --version %q, %v", out, err)
	}
}

// The demo banner says what to open and whom to sign in as first.
func TestDemoBannerSaysWhereToStart(t *testing.T) {
	var out bytes.Buffer
	users := []duban.User{{Username: "admin", Role: duban.RoleAdmin}, {Username: demo.SupervisorUsername, Role: duban.RoleSupervisor},
		{Username: "fgw", Role: duban.RoleReporter, UnitCode: "fgw"}}
	printDemoBanner(&out, "127.0.0.1:9999", demoOptions{db: "demo.db", data: &dataFlags{}, asOf: mustDate("2021-07-15")}, users, time.Second)
	for _, want := range []string{"先打开 (open first): http://127.0.0.1:9999/login", "以 duchashi（督查室 supervisor）登录", "fgw（单位填报 unit reporter）"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, out.String())
		}
	}
}

// Commands that read a database refuse where there is none, naming the
// file and how to make one, and leave no empty file behind.
func TestReadCommandsLeaveNoEmptyDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "duban.db")
	for _, args := range [][]string{
		{"rollup", "--db", db},
		{"plan", "export", "--db", db},
		{"plan", "export", "--db", db, "--format", "xlsx", "--out", filepath.Join(dir, "p.xlsx")},
		{"bulletin", "--db", db, "--plan", "1", "--period", "2021-06"},
		{"user", "list", "--db", db},
		{"report", "template", "--db", db, "--unit", "fgw", "--period", "2021-06", "--out", filepath.Join(dir, "t.xlsx")},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), args, &stdout, &stderr)
		if err == nil || !strings.Contains(duban.ErrorMessage(err), "数据库文件 "+db+" 不存在") {
			t.Errorf("%v: %v, want the missing database named", args, err)
		}
		if _, serr := os.Stat(db); serr == nil {
			t.Fatalf("%v left %s behind", args, db)
		}
	}
}

// Without --as-of, a plan of a past year is judged as of its end, not
// today: the export and the status refresh of the 2021 plan say 2021-12-31.
func TestPastPlanJudgedAtItsEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	conn, _, err := seedDemo(context.Background(), demoOptions{db: db, password: "x", asOf: mustDate("2021-07-15"), seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if out := mustRun(t, "plan", "export", "--db", db, "--format", "xlsx", "--out", filepath.Join(dir, "p.xlsx")); !strings.Contains(out, "状态截至 2021-12-31") {
		t.Errorf("export without --as-of: %q, want as of 2021-12-31", out)
	}
	if out := mustRun(t, "rollup", "--db", db, "--refresh"); !strings.Contains(out, "as of 2021-12-31") {
		t.Errorf("rollup --refresh without --as-of: %q", out)
	}
	p := &duban.Plan{PeriodEnd: duban.MustDate("2021-12-31")}
	for today, want := range map[string]string{"2021-07-15": "2021-07-15", "2026-12-05": "2021-12-31"} {
		if got := planAsOf(p, duban.MustDate(today)); got.String() != want {
			t.Errorf("planAsOf on %s = %s, want %s", today, got, want)
		}
	}
}
