package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// On SQLite reports keeps one secondary index besides its unique key
// (migration 0006). Every read of reports by plan, unit or state must still
// search an index rather than scan the table.
func TestReportQueriesSearchAnIndex(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, sqliteDSN(t))
	f := mustTracking(t, db)
	f.mustSubmit(t, f.jsj, f.input("2021-05", 1))
	const byIndicator, byUnit, byState = "(indicator_id=?)", "reports_list (state=? AND unit_id=?)", "reports_list (state=?)"
	cases := map[string]struct {
		filter duban.ReportFilter
		index  string
	}{
		"plan":                 {duban.ReportFilter{PlanID: f.planID}, byIndicator},
		"plan and state":       {duban.ReportFilter{PlanID: f.planID, State: duban.Submitted}, byIndicator},
		"plan, unit and state": {duban.ReportFilter{PlanID: f.planID, UnitCode: "jsj", State: duban.Returned}, byUnit},
		"unit":                 {duban.ReportFilter{UnitCode: "jsj"}, byUnit},
		"unit and state":       {duban.ReportFilter{UnitCode: "jsj", State: duban.Draft}, byUnit},
		"state":                {duban.ReportFilter{State: duban.Submitted}, byState},
		"indicator":            {duban.ReportFilter{IndicatorID: f.ind["ind-4"].ID}, byIndicator},
		"indicator and state":  {duban.ReportFilter{IndicatorID: f.ind["ind-4"].ID, State: duban.Approved}, byIndicator},
		"snapshot":             {index: byIndicator},
		"status":               {index: byIndicator},
	}
	filters := map[string]duban.ReportFilter{}
	for name, c := range cases {
		if c.filter != (duban.ReportFilter{}) {
			filters[name] = c.filter
		}
	}
	plans, err := store.ReportQueryPlans(ctx, db, filters)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range cases {
		plan, ok := plans[name]
		if !ok {
			t.Errorf("no plan for %s", name)
		}
		for _, step := range strings.Split(plan, "\n") {
			// "SCAN g" walks the status query's grouped periods, not a table.
			if strings.HasPrefix(step, "SCAN ") && step != "SCAN g" {
				t.Errorf("%s scans a table:\n%s", name, plan)
			}
		}
		if !strings.Contains(plan, c.index) {
			t.Errorf("%s does not read reports by %s:\n%s", name, c.index, plan)
		}
	}
}
