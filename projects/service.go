package projects

import (
	"context"
	"sync"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// Store is what the service reads; the store implements it.
type Store interface {
	Snapshot(ctx context.Context, planID int64, asOf duban.Date) (*duban.Snapshot, error)
	ProjectSteps(ctx context.Context, planID int64) (map[int64][]duban.ProjectStep, error)
	PrepSteps(ctx context.Context, planID int64) ([]string, error)
	PlanMechanisms(ctx context.Context, planID int64) ([]duban.Mechanism, error)
	ListProblems(ctx context.Context, f duban.ProblemFilter) ([]duban.Problem, int, error)
}

// Service builds ledgers from the store. A built input is kept per plan and
// day until the plan's reports change (tracker.Service.Changes) or a
// project write is noted (Changed), so the pages of one meeting do not
// rebuild it.
type Service struct {
	store   Store
	tracker *tracker.Service
	mu      sync.Mutex
	gen     map[int64]uint64
	cache   map[key]*cached
}

type key struct {
	plan int64
	asOf duban.Date
}

type cached struct {
	reports, writes uint64
	in              *Input
	ledger          *Ledger
}

// NewService makes a service; tr may be nil (then nothing is cached).
func NewService(s Store, tr *tracker.Service) *Service {
	return &Service{store: s, tracker: tr, gen: map[int64]uint64{}, cache: map[key]*cached{}}
}

// Changed notes a write to the plan's steps, problems or decisions.
func (s *Service) Changed(planID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen[planID]++
}

func (s *Service) stamp(planID int64) (uint64, uint64) {
	var reports uint64
	if s.tracker != nil {
		reports = s.tracker.Changes(planID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return reports, s.gen[planID]
}

// Ledger returns the plan's ledger and the input it was built from; the
// caller must not change either.
func (s *Service) Ledger(ctx context.Context, planID int64, asOf duban.Date) (*Ledger, *Input, error) {
	k := key{planID, asOf}
	reports, writes := s.stamp(planID)
	s.mu.Lock()
	if c := s.cache[k]; c != nil && c.reports == reports && c.writes == writes && s.tracker != nil {
		s.mu.Unlock()
		return c.ledger, c.in, nil
	}
	s.mu.Unlock()
	in, err := s.Input(ctx, planID, asOf)
	if err != nil {
		return nil, nil, err
	}
	l := Build(in)
	s.mu.Lock()
	if len(s.cache) >= 32 {
		clear(s.cache)
	}
	s.cache[k] = &cached{reports: reports, writes: writes, in: in, ledger: l}
	s.mu.Unlock()
	return l, in, nil
}

// Input reads everything a ledger needs and evaluates the plan.
func (s *Service) Input(ctx context.Context, planID int64, asOf duban.Date) (*Input, error) {
	snap, err := s.store.Snapshot(ctx, planID, asOf)
	if err != nil {
		return nil, err
	}
	ps, err := tracker.Evaluate(snap, asOf)
	if err != nil {
		return nil, err
	}
	in := &Input{Plan: snap.Plan, AsOf: asOf, Nodes: snap.Nodes, Indicators: snap.Indicators,
		Results: make(map[string]status.Result, len(snap.Indicators))}
	for _, ind := range snap.Indicators {
		if res, ok := ps.Rollup.Result(ind.Code); ok {
			in.Results[ind.Code] = res
		}
	}
	for _, r := range snap.Reports {
		if r.State == duban.Approved {
			in.Reports = append(in.Reports, r)
		}
	}
	if in.Steps, err = s.store.ProjectSteps(ctx, planID); err != nil {
		return nil, err
	}
	if in.PrepSteps, err = s.store.PrepSteps(ctx, planID); err != nil {
		return nil, err
	}
	if in.Mechanisms, err = s.store.PlanMechanisms(ctx, planID); err != nil {
		return nil, err
	}
	if in.Names, err = s.names(ctx); err != nil {
		return nil, err
	}
	in.Problems, err = s.openProblems(ctx, planID)
	return in, err
}

func (s *Service) openProblems(ctx context.Context, planID int64) ([]duban.Problem, error) {
	var out []duban.Problem
	for page := 1; ; page++ {
		list, total, err := s.store.ListProblems(ctx, duban.ProblemFilter{PlanID: planID, OpenOnly: true,
			Page: duban.Page{Page: page, PerPage: duban.MaxPerPage}})
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
		if page*duban.MaxPerPage >= total {
			return out, nil
		}
	}
}

// Decisions lists the plan's open dispatch decisions.
type Decisions interface {
	ListDecisions(ctx context.Context, f duban.DecisionFilter) ([]duban.Decision, int, error)
}

// Dispatch builds the dispatch list of the plan's mechanism (by code) as of
// a day; an unknown mechanism is ENOTFOUND.
func (s *Service) Dispatch(ctx context.Context, decisions Decisions, planID int64, mechanism string, asOf duban.Date) (*Dispatch, error) {
	l, in, err := s.Ledger(ctx, planID, asOf)
	if err != nil {
		return nil, err
	}
	var m *duban.Mechanism
	for i := range in.Mechanisms {
		if in.Mechanisms[i].Code == mechanism || (mechanism == "" && m == nil) {
			m = &in.Mechanisms[i]
		}
	}
	if m == nil {
		return nil, duban.Errorf(duban.ENOTFOUND, "计划中没有推进机制 %q (no such mechanism in the plan)", mechanism)
	}
	var open []duban.Decision
	for page := 1; ; page++ {
		list, total, err := decisions.ListDecisions(ctx, duban.DecisionFilter{PlanID: planID, OpenOnly: true,
			Page: duban.Page{Page: page, PerPage: duban.MaxPerPage}})
		if err != nil {
			return nil, err
		}
		open = append(open, list...)
		if page*duban.MaxPerPage >= total {
			break
		}
	}
	return BuildDispatch(l, in, *m, open), nil
}
