package bulletin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/duban-dev/duban"
)

// IssueDue issues every bulletin whose plan's schedule says is due at now,
// as actor, and returns them. A plan whose bulletin fails is skipped and
// its error returned with the others' results.
func (s *Service) IssueDue(ctx context.Context, actor *duban.User, now time.Time) ([]duban.Bulletin, error) {
	plans, err := allPages(func(p duban.Page) ([]duban.PlanSummary, int, error) {
		return s.Store.ListPlans(ctx, duban.PlanFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	var out []duban.Bulletin
	var errs []error
	for _, ps := range plans {
		b, err := s.issueIfDue(ctx, actor, ps.ID, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("plan %s: %w", ps.Code, err))
		} else if b != nil {
			out = append(out, *b)
		}
	}
	return out, errors.Join(errs...)
}

func (s *Service) issueIfDue(ctx context.Context, actor *duban.User, planID int64, now time.Time) (*duban.Bulletin, error) {
	plan, err := s.Store.FindPlan(ctx, planID)
	if err != nil || plan.Bulletin == nil {
		return nil, err
	}
	last := ""
	list, err := s.Store.ListBulletins(ctx, planID)
	if err != nil {
		return nil, err
	}
	if len(list) > 0 {
		last = list[0].Period
	}
	per, due := plan.BulletinDue(last, now)
	if !due {
		return nil, nil
	}
	b, _, err := s.Create(ctx, actor, planID, per.String(), duban.Date{})
	return b, err
}
