package tracker

import (
	"context"
	"fmt"

	"github.com/duban-dev/duban"
)

// StatusRows lists each indicator's status with the plan's province and the
// title of the area it lies under, as the national rollup stores them.
func (ps *PlanStatus) StatusRows() []duban.IndicatorStatus {
	area := make(map[string]string, len(ps.Nodes)) // node code → area title; nodes are in pre-order
	for _, n := range ps.Nodes {
		if n.Kind == duban.KindArea {
			area[n.Code] = n.Title
		} else {
			area[n.Code] = area[n.ParentCode]
		}
	}
	items := ps.Items()
	out := make([]duban.IndicatorStatus, len(items))
	for i, it := range items {
		out[i] = duban.IndicatorStatus{IndicatorID: it.IndicatorID, PlanID: ps.Plan.ID, Province: ps.Plan.Province,
			Area: area[it.Node], Status: string(it.Status), Progress: it.Actual, AsOf: ps.AsOf}
	}
	return out
}

// StatusStore keeps the rows StatusRows returns: a whole plan's, or just
// some indicators'.
type StatusStore interface {
	SaveIndicatorStatuses(ctx context.Context, planID int64, rows []duban.IndicatorStatus, actor string) error
	UpdateIndicatorStatuses(ctx context.Context, rows []duban.IndicatorStatus, actor string) error
}

// Refresh evaluates each plan as of the day and stores its status rows.
func (s *Service) Refresh(ctx context.Context, dst StatusStore, asOf duban.Date, planIDs ...int64) error {
	for _, id := range planIDs {
		var rows []duban.IndicatorStatus
		err := s.View(ctx, id, asOf, func(ps *PlanStatus) error {
			rows = ps.StatusRows()
			return nil
		})
		if err == nil {
			err = dst.SaveIndicatorStatuses(ctx, id, rows, "tracker")
		}
		if err != nil {
			return fmt.Errorf("refresh statuses of plan %d: %w", id, err)
		}
	}
	return nil
}
