package tracker

import (
	"context"

	"github.com/duban-dev/duban"
)

// The encoded pages a store may keep per plan version.
const (
	PageDashboard = "dashboard"
	PageTree      = "tree"
)

// pages builds each page's document from a plan's status.
var pages = map[string]func(*PlanStatus) any{
	PageDashboard: func(ps *PlanStatus) any { return ps.Dashboard() },
	PageTree: func(ps *PlanStatus) any {
		rows := ps.NodeRows()
		return map[string]any{"items": Tree(rows), "total": len(rows)}
	},
}

// PageSource is a StoredSource that also keeps encoded pages per plan and
// status version; the store is one.
type PageSource interface {
	// StatusPage returns the plan's stamp and its stored page of that
	// name when built from the current version (else a nil body), in one
	// read.
	StatusPage(ctx context.Context, planID int64, page string) (int64, duban.Date, []byte, error)
	// SavePage keeps a page built from the given version.
	SavePage(ctx context.Context, planID int64, page string, version int64, body []byte) error
}

// Page returns the named page (PageDashboard, PageTree) of the plan as of
// the date, encoded as JSON. When the plan is stored as of that date and
// the store keeps the page for its current version, it is served as
// stored: one query, nothing read or evaluated beyond it. Otherwise it is
// built from the plan's status (View) and, when that came from the stored
// state, kept for every server's next reader. The caller must not modify
// the bytes.
func (s *Service) Page(ctx context.Context, planID int64, asOf duban.Date, name string) ([]byte, error) {
	return s.page(ctx, planID, asOf, name, true)
}

// WarmPage builds and keeps the page when the store's is missing or stale,
// without filling this server's cache: the daily pass over every plan.
func (s *Service) WarmPage(ctx context.Context, planID int64, asOf duban.Date, name string) error {
	_, err := s.page(ctx, planID, asOf, name, false)
	return err
}

func (s *Service) page(ctx context.Context, planID int64, asOf duban.Date, name string, keep bool) ([]byte, error) {
	build, ok := pages[name]
	if !ok {
		return nil, duban.Invalid("参数有误 (bad parameter)", duban.FieldError{Field: "page", Message: "未知页面 (unknown page)"})
	}
	src, stores := s.src.(PageSource)
	if stores {
		_, storedAsOf, body, err := src.StatusPage(ctx, planID, name)
		if err != nil {
			return nil, err
		}
		if body != nil && storedAsOf == asOf {
			return body, nil
		}
	}
	var body []byte
	var version int64
	err := s.view(ctx, planID, asOf, keep, func(ps *PlanStatus) error {
		var err error
		body, err = ps.Encoded(name, func() any { return build(ps) })
		if ps.AsOf == asOf {
			version = ps.StoredVersion
		}
		return err
	})
	if err == nil && stores && version != 0 {
		// The page is derived data: failing to keep it costs the next
		// reader a rebuild, not this one its answer.
		_ = src.SavePage(ctx, planID, name, version, body)
	}
	return body, err
}
