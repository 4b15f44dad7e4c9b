package web

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// nodeFilter narrows the flat node list: area code, lead unit, worst
// status, deadline range.
type nodeFilter struct {
	area, unit string
	status     status.Status
	from, to   duban.Date
}

func parseNodeFilter(r *http.Request) (nodeFilter, error) {
	q := r.URL.Query()
	f := nodeFilter{area: q.Get("area"), unit: q.Get("unit"), status: status.Status(q.Get("status"))}
	var errs []duban.FieldError
	if f.status != "" && !f.status.Valid() {
		errs = append(errs, duban.FieldError{Field: "status", Message: "未知状态 (unknown status)"})
	}
	for _, d := range []struct {
		name string
		dst  *duban.Date
	}{{"deadline_from", &f.from}, {"deadline_to", &f.to}} {
		v, err := duban.ParseDate(q.Get(d.name))
		if err != nil {
			errs = append(errs, duban.FieldError{Field: d.name, Message: err.Error()})
		}
		*d.dst = v
	}
	if errs != nil {
		return f, duban.Invalid("筛选条件有误 (bad filter)", errs...)
	}
	return f, nil
}

func (f nodeFilter) apply(rows []tracker.NodeRow) []tracker.NodeRow {
	out := rows[:0:0]
	for _, row := range rows {
		if f.keep(&row) {
			out = append(out, row)
		}
	}
	return out
}

func (f nodeFilter) keep(row *tracker.NodeRow) bool {
	switch {
	case f.area != "" && row.Area != f.area:
		return false
	case f.unit != "" && row.LeadUnit != f.unit:
		return false
	case f.status != "" && row.Status != f.status:
		return false
	case !f.from.IsZero() && (row.Deadline.IsZero() || row.Deadline.Before(f.from)):
		return false
	case !f.to.IsZero() && (row.Deadline.IsZero() || row.Deadline.After(f.to)):
		return false
	}
	return true
}
