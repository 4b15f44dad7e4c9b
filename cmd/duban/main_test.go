package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var addrPattern = regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)

// startCommand runs a serving command in-process and returns its base URL
// once it printed its address.
func startCommand(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, &stdout, &stderr) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("%s: %v", args[0], err)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := addrPattern.FindStringSubmatch(stdout.String()); m != nil {
			return "http://" + m[1], &stdout
		}
		select {
		case err := <-done:
			t.Fatalf("%s exited early: %v\nstderr: %s", args[0], err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("%s printed no address; stdout: %s stderr: %s", args[0], stdout.String(), stderr.String())
	return "", nil
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: decode: %v", url, err)
		}
	}
	return resp.StatusCode
}

type planList struct {
	Items []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
		Year  int    `json:"year"`
	} `json:"items"`
	Total int `json:"total"`
}

type indicatorList struct {
	Items []struct {
		ID         int64    `json:"id"`
		NodeID     int64    `json:"node_id"`
		Name       string   `json:"name"`
		Unit       string   `json:"unit"`
		Target     *float64 `json:"target"`
		Comparator string   `json:"comparator"`
		Deadline   *string  `json:"deadline"`
		Commitment string   `json:"commitment"`
	} `json:"items"`
	Total int `json:"total"`
}

func TestDemoServesTheErqiPlan(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	base, out := startCommand(t, "demo", "--addr", "127.0.0.1:0", "--db", dbPath, "--password", "pw-test")
	for _, want := range []string{"admin", "pw-test", "duchashi"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, out.String())
		}
	}
	if code := getJSON(t, base+"/healthz", nil); code != http.StatusOK {
		t.Fatalf("healthz: %d", code)
	}
	var plans planList
	getJSON(t, base+"/api/v1/plans", &plans)
	if plans.Total != 1 || len(plans.Items) != 1 || plans.Items[0].Year != 2021 || !strings.Contains(plans.Items[0].Title, "二七") {
		t.Fatalf("plans = %+v", plans)
	}
	var inds indicatorList
	getJSON(t, base+"/api/v1/plans/"+itoa(plans.Items[0].ID)+"/indicators?per_page=500", &inds)
	if inds.Total < 17 || len(inds.Items) != inds.Total {
		t.Fatalf("indicators: total %d, items %d", inds.Total, len(inds.Items))
	}
	var found bool
	for _, in := range inds.Items {
		if in.Target != nil && *in.Target == 248 && in.Unit == "个" && in.Deadline != nil && *in.Deadline == "2021-12-31" {
			found = true
		}
	}
	if !found {
		t.Error("the 248 old-estate renovations are not listed")
	}
	var page indicatorList
	getJSON(t, base+"/api/v1/plans/"+itoa(plans.Items[0].ID)+"/indicators?page=2&per_page=5", &page)
	if len(page.Items) != 5 || page.Items[0].ID != inds.Items[5].ID || page.Total != inds.Total {
		t.Errorf("page 2 of 5: %d items, first %d, want %d", len(page.Items), page.Items[0].ID, inds.Items[5].ID)
	}
}

func TestPlanExportImportExportIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.yaml"), filepath.Join(dir, "second.yaml")
	demoDB := filepath.Join(dir, "demo.db")
	ctx := context.Background()
	opts := demoOptions{db: demoDB, password: "x", asOf: mustDate("2021-07-15"), seed: 1}
	db, _, err := seedDemo(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	mustRun(t, "plan", "export", "--db", demoDB, "--out", first)
	otherDB := filepath.Join(dir, "other.db")
	mustRun(t, "plan", "import", "--db", otherDB, first)
	mustRun(t, "plan", "export", "--db", otherDB, "--plan", "erqi-2021", "--out", second)
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if len(a) < 1000 || !bytes.Equal(a, b) {
		t.Fatalf("export → import → export differs (%d vs %d bytes)", len(a), len(b))
	}
}

func TestBadPlanFileWritesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(`format: duban-plan/1
plan:
  id: bad
  title: 坏计划
  year: 2021
  start: 2021-01-01
  end: 2021-12-31
nodes:
  - id: t1
    kind: task
    title: 任务一
    indicators:
      - name: 数量
        target: 3
`), 0o644)
	dbPath := filepath.Join(dir, "x.db")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"plan", "import", "--db", dbPath, bad}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:") || !strings.Contains(err.Error(), "unit") {
		t.Fatalf("want an error naming the file, line and field unit, got %v", err)
	}
	if exitCode(err) != 2 {
		t.Errorf("exit code %d, want 2", exitCode(err))
	}
	var list bytes.Buffer
	if err := run(context.Background(), []string{"plan", "export", "--db", dbPath}, &list, &stderr); err == nil {
		t.Error("a plan was written despite the error")
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("duban %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}
