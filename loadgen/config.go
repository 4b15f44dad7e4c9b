// Package loadgen is a bounded, open-loop HTTP load generator for duban:
// it signs in as many reporters of a dataset made by duban gen, sends a
// mix of report submissions, batch uploads, dashboard, tree and list reads
// at a fixed rate to a server on this machine only, and reports throughput,
// latency percentiles per operation and errors by status code.
package loadgen

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/synth"
)

// Operations a mix can name.
const (
	OpSubmit    = "submit"
	OpBatch     = "batch"
	OpDashboard = "dashboard"
	OpTree      = "tree"
	OpList      = "list"
)

var knownOps = []string{OpSubmit, OpBatch, OpDashboard, OpTree, OpList}

// BatchSize is the number of reports in one batch upload.
const BatchSize = 10

// Config describes a run.
type Config struct {
	Addr        string        // host:port or http://host:port; loopback only
	Duration    time.Duration // how long to send
	Rate        float64       // requests per second, open loop
	Mix         map[string]int
	Users       int
	Password    string
	Dataset     synth.Config // districts and items of the generated data
	MaxRequests int          // hard cap whatever the duration and rate
	MaxInFlight int          // requests beyond it are counted as dropped
	Seed        uint64
	// AnyDistrict makes every dashboard and tree read a district picked at
	// random among all Dataset.Districts, not the signed-in user's own:
	// what a national office reading the whole country does.
	AnyDistrict bool
	// Today reads dashboards and trees without as_of, as of the server's
	// day (what it stores), instead of as of the dataset's last day.
	Today bool
}

// ParseMix reads "submit=50,batch=5,dashboard=25".
func ParseMix(s string) (map[string]int, error) {
	mix := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		name, weight, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(weight)
		if !ok || err != nil || n < 0 || !known(name) {
			return nil, duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "mix",
				Message: fmt.Sprintf("%q 应为 操作=权重，操作为 %s (want op=weight, op one of %s)", part,
					strings.Join(knownOps, "、"), strings.Join(knownOps, ", "))})
		}
		mix[name] += n
	}
	total := 0
	for _, n := range mix {
		total += n
	}
	if total == 0 {
		return nil, duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "mix", Message: "权重之和为零 (weights sum to zero)"})
	}
	return mix, nil
}

func known(op string) bool {
	for _, k := range knownOps {
		if op == k {
			return true
		}
	}
	return false
}

// BaseURL checks that addr names this machine and returns its base URL.
func BaseURL(addr string) (string, error) {
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	u, err := url.Parse(addr)
	bad := func(msg string) error {
		return duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "addr", Message: msg})
	}
	if err != nil || u.Host == "" || u.Scheme != "http" {
		return "", bad("应为 127.0.0.1:端口 (want 127.0.0.1:PORT)")
	}
	host := u.Hostname()
	if host != "localhost" {
		ip := net.ParseIP(host)
		if ip == nil || !ip.IsLoopback() {
			return "", bad("只能压测本机 127.0.0.1 或 localhost (load goes to this machine only)")
		}
	}
	return "http://" + u.Host, nil
}

// Validate checks the run's bounds.
func (c *Config) Validate() error {
	var errs []duban.FieldError
	add := func(f, m string) { errs = append(errs, duban.FieldError{Field: f, Message: m}) }
	if _, err := BaseURL(c.Addr); err != nil {
		return err
	}
	if c.Duration <= 0 || c.Duration > time.Hour {
		add("duration", "应在 0 到 1 小时之间 (want more than 0, at most 1h)")
	}
	if c.Rate <= 0 || c.Rate > 20000 {
		add("rate", "应为 1–20000 次/秒 (want 1 to 20000 per second)")
	}
	if c.Users < 1 || c.Users > c.Dataset.Districts*synth.UnitsPerDistrict {
		add("users", "应为 1 到 区县数×10 (want 1 to districts × 10)")
	}
	if len(c.Mix) == 0 {
		add("mix", "必填 (required)")
	}
	if errs != nil {
		return duban.Invalid("参数有误 (bad flag)", errs...)
	}
	return nil
}

// planned is how many requests the run sends: rate × duration, capped.
func (c *Config) planned() int {
	n := int(c.Rate * c.Duration.Seconds())
	if c.MaxRequests > 0 {
		n = min(n, c.MaxRequests)
	}
	return max(n, 1)
}

// ops lists the mix's operations in a fixed order with cumulative weights.
func (c *Config) ops() ([]string, []int) {
	names := make([]string, 0, len(c.Mix))
	for k := range c.Mix {
		names = append(names, k)
	}
	sort.Strings(names)
	cum, total := make([]int, len(names)), 0
	for i, n := range names {
		total += c.Mix[n]
		cum[i] = total
	}
	return names, cum
}
