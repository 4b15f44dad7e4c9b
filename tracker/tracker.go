// Package tracker keeps the evaluated status of plans: it reads a plan's
// snapshot from the store, runs the status engine over every indicator,
// rolls the results up the tree and to units, and keeps that in memory so
// an approved report re-evaluates one indicator and only its ancestors.
package tracker

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Source supplies plan snapshots; the store implements it.
type Source interface {
	Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error)
}

// PlanStatus is a plan evaluated as of a date.
type PlanStatus struct {
	Plan       duban.Plan
	AsOf       duban.Date
	Profile    status.Profile
	Nodes      []duban.Node
	Indicators []duban.Indicator
	Rollup     *status.Rollup

	inputs  map[string]*status.IndicatorInput // by indicator code
	byID    map[int64]string                  // indicator id → code
	encoded encodedCache
}

// Evaluate judges every indicator of a snapshot and rolls the results up.
func Evaluate(s *duban.Snapshot, asOf duban.Date) (*PlanStatus, error) {
	profile, err := status.ProfileByName(s.Plan.Profile)
	if err != nil {
		return nil, duban.Invalid("计划的状态规则无效 (bad status profile)", duban.FieldError{Field: "profile", Message: err.Error()})
	}
	ps := &PlanStatus{Plan: s.Plan, AsOf: asOf, Profile: profile, Nodes: s.Nodes, Indicators: s.Indicators,
		inputs: map[string]*status.IndicatorInput{}, byID: map[int64]string{}}
	nodes := map[string]*duban.Node{}
	for i := range s.Nodes {
		nodes[s.Nodes[i].Code] = &s.Nodes[i]
	}
	byIndicator := map[int64][]duban.Report{}
	for _, r := range s.Reports {
		byIndicator[r.IndicatorID] = append(byIndicator[r.IndicatorID], r)
	}
	results := make([]status.Result, 0, len(s.Indicators))
	for _, ind := range s.Indicators {
		in := status.InputFromReports(ind, nodes[ind.NodeCode], &s.Plan, byIndicator[ind.ID])
		ps.inputs[ind.Code], ps.byID[ind.ID] = &in, ind.Code
		results = append(results, status.Evaluate(in, asOf, profile))
	}
	if ps.Rollup, err = status.NewRollup(s.Nodes, results); err != nil {
		return nil, err
	}
	return ps, nil
}

// apply folds one newly approved or submitted report into the status and
// re-evaluates only its indicator and that indicator's ancestors.
func (ps *PlanStatus) apply(r duban.Report) error {
	code, ok := ps.byID[r.IndicatorID]
	if !ok {
		return nil
	}
	in := ps.inputs[code]
	p, err := duban.ParsePeriod(in.Indicator.Cadence, r.Period)
	if err != nil || p.Start.After(ps.AsOf) {
		return nil // outside this evaluation's window
	}
	if !containsString(in.Reported, r.Period) {
		in.Reported = append(in.Reported, r.Period)
	}
	if r.State == duban.Approved && (in.Latest == nil || r.Period >= in.Latest.Period) {
		in.Latest = &status.Observation{Period: r.Period, Value: r.Value, MilestonesDone: r.MilestonesDone}
	}
	ps.forgetEncoded()
	return ps.Rollup.Update(code, status.Evaluate(*in, ps.AsOf, ps.Profile))
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Service caches evaluated plans per as-of date, least recently used out
// first once it holds its limit, and remembers which plans' reports changed
// so their stored statuses can be refreshed. Views of cached plans run
// side by side under a read lock; folding in reports takes the write lock.
type Service struct {
	src   Source
	mu    sync.RWMutex
	limit int
	cache map[cacheKey]*entry
	clock atomic.Int64             // stamps each use, for least-recently-used eviction
	dirty map[int64]map[int64]bool // plan → indicators whose reports changed
	// loading marks keys being evaluated; changes counts report changes
	// per plan so an evaluation that raced with one is not cached.
	loading map[cacheKey]chan struct{}
	changes map[int64]uint64
}

type cacheKey struct {
	plan int64
	asOf duban.Date
}

type entry struct {
	ps   *PlanStatus
	used atomic.Int64
}

// DefaultLimit bounds memory: a 300-indicator plan's evaluation with a
// year of monthly reports takes about 600 KB and its encoded dashboard and
// tree about 300 KB more, so 128 of them hold about 120 MB, well inside a
// 500 MB server.
const DefaultLimit = 128

// Option configures a Service.
type Option func(*Service)

// WithLimit sets how many evaluations the cache keeps (at least one).
func WithLimit(n int) Option { return func(s *Service) { s.limit = max(n, 1) } }

func NewService(src Source, opts ...Option) *Service {
	s := &Service{src: src, limit: DefaultLimit, cache: map[cacheKey]*entry{}, dirty: map[int64]map[int64]bool{},
		loading: map[cacheKey]chan struct{}{}, changes: map[int64]uint64{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Len is the number of cached evaluations.
func (s *Service) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.cache)
}

// View runs fn on the plan's status as of the date, evaluating it first if
// it is not cached. fn must only read the PlanStatus and not keep it.
// Evaluation runs outside the lock, so a cold plan does not hold up views
// of others; one caller evaluates a key while the others wait for it.
func (s *Service) View(ctx context.Context, planID int64, asOf duban.Date, fn func(*PlanStatus) error) error {
	key := cacheKey{planID, asOf}
	for {
		s.mu.RLock()
		if e := s.cache[key]; e != nil {
			defer s.mu.RUnlock()
			e.used.Store(s.clock.Add(1))
			return fn(e.ps)
		}
		s.mu.RUnlock()
		s.mu.Lock()
		if s.cache[key] != nil {
			s.mu.Unlock()
			continue
		}
		wait, busy := s.loading[key]
		if !busy {
			break // the write lock is still held
		}
		s.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	done := make(chan struct{})
	s.loading[key] = done
	gen := s.changes[planID]
	s.mu.Unlock()

	ps, err := s.evaluate(ctx, key)

	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.loading, key)
	close(done)
	if err != nil {
		return err
	}
	// Reports that changed while the snapshot was read may be missing from
	// it: answer from it this once, but do not keep it.
	if s.changes[planID] == gen {
		for len(s.cache) >= s.limit {
			s.evictOldest()
		}
		e := &entry{ps: ps}
		e.used.Store(s.clock.Add(1))
		s.cache[key] = e
	}
	return fn(ps)
}

// ViewOnce is View for a one-off reader such as the periodic jobs: a
// cached evaluation is used (without counting as a use), but one it has to
// make is not kept, so a pass over every plan does not push the plans
// people are looking at out of the cache.
func (s *Service) ViewOnce(ctx context.Context, planID int64, asOf duban.Date, fn func(*PlanStatus) error) error {
	key := cacheKey{planID, asOf}
	s.mu.RLock()
	if e := s.cache[key]; e != nil {
		defer s.mu.RUnlock()
		return fn(e.ps)
	}
	s.mu.RUnlock()
	ps, err := s.evaluate(ctx, key)
	if err != nil {
		return err
	}
	return fn(ps)
}

// StatusSource is a Source that can also read a lighter snapshot whose
// reports hold only what the status engine reads; the store is one.
type StatusSource interface {
	StatusSnapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error)
}

func (s *Service) evaluate(ctx context.Context, key cacheKey) (*PlanStatus, error) {
	read := s.src.Snapshot
	if lean, ok := s.src.(StatusSource); ok {
		read = lean.StatusSnapshot
	}
	snap, err := read(ctx, key.plan, key.asOf)
	if err != nil {
		return nil, err
	}
	return Evaluate(snap, key.asOf)
}

// evictOldest drops the least recently used entry; the cache is small, so
// a scan is cheaper than keeping a list ordered under the read lock.
func (s *Service) evictOldest() {
	var oldest cacheKey
	least := int64(-1)
	for k, e := range s.cache {
		if u := e.used.Load(); least < 0 || u < least {
			oldest, least = k, u
		}
	}
	delete(s.cache, oldest)
}

// TakeDirty returns, per plan, the indicators whose reports changed since
// the last call.
func (s *Service) TakeDirty() map[int64][]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[int64][]int64, len(s.dirty))
	for plan, inds := range s.dirty {
		for id := range inds {
			out[plan] = append(out[plan], id)
		}
	}
	clear(s.dirty)
	return out
}

// ReportsChanged folds reviewed or submitted reports into every cached
// evaluation of their plan.
func (s *Service) ReportsChanged(reps ...duban.Report) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range reps {
		if s.dirty[r.PlanID] == nil {
			s.dirty[r.PlanID] = map[int64]bool{}
		}
		s.dirty[r.PlanID][r.IndicatorID] = true
		s.changes[r.PlanID]++
	}
	for key, e := range s.cache {
		for _, r := range reps {
			if r.PlanID != key.plan {
				continue
			}
			if err := e.ps.apply(r); err != nil {
				delete(s.cache, key) // recompute from the store next time
				break
			}
		}
	}
}

// Forget drops a plan's cached evaluations, e.g. after it is re-imported.
func (s *Service) Forget(planID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changes[planID]++
	for key := range s.cache {
		if key.plan == planID {
			delete(s.cache, key)
		}
	}
}

// Changes counts the report changes and re-imports seen for a plan; a
// value derived from the plan's reports stays valid while it is unchanged.
func (s *Service) Changes(planID int64) uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.changes[planID]
}
