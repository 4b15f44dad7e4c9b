package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// loadDuration is how long each open-loop measurement sends requests.
const loadDuration = 3 * time.Second

// benchServer serves the demo plan, with its simulated reports, from a real
// SQLite file on 127.0.0.1 and returns its base URL.
func benchServer(b *testing.B) (*env, string) {
	e := newEnv(b)
	ids, err := indicatorIDs(e)
	if err != nil {
		b.Fatal(err)
	}
	reports := demo.SimulateReports(e.bundle, ids, demoDate, 2021)
	if err := e.db.InsertReports(context.Background(), reports, "bench"); err != nil {
		b.Fatal(err)
	}
	if err := e.srv.Listen("127.0.0.1:0"); err != nil {
		b.Fatal(err)
	}
	go e.srv.Serve()
	b.Cleanup(func() { e.srv.Shutdown(context.Background()) })
	return e, "http://" + e.srv.Addr()
}

// openLoop sends rate requests per second for loadDuration, each at its
// scheduled time whether or not earlier ones have answered, and returns
// each request's latency counted from its scheduled time, so a slow
// server cannot hide its queueing.
func openLoop(b *testing.B, rate int, send func(i int) error) []time.Duration {
	interval := time.Second / time.Duration(rate)
	n := int(loadDuration / interval)
	lat := make([]time.Duration, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		at := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(at))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := send(i); err != nil {
				errs <- err
			}
			lat[i] = time.Since(at)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	slices.Sort(lat)
	return lat
}

func reportLatency(b *testing.B, lat []time.Duration) {
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1])/1e6, "max-ms")
	b.ReportMetric(float64(len(lat)), "requests")
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: 10 * time.Second}

func call(method, url, token string, body []byte, want int) error {
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	reply, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %d %.200s", method, url, resp.StatusCode, reply)
	}
	return nil
}

// BenchmarkSubmitReport submits single reports over HTTP at 500 requests
// per second, open loop, as the unit's reporter, spread over the demo
// plan's monthly indicators. Run with -benchtime 1x.
func BenchmarkSubmitReport(b *testing.B) {
	e, base := benchServer(b)
	var units []string
	for _, u := range e.bundle.Units {
		units = append(units, u.Code)
	}
	type target struct{ path, token string }
	var targets []target
	for _, unit := range units {
		id, ok := e.monthlyIndicatorOf(unit)
		if ok {
			targets = append(targets, target{fmt.Sprintf("%s/api/v1/indicators/%d/reports", base, id), e.token(unit)})
		}
	}
	body := []byte(`{"period":"2021-07","value":42,"note":"按计划推进"}`)
	lat := openLoop(b, 500, func(i int) error {
		t := targets[i%len(targets)]
		return call("POST", t.path, t.token, body, 201)
	})
	reportLatency(b, lat)
}

// BenchmarkDashboard reads the demo plan's dashboard over HTTP at 500
// requests per second, open loop, as the public. Run with -benchtime 1x.
func BenchmarkDashboard(b *testing.B) {
	e, base := benchServer(b)
	url := fmt.Sprintf("%s/api/v1/plans/%d/dashboard?as_of=2021-07-15", base, e.planID)
	if err := call("GET", url, "", nil, 200); err != nil { // the first read evaluates the plan
		b.Fatal(err)
	}
	lat := openLoop(b, 500, func(int) error { return call("GET", url, "", nil, 200) })
	reportLatency(b, lat)
}

var demoDate = duban.DateOf(demoNow)

func indicatorIDs(e *env) (map[string]int64, error) {
	rows, _, err := e.db.ListIndicators(context.Background(), duban.IndicatorFilter{PlanID: e.planID, Page: duban.Page{PerPage: duban.MaxPerPage}})
	if err != nil {
		return nil, err
	}
	ids := map[string]int64{}
	for _, r := range rows {
		ids[r.Code] = r.ID
	}
	return ids, nil
}

// monthlyIndicatorOf finds a monthly cumulative indicator led by the unit.
func (e *env) monthlyIndicatorOf(unit string) (int64, bool) {
	lead := map[string]string{}
	for _, n := range e.bundle.Nodes {
		lead[n.Code] = n.LeadUnit
	}
	rows, _, err := e.db.ListIndicators(context.Background(), duban.IndicatorFilter{PlanID: e.planID, Page: duban.Page{PerPage: duban.MaxPerPage}})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, r := range rows {
		if lead[r.NodeCode] == unit && r.Kind == duban.Cumulative && r.Cadence == duban.Monthly {
			return r.ID, true
		}
	}
	return 0, false
}
