package projects

import (
	"net/url"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Filter selects ledger rows; empty fields do not filter.
type Filter struct {
	Stage string // a stage code
	Unit  string // lead unit code
	Area  string // area node code
	Light string // green, yellow, red (滞后 and 逾期), blue, grey, orange, or a status code
	Query string // part of the title or code
}

// ParseFilter reads a filter from query parameters, naming a bad one.
func ParseFilter(q url.Values) (Filter, error) {
	f := Filter{Stage: q.Get("stage"), Unit: q.Get("unit"), Area: q.Get("area"), Light: q.Get("light"), Query: q.Get("q")}
	if f.Stage != "" && !duban.ProjectStage(f.Stage).Valid() {
		return f, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "stage", Message: "未知阶段 (unknown stage)"})
	}
	if f.Light != "" && !knownLight(f.Light) {
		return f, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "light", Message: "须为 green、yellow、red、blue、grey、orange 或状态代码"})
	}
	return f, nil
}

func knownLight(l string) bool {
	switch l {
	case "green", "yellow", "red", "blue", "grey", "orange":
		return true
	}
	return status.Status(l).Valid()
}

// Keep reports whether the row passes the filter.
func (f Filter) Keep(r *Row) bool {
	return (f.Stage == "" || string(r.Stage) == f.Stage) && (f.Unit == "" || r.LeadUnit == f.Unit) &&
		(f.Area == "" || r.Area == f.Area) && (f.Light == "" || matchLight(f.Light, r.Status)) &&
		(f.Query == "" || contains(r.Title, f.Query) || contains(r.Code, f.Query))
}

func matchLight(l string, s status.Status) bool {
	if l == "red" {
		return s == status.Lagging || s == status.Overdue
	}
	return s.Colour() == l || string(s) == l
}

// Apply returns the rows that pass.
func (f Filter) Apply(rows []Row) []Row {
	var out []Row
	for i := range rows {
		if f.Keep(&rows[i]) {
			out = append(out, rows[i])
		}
	}
	return out
}

func contains(s, sub string) bool {
	return strings.Contains(s, sub)
}
