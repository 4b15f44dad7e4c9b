package bulletin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/tracker"
)

// Store is what the service reads and writes; store.DB implements it.
type Store interface {
	FindPlan(ctx context.Context, id int64) (*duban.Plan, error)
	ListUnits(ctx context.Context) ([]duban.Unit, error)
	ListReportsFiltered(ctx context.Context, f duban.ReportFilter) ([]duban.Report, int, error)
	// PeriodReports is one report per indicator and period: the version
	// that counts, SubmittedAt the period's first submission.
	PeriodReports(ctx context.Context, planID int64) ([]duban.Report, error)
	ListNotices(ctx context.Context, f duban.NoticeFilter) ([]duban.Notice, int, error)
	ListPlanNoticeEvents(ctx context.Context, planID int64) (map[int64][]duban.NoticeEvent, error)
	ListPlans(ctx context.Context, f duban.PlanFilter) ([]duban.PlanSummary, int, error)
	duban.BulletinService
}

// Service builds, stores and loads bulletins.
type Service struct {
	Store   Store
	Tracker *tracker.Service
	Profile rank.Profile // the ranking profile; rank.DefaultProfile when zero
	// Projects, when set, adds the open problems and the forecast.
	Projects ProjectInputs
}

// NewService returns a service with the default ranking profile.
func NewService(st Store, tr *tracker.Service) *Service {
	return &Service{Store: st, Tracker: tr, Profile: rank.DefaultProfile}
}

// ParsePeriod reads 2021-06 (monthly), 2021-Q2 (quarterly) or 2021-W26.
func ParsePeriod(s string) (duban.Period, error) {
	c := duban.Monthly
	switch {
	case strings.Contains(s, "-Q"):
		c = duban.Quarterly
	case strings.Contains(s, "-W"):
		c = duban.Weekly
	}
	p, err := duban.ParsePeriod(c, s)
	if err != nil {
		return p, duban.Invalid("参数有误 (bad parameter)", duban.FieldError{Field: "period", Message: err.Error()})
	}
	return p, nil
}

// Prepare builds a bulletin's data on the plan for the period, as of asOf
// (the period's end when zero), compared with the latest stored bulletin on
// an earlier period.
func (s *Service) Prepare(ctx context.Context, planID int64, period string, asOf duban.Date) (*Data, error) {
	per, err := ParsePeriod(period)
	if err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		asOf = per.End
	}
	in := Input{Period: per, Profile: s.Profile}
	if in.Units, err = s.Store.ListUnits(ctx); err != nil {
		return nil, err
	}
	if in.Reports, err = s.reports(ctx, planID); err != nil {
		return nil, err
	}
	if in.Notices, err = s.notices(ctx, planID); err != nil {
		return nil, err
	}
	if in.NoticeEvents, err = s.Store.ListPlanNoticeEvents(ctx, planID); err != nil {
		return nil, err
	}
	if in.Previous, err = s.previous(ctx, planID, per.String()); err != nil {
		return nil, err
	}
	if in.Projects, in.People, err = s.projectInput(ctx, planID, asOf); err != nil {
		return nil, err
	}
	var d *Data
	err = s.Tracker.View(ctx, planID, asOf, func(ps *tracker.PlanStatus) error {
		in.Status = ps
		d = Build(in)
		return nil
	})
	return d, err
}

// reports reads one report per indicator and period: paging through every
// version cost the square of the reports (each page skipped all before it).
func (s *Service) reports(ctx context.Context, planID int64) ([]duban.Report, error) {
	return s.Store.PeriodReports(ctx, planID)
}

func (s *Service) notices(ctx context.Context, planID int64) ([]duban.Notice, error) {
	return allPages(func(p duban.Page) ([]duban.Notice, int, error) {
		return s.Store.ListNotices(ctx, duban.NoticeFilter{PlanID: planID, Page: p})
	})
}

func allPages[T any](list func(duban.Page) ([]T, int, error)) ([]T, error) {
	var out []T
	for page := 1; ; page++ {
		p := duban.Page{Page: page, PerPage: duban.MaxPerPage}
		items, total, err := list(p)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		if page*p.PerPage >= total || len(items) == 0 {
			return out, nil
		}
	}
}

func (s *Service) previous(ctx context.Context, planID int64, period string) (*Data, error) {
	b, err := s.Store.PreviousBulletin(ctx, planID, period)
	if duban.ErrorCode(err) == duban.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decode(b)
}

func decode(b *duban.Bulletin) (*Data, error) {
	var d Data
	if err := json.Unmarshal(b.Data, &d); err != nil {
		return nil, fmt.Errorf("bulletin %d: decode data: %w", b.ID, err)
	}
	d.Number, d.Issued = b.Number, duban.DateOf(b.CreatedAt.In(duban.Beijing))
	return &d, nil
}

// Create builds and stores a bulletin; the store numbers, audits and
// announces it.
func (s *Service) Create(ctx context.Context, actor *duban.User, planID int64, period string, asOf duban.Date) (*duban.Bulletin, *Data, error) {
	d, err := s.Prepare(ctx, planID, period, asOf)
	if err != nil {
		return nil, nil, err
	}
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, nil, fmt.Errorf("bulletin: encode data: %w", err)
	}
	b, err := s.Store.CreateBulletin(ctx, actor, duban.BulletinInput{PlanID: planID, Period: d.Period, AsOf: d.AsOf,
		Title: d.Title(), Data: raw})
	if err != nil {
		return nil, nil, err
	}
	d.Number, d.Issued = b.Number, duban.DateOf(b.CreatedAt.In(duban.Beijing))
	return b, d, nil
}

// Load reads a stored bulletin and its data, ready to render.
func (s *Service) Load(ctx context.Context, id int64) (*duban.Bulletin, *Data, error) {
	b, err := s.Store.FindBulletin(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	d, err := decode(b)
	return b, d, err
}

// Ranking is the unit scoreboard for the period, as of its end or asOf.
func (s *Service) Ranking(ctx context.Context, planID int64, period string, asOf duban.Date) (rank.Board, error) {
	d, err := s.Prepare(ctx, planID, period, asOf)
	if err != nil {
		return rank.Board{}, err
	}
	return d.Ranking, nil
}
