package tracker

import (
	"context"

	"github.com/duban-dev/duban"
)

// Supervise runs the notice rules on the plan as of the date: every red,
// overdue or unreported indicator without an open notice gets one. It
// returns the notices issued.
func (s *Service) Supervise(ctx context.Context, notices duban.NoticeService, actor *duban.User, planID int64, asOf duban.Date) ([]duban.Notice, error) {
	return s.supervise(ctx, notices, nil, actor, planID, asOf)
}

// SuperviseAndSave is Supervise for the periodic jobs: it evaluates the
// plan without keeping the evaluation in the cache (ViewOnce) and stores
// every indicator's status as of the day in dst, which keeps the stored
// statuses (and so the rollup) current as deadlines pass.
func (s *Service) SuperviseAndSave(ctx context.Context, notices duban.NoticeService, dst StatusStore, actor *duban.User, planID int64, asOf duban.Date) ([]duban.Notice, error) {
	return s.supervise(ctx, notices, dst, actor, planID, asOf)
}

func (s *Service) supervise(ctx context.Context, notices duban.NoticeService, dst StatusStore, actor *duban.User, planID int64, asOf duban.Date) ([]duban.Notice, error) {
	ctx = duban.WithFreshReads(ctx) // notices are decided from what it reads
	open, err := openNoticeIndicators(ctx, notices, planID)
	if err != nil {
		return nil, err
	}
	var inputs []duban.NoticeInput
	var rows []duban.IndicatorStatus
	view := s.View
	if dst != nil {
		view = s.ViewOnce
	}
	err = view(ctx, planID, asOf, func(ps *PlanStatus) error {
		inputs = ps.NoticeCandidates(func(id int64) bool { return open[id] })
		if dst != nil {
			rows = ps.StatusRows()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if dst != nil {
		if err := dst.SaveIndicatorStatuses(ctx, planID, rows, "jobs"); err != nil {
			return nil, err
		}
	}
	created := []duban.Notice{}
	for _, in := range inputs {
		n, err := notices.CreateNotice(ctx, actor, in)
		if err != nil {
			return created, err
		}
		created = append(created, *n)
	}
	return created, nil
}

func openNoticeIndicators(ctx context.Context, notices duban.NoticeService, planID int64) (map[int64]bool, error) {
	open := map[int64]bool{}
	for page := 1; ; page++ {
		p := duban.Page{Page: page, PerPage: duban.MaxPerPage}
		list, total, err := notices.ListNotices(ctx, duban.NoticeFilter{PlanID: planID, OpenOnly: true, Page: p})
		if err != nil {
			return nil, err
		}
		for _, n := range list {
			open[n.IndicatorID] = true
		}
		if page*p.PerPage >= total {
			return open, nil
		}
	}
}
