// Package tracker keeps the evaluated status of plans: it reads a plan's
// snapshot from the store, runs the status engine over every indicator,
// rolls the results up the tree and to units, and keeps that in memory so
// an approved report re-evaluates one indicator and only its ancestors.
package tracker

import (
	"container/list"
	"context"
	"sync"

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

	inputs map[string]*status.IndicatorInput // by indicator code
	byID   map[int64]string                  // indicator id → code

	dashboardJSON []byte // encoded Dashboard; nil until asked for and after a change
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
	ps.dashboardJSON = nil
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
// so their stored statuses can be refreshed.
type Service struct {
	src   Source
	mu    sync.Mutex
	limit int
	cache map[cacheKey]*list.Element // of *entry
	lru   *list.List                 // front is most recently used
	dirty map[int64]bool
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
	key cacheKey
	ps  *PlanStatus
}

// DefaultLimit bounds memory: a 300-indicator plan's evaluation takes
// about half a megabyte, so 64 of them stay far below the server's budget.
const DefaultLimit = 64

// Option configures a Service.
type Option func(*Service)

// WithLimit sets how many evaluations the cache keeps (at least one).
func WithLimit(n int) Option { return func(s *Service) { s.limit = max(n, 1) } }

func NewService(src Source, opts ...Option) *Service {
	s := &Service{src: src, limit: DefaultLimit, cache: map[cacheKey]*list.Element{}, lru: list.New(),
		dirty: map[int64]bool{}, loading: map[cacheKey]chan struct{}{}, changes: map[int64]uint64{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Len is the number of cached evaluations.
func (s *Service) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lru.Len()
}

// View runs fn on the plan's status as of the date, evaluating it first if
// it is not cached. fn must not keep the PlanStatus. Evaluation runs
// outside the lock, so a cold plan does not hold up views of others; one
// caller evaluates a key while the others wait for it.
func (s *Service) View(ctx context.Context, planID int64, asOf duban.Date, fn func(*PlanStatus) error) error {
	key := cacheKey{planID, asOf}
	for {
		s.mu.Lock()
		if el := s.cache[key]; el != nil {
			defer s.mu.Unlock()
			s.lru.MoveToFront(el)
			return fn(el.Value.(*entry).ps)
		}
		wait, busy := s.loading[key]
		if !busy {
			break // the lock is still held
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
		for s.lru.Len() >= s.limit {
			s.remove(s.lru.Back())
		}
		s.cache[key] = s.lru.PushFront(&entry{key, ps})
	}
	return fn(ps)
}

func (s *Service) evaluate(ctx context.Context, key cacheKey) (*PlanStatus, error) {
	snap, err := s.src.Snapshot(ctx, key.plan, key.asOf)
	if err != nil {
		return nil, err
	}
	return Evaluate(snap, key.asOf)
}

func (s *Service) remove(el *list.Element) {
	delete(s.cache, el.Value.(*entry).key)
	s.lru.Remove(el)
}

// TakeDirty returns the plans whose reports changed since the last call.
func (s *Service) TakeDirty() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.dirty))
	for id := range s.dirty {
		ids = append(ids, id)
	}
	clear(s.dirty)
	return ids
}

// ReportsChanged folds reviewed or submitted reports into every cached
// evaluation of their plan.
func (s *Service) ReportsChanged(reps ...duban.Report) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range reps {
		s.dirty[r.PlanID] = true
		s.changes[r.PlanID]++
	}
	for el := s.lru.Front(); el != nil; {
		next, e := el.Next(), el.Value.(*entry)
		for _, r := range reps {
			if r.PlanID != e.key.plan {
				continue
			}
			if err := e.ps.apply(r); err != nil {
				s.remove(el) // recompute from the store next time
				break
			}
		}
		el = next
	}
}

// Forget drops a plan's cached evaluations, e.g. after it is re-imported.
func (s *Service) Forget(planID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changes[planID]++
	for el := s.lru.Front(); el != nil; {
		next := el.Next()
		if el.Value.(*entry).key.plan == planID {
			s.remove(el)
		}
		el = next
	}
}
