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

// PlanStatus is a plan evaluated as of a date. It is never changed once
// made, so any number of readers share it without a lock.
type PlanStatus struct {
	Plan       duban.Plan
	AsOf       duban.Date
	Profile    status.Profile
	Nodes      []duban.Node
	Indicators []duban.Indicator
	Rollup     *status.Rollup
	// StoredVersion is the status_version of the stored state this was
	// read from; 0 when it was evaluated from a snapshot.
	StoredVersion int64

	encoded encodedCache
}

// Evaluate judges every indicator of a snapshot and rolls the results up.
func Evaluate(s *duban.Snapshot, asOf duban.Date) (*PlanStatus, error) {
	profile, err := planProfile(&s.Plan)
	if err != nil {
		return nil, err
	}
	ps := &PlanStatus{Plan: s.Plan, AsOf: asOf, Profile: profile, Nodes: s.Nodes, Indicators: s.Indicators}
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
		results = append(results, status.Evaluate(in, asOf, profile))
	}
	if ps.Rollup, err = status.NewRollup(s.Nodes, results); err != nil {
		return nil, err
	}
	return ps, nil
}

// FromStored makes a PlanStatus of a plan's stored evaluation, restoring
// its rollups as stored instead of computing them.
func FromStored(sp *status.StoredPlan) (*PlanStatus, error) {
	s := &sp.Snapshot
	profile, err := planProfile(&s.Plan)
	if err != nil {
		return nil, err
	}
	r, err := status.RestoreRollup(s.Nodes, sp.Results, sp.Aggregates)
	if err != nil {
		return nil, err
	}
	return &PlanStatus{Plan: s.Plan, AsOf: sp.AsOf, Profile: profile, Nodes: s.Nodes, Indicators: s.Indicators, Rollup: r,
		StoredVersion: sp.Version}, nil
}

func planProfile(p *duban.Plan) (status.Profile, error) {
	profile, err := status.ProfileByName(p.Profile)
	if err != nil {
		return profile, duban.Invalid("计划的状态规则无效 (bad status profile)", duban.FieldError{Field: "profile", Message: err.Error()})
	}
	return profile, nil
}

// Service reads plans' statuses for the pages and the API and caches them
// per as-of date, least recently used out first once it holds its limit.
//
// A plan's status as of the day its stored state is judged as of (today,
// once the daily job has run) is read from the store's rows, never
// evaluated; any other date is evaluated from a snapshot on demand. Every
// cached entry carries the plan's status version, which the store bumps
// in the transaction of every change, and is used only while the version
// read at the start of each View still matches: a change made through any
// server is seen by every other at its next request.
type Service struct {
	src   Source
	mu    sync.RWMutex
	limit int
	cache map[cacheKey]*entry
	clock atomic.Int64 // stamps each use, for least-recently-used eviction
	// changes counts the report changes and re-imports seen here per plan,
	// the version of a source that keeps none.
	changes map[int64]uint64
}

type cacheKey struct {
	plan int64
	asOf duban.Date
}

type entry struct {
	ps      *PlanStatus
	version stamp
	used    atomic.Int64
}

// stamp is a plan's stored version with the changes this server saw.
type stamp struct {
	stored int64
	local  uint64
}

// DefaultLimit bounds memory: a 300-indicator plan's evaluation takes
// about 600 KB and its encoded dashboard and tree about 300 KB more, so
// 128 of them hold about 120 MB, well inside a 500 MB server.
const DefaultLimit = 128

// Option configures a Service.
type Option func(*Service)

// WithLimit sets how many evaluations the cache keeps (at least one).
func WithLimit(n int) Option { return func(s *Service) { s.limit = max(n, 1) } }

func NewService(src Source, opts ...Option) *Service {
	s := &Service{src: src, limit: DefaultLimit, cache: map[cacheKey]*entry{}, changes: map[int64]uint64{}}
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

// StoredSource is a Source that keeps plans' statuses as stored state; the
// store is one.
type StoredSource interface {
	// StatusStamp is the version of the plan's stored status and the day
	// it is judged as of (zero when not stored).
	StatusStamp(ctx context.Context, planID int64) (int64, duban.Date, error)
	// StoredStatus reads the stored evaluation if it is judged as of asOf.
	StoredStatus(ctx context.Context, planID int64, asOf duban.Date) (*status.StoredPlan, bool, error)
}

// View runs fn on the plan's status as of the date. fn must only read the
// PlanStatus and not keep it.
func (s *Service) View(ctx context.Context, planID int64, asOf duban.Date, fn func(*PlanStatus) error) error {
	return s.view(ctx, planID, asOf, true, fn)
}

// ViewOnce is View for a one-off reader such as the periodic jobs: a
// cached evaluation is used (without counting as a use), but one it has to
// make is not kept, so a pass over every plan does not push the plans
// people are looking at out of the cache.
func (s *Service) ViewOnce(ctx context.Context, planID int64, asOf duban.Date, fn func(*PlanStatus) error) error {
	return s.view(ctx, planID, asOf, false, fn)
}

func (s *Service) view(ctx context.Context, planID int64, asOf duban.Date, keep bool, fn func(*PlanStatus) error) error {
	v, storedAsOf, err := s.stamp(ctx, planID)
	if err != nil {
		return err
	}
	key := cacheKey{planID, asOf}
	s.mu.RLock()
	e := s.cache[key]
	s.mu.RUnlock()
	if e != nil && e.version == v {
		if keep {
			e.used.Store(s.clock.Add(1))
		}
		return fn(e.ps)
	}
	ps, v, err := s.load(ctx, key, v, storedAsOf)
	if err != nil {
		return err
	}
	if keep {
		s.put(key, ps, v)
	}
	return fn(ps)
}

func (s *Service) stamp(ctx context.Context, planID int64) (stamp, duban.Date, error) {
	s.mu.RLock()
	v := stamp{local: s.changes[planID]}
	s.mu.RUnlock()
	src, ok := s.src.(StoredSource)
	if !ok {
		return v, duban.Date{}, nil
	}
	var asOf duban.Date
	var err error
	v.stored, asOf, err = src.StatusStamp(ctx, planID)
	return v, asOf, err
}

// load reads the stored evaluation when the plan is stored as of the key's
// date, else evaluates a snapshot. It returns the version what it read
// belongs to: the stored one's own, or the one read before the snapshot
// (a change that raced with it makes the entry stale, never wrong).
func (s *Service) load(ctx context.Context, key cacheKey, v stamp, storedAsOf duban.Date) (*PlanStatus, stamp, error) {
	if src, ok := s.src.(StoredSource); ok && storedAsOf == key.asOf {
		sp, ok, err := src.StoredStatus(ctx, key.plan, key.asOf)
		if err != nil {
			return nil, v, err
		}
		if ok {
			ps, err := FromStored(sp)
			v.stored = sp.Version
			return ps, v, err
		}
	}
	ps, err := s.evaluate(ctx, key)
	return ps, v, err
}

func (s *Service) put(key cacheKey, ps *PlanStatus, v stamp) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur := s.cache[key]; cur != nil && cur.version.stored > v.stored {
		return // a newer one got in first
	}
	if s.cache[key] == nil {
		for len(s.cache) >= s.limit {
			s.evictOldest()
		}
	}
	e := &entry{ps: ps, version: v}
	e.used.Store(s.clock.Add(1))
	s.cache[key] = e
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
// a scan is cheaper than keeping a list ordered.
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

// ReportsChanged drops this server's evaluations of the reports' plans;
// the store has already updated their stored state and version in the
// transaction that changed the reports.
func (s *Service) ReportsChanged(reps ...duban.Report) {
	seen := map[int64]bool{}
	for _, r := range reps {
		if !seen[r.PlanID] {
			seen[r.PlanID] = true
			s.Forget(r.PlanID)
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

// Changes counts the report changes and re-imports seen here for a plan;
// a value derived from the plan's reports stays valid while it is
// unchanged on this server.
func (s *Service) Changes(planID int64) uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.changes[planID]
}
