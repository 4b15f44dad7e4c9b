// Package jobs runs the server's periodic supervision work: escalating
// notices whose reply is overdue, issuing notices by the rules, and
// removing expired sessions.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// SessionSweeper removes sessions that expired at now.
type SessionSweeper interface {
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)
}

// Statuses keeps the indicator statuses the jobs store and names the plans
// the notice rules must look at; the store implements it.
type Statuses interface {
	tracker.StatusStore
	PlansToSupervise(ctx context.Context, asOf duban.Date, statuses []string) ([]int64, error)
}

// Config wires the runner to its services.
type Config struct {
	Plans    duban.PlanService
	Notices  duban.NoticeService
	Sessions SessionSweeper
	Tracker  *tracker.Service
	// Statuses, when set, narrows each run to the plans with something new
	// to act on and keeps the stored statuses current; without it every
	// plan is judged through the tracker's cache.
	Statuses Statuses
	Now      func() time.Time // time.Now when nil
	Logger   *slog.Logger     // slog.Default when nil
}

// Runner runs the jobs once or periodically.
type Runner struct{ cfg Config }

// System is the actor the jobs write as.
var System = &duban.User{Username: "system", DisplayName: "自动督办 (automatic supervision)", Role: duban.RoleSupervisor}

func New(cfg Config) *Runner {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Runner{cfg: cfg}
}

// Result counts what one run did.
type Result struct {
	Escalated, Issued int
	SessionsRemoved   int64
	Judged            int // plans the notice rules looked at
}

// RunOnce escalates overdue notices of every plan, then runs the notice
// rules as of today on each plan that needs them (every plan without
// Config.Statuses), then removes expired sessions. It goes on after a
// failing step and returns the first error.
func (r *Runner) RunOnce(ctx context.Context) (Result, error) {
	var res Result
	now := r.cfg.Now()
	today := duban.DateOf(now)
	escalated, firstErr := r.cfg.Notices.EscalateOverdue(ctx, System, 0, today)
	res.Escalated = len(escalated)
	plans, err := r.plansToJudge(ctx, today)
	firstErr = first(firstErr, err)
	for _, id := range plans {
		var issued []duban.Notice
		if r.cfg.Statuses != nil {
			issued, err = r.cfg.Tracker.SuperviseAndSave(ctx, r.cfg.Notices, r.cfg.Statuses, System, id, today)
		} else {
			issued, err = r.cfg.Tracker.Supervise(ctx, r.cfg.Notices, System, id, today)
		}
		res.Issued += len(issued)
		res.Judged++
		firstErr = first(firstErr, err)
	}
	res.SessionsRemoved, err = r.cfg.Sessions.DeleteExpiredSessions(ctx, now)
	return res, first(firstErr, err)
}

func (r *Runner) plansToJudge(ctx context.Context, today duban.Date) ([]int64, error) {
	if r.cfg.Statuses != nil {
		return r.cfg.Statuses.PlansToSupervise(ctx, today, tracker.RuleStatuses())
	}
	plans, err := r.plans(ctx)
	ids := make([]int64, len(plans))
	for i, p := range plans {
		ids[i] = p.ID
	}
	return ids, err
}

// Run calls RunOnce now and then every interval until ctx is done, logging
// what each run did.
func (r *Runner) Run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		start := time.Now()
		res, err := r.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			r.cfg.Logger.Error("periodic jobs", "err", err)
		}
		r.cfg.Logger.Info("periodic jobs", "escalated", res.Escalated, "judged", res.Judged, "issued", res.Issued,
			"sessions_removed", res.SessionsRemoved, "took", time.Since(start).Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func (r *Runner) plans(ctx context.Context) ([]duban.PlanSummary, error) {
	var all []duban.PlanSummary
	for page := 1; ; page++ {
		p := duban.Page{Page: page, PerPage: duban.MaxPerPage}
		list, total, err := r.cfg.Plans.ListPlans(ctx, duban.PlanFilter{Page: p})
		if err != nil {
			return all, err
		}
		all = append(all, list...)
		if page*p.PerPage >= total {
			return all, nil
		}
	}
}

func first(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
