package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/duban-dev/duban/synth"
)

// user is a signed-in reporter with what it may report on.
type user struct {
	name, token string
	plan        int64
	indicators  []int64
}

// Run signs in, sends the planned requests at the configured rate and
// returns what happened. It stops after the duration or the request cap,
// whichever comes first, and waits for answers in flight.
func Run(ctx context.Context, c Config, client *http.Client) (*Result, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	base, _ := BaseURL(c.Addr)
	if client == nil {
		client = newClient()
	}
	users, err := signIn(ctx, c, client, base)
	if err != nil {
		return nil, err
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 1024
	}
	return drive(ctx, c, &sender{c: c, base: base, client: client, users: users}), nil
}

func newClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 1024, 1024
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// pickUser spreads users over districts first, then over the units that
// lead a task.
func pickUser(c Config, k int) (district, unit int) {
	units := min(synth.UnitsPerDistrict, c.Dataset.Tasks())
	return k % c.Dataset.Districts, (k / c.Dataset.Districts) % units
}

func signIn(ctx context.Context, c Config, client *http.Client, base string) ([]*user, error) {
	users := make([]*user, c.Users)
	for k := range users {
		d, u := pickUser(c, k)
		name := synth.UnitCode(d, u)
		body, _ := json.Marshal(map[string]string{"username": name, "password": c.Password})
		req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/login", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		res, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("登录 (sign in) %s: %w", name, err)
		}
		var out struct{ Token string }
		err = json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if res.StatusCode != 200 || err != nil {
			return nil, fmt.Errorf("登录 (sign in) %s: HTTP %d", name, res.StatusCode)
		}
		users[k] = &user{name: name, token: out.Token, plan: synth.PlanID(d), indicators: c.Dataset.UnitIndicators(d, u)}
	}
	return users, nil
}

// drive schedules request i at start + i/rate and measures its latency
// from that moment, so a slow server cannot slow the schedule down.
func drive(ctx context.Context, c Config, s *sender) *Result {
	names, cum := c.ops()
	rng := rand.New(rand.NewPCG(c.Seed, 1))
	res := newResult(names)
	n := c.planned()
	interval := time.Duration(float64(time.Second) / c.Rate)
	slots := make(chan struct{}, c.MaxInFlight)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		at := start.Add(time.Duration(i) * interval)
		if wait := time.Until(at); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				i = n
				continue
			}
		}
		if time.Since(start) > c.Duration {
			break
		}
		op := pick(names, cum, rng.IntN(cum[len(cum)-1]))
		u := s.users[rng.IntN(len(s.users))]
		seed := rng.Uint64()
		select {
		case slots <- struct{}{}:
		default:
			res.record(op, 0, -1)
			continue
		}
		wg.Add(1)
		go func() {
			defer func() { <-slots; wg.Done() }()
			status := s.do(ctx, op, u, rand.New(rand.NewPCG(seed, 2)))
			res.record(op, time.Since(at), status)
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

func pick(names []string, cum []int, r int) string {
	for i, c := range cum {
		if r < c {
			return names[i]
		}
	}
	return names[len(names)-1]
}

// sender builds and sends one operation's request.
type sender struct {
	c      Config
	base   string
	client *http.Client
	users  []*user
}

// do returns the status code, 0 when the request failed in transport.
func (s *sender) do(ctx context.Context, op string, u *user, rng *rand.Rand) int {
	method, path, body := s.request(op, u, rng)
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
	if err != nil {
		return 0
	}
	req.Header.Set("Authorization", "Bearer "+u.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := s.client.Do(req)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func (s *sender) request(op string, u *user, rng *rand.Rand) (method, path string, body any) {
	asOf := "?as_of=" + s.c.Dataset.AsOf().String()
	if s.c.Today {
		asOf = "?"
	}
	plan := strconv.FormatInt(u.plan, 10)
	if s.c.AnyDistrict && (op == OpDashboard || op == OpTree) {
		plan = strconv.FormatInt(synth.PlanID(rng.IntN(s.c.Dataset.Districts)), 10)
	}
	switch op {
	case OpSubmit:
		return "POST", "/api/v1/indicators/" + strconv.FormatInt(u.indicators[rng.IntN(len(u.indicators))], 10) + "/reports",
			s.report(rng, 0)
	case OpBatch:
		reports := make([]map[string]any, BatchSize)
		for i := range reports {
			reports[i] = s.report(rng, u.indicators[rng.IntN(len(u.indicators))])
		}
		return "POST", "/api/v1/reports/batch", map[string]any{"reports": reports}
	case OpDashboard:
		return "GET", "/api/v1/plans/" + plan + "/dashboard" + asOf, nil
	case OpTree:
		return "GET", "/api/v1/plans/" + plan + "/nodes" + asOf + "&view=tree", nil
	default:
		return "GET", "/api/v1/reports?per_page=50&page=" + strconv.Itoa(1+rng.IntN(3)), nil
	}
}

// report is a monthly report within the dataset's months.
func (s *sender) report(rng *rand.Rand, indicator int64) map[string]any {
	months := max(s.c.Dataset.Months, 1)
	r := map[string]any{"period": fmt.Sprintf("%d-%02d", synth.Year, 1+rng.IntN(months)),
		"value": float64(rng.IntN(1000)), "note": "压测 (load test)"}
	if indicator != 0 {
		r["indicator_id"] = indicator
	}
	return r
}
