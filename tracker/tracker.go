// Package tracker keeps the evaluated status of plans: it reads a plan's
// snapshot from the store, runs the status engine over every indicator,
// rolls the results up the tree and to units, and keeps that in memory so
// an approved report re-evaluates one indicator and only its ancestors.
package tracker

import (
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

// Service caches evaluated plans per as-of date.
type Service struct {
	src   Source
	mu    sync.Mutex
	cache map[cacheKey]*PlanStatus
}

type cacheKey struct {
	plan int64
	asOf duban.Date
}

// maxCached bounds memory: past it the cache is dropped and refilled.
const maxCached = 256

func NewService(src Source) *Service {
	return &Service{src: src, cache: map[cacheKey]*PlanStatus{}}
}

// View runs fn on the plan's status as of the date, evaluating it first if
// it is not cached. fn must not keep the PlanStatus.
func (s *Service) View(ctx context.Context, planID int64, asOf duban.Date, fn func(*PlanStatus) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := cacheKey{planID, asOf}
	ps := s.cache[key]
	if ps == nil {
		snap, err := s.src.Snapshot(ctx, planID, asOf)
		if err != nil {
			return err
		}
		if ps, err = Evaluate(snap, asOf); err != nil {
			return err
		}
		if len(s.cache) >= maxCached {
			clear(s.cache)
		}
		s.cache[key] = ps
	}
	return fn(ps)
}

// ReportsChanged folds reviewed or submitted reports into every cached
// evaluation of their plan.
func (s *Service) ReportsChanged(reps ...duban.Report) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for key, ps := range s.cache {
		for _, r := range reps {
			if r.PlanID != key.plan {
				continue
			}
			if err := ps.apply(r); err != nil {
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
	for key := range s.cache {
		if key.plan == planID {
			delete(s.cache, key)
		}
	}
}
