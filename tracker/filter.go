package tracker

import (
	"net/url"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// NodeFilter narrows the flat node list: area code, lead unit, worst
// status, deadline range. The API and the pages read it from the same
// query parameters.
type NodeFilter struct {
	Area, Unit string
	Status     status.Status
	From, To   duban.Date
}

// ParseNodeFilter reads area, unit, status, deadline_from and deadline_to.
func ParseNodeFilter(q url.Values) (NodeFilter, error) {
	f := NodeFilter{Area: q.Get("area"), Unit: q.Get("unit"), Status: status.Status(q.Get("status"))}
	var errs []duban.FieldError
	if f.Status != "" && !f.Status.Valid() {
		errs = append(errs, duban.FieldError{Field: "status", Message: "未知状态 (unknown status)"})
	}
	f.From = duban.ParseDateField("deadline_from", q.Get("deadline_from"), &errs)
	f.To = duban.ParseDateField("deadline_to", q.Get("deadline_to"), &errs)
	if errs != nil {
		return f, duban.Invalid("筛选条件有误 (bad filter)", errs...)
	}
	return f, nil
}

// Empty reports whether the filter keeps every row.
func (f NodeFilter) Empty() bool { return f == NodeFilter{} }

// Apply keeps the rows the filter matches.
func (f NodeFilter) Apply(rows []NodeRow) []NodeRow {
	out := rows[:0:0]
	for _, row := range rows {
		if f.Keep(&row) {
			out = append(out, row)
		}
	}
	return out
}

// Keep reports whether the filter matches the row.
func (f NodeFilter) Keep(row *NodeRow) bool {
	switch {
	case f.Area != "" && row.Area != f.Area:
		return false
	case f.Unit != "" && row.LeadUnit != f.Unit:
		return false
	case f.Status != "" && row.Status != f.Status:
		return false
	case !f.From.IsZero() && (row.Deadline.IsZero() || row.Deadline.Before(f.From)):
		return false
	case !f.To.IsZero() && (row.Deadline.IsZero() || row.Deadline.After(f.To)):
		return false
	}
	return true
}
