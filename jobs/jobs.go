// Package jobs runs the server's periodic supervision work: escalating
// notices whose reply is overdue, issuing notices by the rules, and
// removing expired sessions. With several servers on one database only the
// one holding the leader lock runs them.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/duban-dev/duban"
)

// SessionSweeper removes sessions that expired at now.
type SessionSweeper interface {
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)
}

// Statuses moves the stored statuses of every plan to the day, set-based:
// only indicators whose next change falls due are judged again. The store
// implements it.
type Statuses interface {
	AdvanceStatuses(ctx context.Context, day duban.Date, actor string) (duban.StatusAdvance, error)
}

// Rules issues one round of the notice rules over the stored statuses,
// set-based; the store implements it.
type Rules interface {
	IssueRuleNotices(ctx context.Context, actor *duban.User, r duban.RuleRound) (duban.RoundResult, error)
}

// Leader elects the one server that runs the jobs when several share a
// database; the store implements it (a PostgreSQL advisory lock).
type Leader interface {
	TryLead(ctx context.Context, job string) (release func(), ok bool, err error)
}

// Config wires the runner to its services.
type Config struct {
	Notices  duban.NoticeService
	Rules    Rules
	Sessions SessionSweeper
	Statuses Statuses
	// Leader, when set, lets a run go ahead only on the server that leads;
	// the others skip it.
	Leader Leader
	// Policy groups a round's items into notices: one per unit (default)
	// or one per item. ClosedYears also judges plans whose year ended.
	Policy      duban.NoticePolicy
	ClosedYears bool
	// Problems, when set, escalates the problems open past their deadline;
	// ProblemsChanged is then told each plan whose problems moved.
	Problems        Problems
	ProblemsChanged func(planID int64)
	Now             func() time.Time // time.Now when nil
	Logger          *slog.Logger     // slog.Default when nil
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
	Listed            int // items the issued notices list
	Refreshed         int // plans whose stored statuses were brought up to the day
	Rejudged          int // indicators among them judged again (their light could flip)
	Whole             int // plans among them judged whole rather than by deltas
	RefreshTime       time.Duration
	SessionsRemoved   int64
	Skipped           bool // another server leads
	ProblemsEscalated int  // problems raised a level for their passed deadline
}

// LeaderJob names the lock the periodic jobs run under.
const LeaderJob = "jobs"

// RunOnce, on the leading server only, escalates overdue notices and
// problems, brings
// stale stored statuses up to the day, runs one round of the notice rules
// over them and removes expired sessions. It goes on after a failing step
// and returns the first error.
func (r *Runner) RunOnce(ctx context.Context) (Result, error) {
	if r.cfg.Leader != nil {
		release, ok, err := r.cfg.Leader.TryLead(ctx, LeaderJob)
		if err != nil || !ok {
			return Result{Skipped: err == nil}, err
		}
		defer release()
	}
	var res Result
	now := r.cfg.Now()
	today := duban.DateOf(now)
	var err error
	res.Escalated, err = r.escalate(ctx, today)
	firstErr := err
	res.ProblemsEscalated, err = r.escalateProblems(ctx, today)
	firstErr = first(firstErr, err)
	refreshStarted := time.Now()
	res.Refreshed, res.Rejudged, res.Whole, err = r.refreshStale(ctx, today)
	res.RefreshTime = time.Since(refreshStarted)
	firstErr = first(firstErr, err)
	if err == nil {
		round := duban.RuleRound{AsOf: today, Policy: r.cfg.Policy, ClosedYears: r.cfg.ClosedYears}
		var got duban.RoundResult
		got, err = r.cfg.Rules.IssueRuleNotices(ctx, System, round)
		res.Issued, res.Listed = got.Notices, got.Items
		firstErr = first(firstErr, err)
	}
	res.SessionsRemoved, err = r.cfg.Sessions.DeleteExpiredSessions(ctx, now)
	return res, first(firstErr, err)
}

// RoundEscalator raises every overdue notice set-based, leaving out plans
// whose year has ended unless closedYears; the store implements it.
type RoundEscalator interface {
	EscalateOverdueRound(ctx context.Context, actor *duban.User, today duban.Date, closedYears bool) (int, error)
}

// escalate raises the notices whose reply is overdue, by the round's
// closed-years policy when the notice service can apply it.
func (r *Runner) escalate(ctx context.Context, today duban.Date) (int, error) {
	if round, ok := r.cfg.Notices.(RoundEscalator); ok {
		return round.EscalateOverdueRound(ctx, System, today, r.cfg.ClosedYears)
	}
	escalated, err := r.cfg.Notices.EscalateOverdue(ctx, System, 0, today)
	return len(escalated), err
}

// refreshStale moves the stored statuses to the day before the notice
// rules read them, and says how many plans moved.
func (r *Runner) refreshStale(ctx context.Context, today duban.Date) (plans, rejudged, whole int, err error) {
	adv, err := r.cfg.Statuses.AdvanceStatuses(ctx, today, "jobs")
	return adv.Plans, adv.Rejudged, adv.Whole, err
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
		if res.Skipped {
			r.cfg.Logger.Info("periodic jobs skipped: another server leads")
		} else {
			r.cfg.Logger.Info("periodic jobs", "escalated", res.Escalated, "problems_escalated", res.ProblemsEscalated, "refreshed", res.Refreshed, "issued", res.Issued,
				"listed", res.Listed, "sessions_removed", res.SessionsRemoved, "took", time.Since(start).Round(time.Millisecond))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func first(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
