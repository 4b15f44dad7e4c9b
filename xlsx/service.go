package xlsx

import (
	"context"
	"io"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// Services are what the workbooks read from and write through. The CLI and
// the web server fill it from the same store.
type Services struct {
	Plans   duban.PlanService
	Reports duban.TrackingReportService
	Tracker *tracker.Service
}

// ExportOptions choose what a plan workbook shows.
type ExportOptions struct {
	AsOf      duban.Date // status as of this day
	ReportsOf string     // list only this unit's reports on 报送记录 ("" for all)
	NoReports bool       // leave 报送记录 empty (for the public)
}

// ExportPlan writes the plan workbook with the status as of asOf and
// every report of the plan.
func (s Services) ExportPlan(ctx context.Context, w io.Writer, planID int64, asOf duban.Date) error {
	return s.ExportPlanWith(ctx, w, planID, ExportOptions{AsOf: asOf})
}

// ExportPlanWith writes the plan workbook as the options say.
func (s Services) ExportPlanWith(ctx context.Context, w io.Writer, planID int64, o ExportOptions) error {
	asOf := o.AsOf
	b, err := s.Plans.ExportBundle(ctx, planID)
	if err != nil {
		return err
	}
	pb := PlanBook{Bundle: b, AsOf: asOf}
	err = s.Tracker.View(ctx, planID, asOf, func(ps *tracker.PlanStatus) error {
		pb.Rows = ps.NodeRows()
		return nil
	})
	if err != nil {
		return err
	}
	if !o.NoReports {
		if pb.Reports, err = s.allReports(ctx, duban.ReportFilter{PlanID: planID, UnitCode: o.ReportsOf}); err != nil {
			return err
		}
	}
	return WritePlan(w, pb)
}

// allReports pages through every report the filter selects.
func (s Services) allReports(ctx context.Context, f duban.ReportFilter) ([]duban.Report, error) {
	var out []duban.Report
	for page := 1; ; page++ {
		f.Page = duban.Page{Page: page, PerPage: duban.MaxPerPage}
		list, total, err := s.Reports.ListReportsFiltered(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
		if len(list) == 0 || len(out) >= total {
			return out, nil
		}
	}
}
