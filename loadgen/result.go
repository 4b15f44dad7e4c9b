package loadgen

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

// Result is what a run measured.
type Result struct {
	Elapsed time.Duration
	Ops     map[string]*OpStats
	order   []string
	mu      sync.Mutex
}

// OpStats are one operation's answers.
type OpStats struct {
	Latencies []time.Duration // of answered requests
	Status    map[int]int     // by HTTP status; 0 transport error, -1 dropped
}

func newResult(names []string) *Result {
	r := &Result{Ops: map[string]*OpStats{}, order: names}
	for _, n := range names {
		r.Ops[n] = &OpStats{Status: map[int]int{}}
	}
	return r
}

func (r *Result) record(op string, d time.Duration, status int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.Ops[op]
	s.Status[status]++
	if status > 0 {
		s.Latencies = append(s.Latencies, d)
	}
}

// Count is the number of requests of the operation, dropped included.
func (s *OpStats) Count() int {
	n := 0
	for _, c := range s.Status {
		n += c
	}
	return n
}

// Errors counts answers that are not 2xx.
func (s *OpStats) Errors() int {
	n := 0
	for code, c := range s.Status {
		if code < 200 || code > 299 {
			n += c
		}
	}
	return n
}

// Percentile returns the p-th percentile latency (0 < p ≤ 100).
func (s *OpStats) Percentile(p float64) time.Duration {
	if len(s.Latencies) == 0 {
		return 0
	}
	l := append([]time.Duration(nil), s.Latencies...)
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	i := int(float64(len(l))*p/100+0.999999) - 1
	return l[min(max(i, 0), len(l)-1)]
}

// Print writes the table of the run.
func (r *Result) Print(w io.Writer) {
	total, errs := 0, 0
	fmt.Fprintf(w, "%-10s %8s %9s %9s %9s %9s %9s  %s\n", "op", "count", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors (status: count)")
	for _, name := range r.order {
		s := r.Ops[name]
		total, errs = total+s.Count(), errs+s.Errors()
		fmt.Fprintf(w, "%-10s %8d %9.1f %9.2f %9.2f %9.2f %9.2f  %s\n", name, s.Count(),
			float64(s.Count())/r.Elapsed.Seconds(), ms(s.Percentile(50)), ms(s.Percentile(90)),
			ms(s.Percentile(99)), ms(s.Percentile(100)), s.errorText())
	}
	fmt.Fprintf(w, "合计 (total) %d 次请求 (requests) in %.1f s = %.1f 次/秒 (req/s), 错误 (errors) %d\n",
		total, r.Elapsed.Seconds(), float64(total)/r.Elapsed.Seconds(), errs)
}

func (s *OpStats) errorText() string {
	var codes []int
	for code := range s.Status {
		if code < 200 || code > 299 {
			codes = append(codes, code)
		}
	}
	sort.Ints(codes)
	out := ""
	for _, c := range codes {
		label := fmt.Sprint(c)
		switch c {
		case 0:
			label = "transport"
		case -1:
			label = "dropped"
		}
		out += fmt.Sprintf("%s: %d ", label, s.Status[c])
	}
	if out == "" {
		return "-"
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
