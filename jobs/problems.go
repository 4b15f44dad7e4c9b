package jobs

import (
	"context"

	"github.com/duban-dev/duban"
)

// Problems escalates the problems open past their deadline; the store
// implements it.
type Problems interface {
	EscalateOverdueProblems(ctx context.Context, actor *duban.User, today duban.Date) ([]duban.Problem, error)
}

// escalateProblems raises the overdue problems one level (at most once a
// day: the new deadline lies after today) and tells ProblemsChanged which
// plans changed, so cached ledgers are rebuilt.
func (r *Runner) escalateProblems(ctx context.Context, today duban.Date) (int, error) {
	if r.cfg.Problems == nil {
		return 0, nil
	}
	got, err := r.cfg.Problems.EscalateOverdueProblems(ctx, System, today)
	if r.cfg.ProblemsChanged != nil {
		seen := map[int64]bool{}
		for _, p := range got {
			if !seen[p.PlanID] {
				seen[p.PlanID] = true
				r.cfg.ProblemsChanged(p.PlanID)
			}
		}
	}
	return len(got), err
}
