package ui_test

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/duban-dev/duban"
)

// TestReportFormOffersThePeriodDue: on 2021-07-15 a quarterly item's
// report form and the unit's workspace offer 2021-Q2, the quarter that has
// ended and whose report falls due, not 2021-Q3, begun a fortnight ago.
func TestReportFormOffersThePeriodDue(t *testing.T) {
	e := newEnv(t)
	rows, _, err := e.db.ListIndicators(context.Background(), duban.IndicatorFilter{PlanID: e.planID, Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, r := range rows {
		ids[r.Code] = r.ID
	}
	nodes := map[string]duban.Node{}
	for _, n := range e.bundle.Nodes {
		nodes[n.Code] = n
	}
	var id int64
	var unit string
	for _, in := range e.bundle.Indicators {
		n := nodes[in.NodeCode]
		if in.Cadence == duban.Quarterly && n.LeadUnit != "" && n.Start.Before(duban.MustDate("2021-04-01")) {
			id, unit = ids[in.Code], n.LeadUnit
			break
		}
	}
	if id == 0 {
		t.Fatal("the demo has no quarterly item begun before 2021-Q2")
	}
	c := e.client()
	c.login(reporterOf(unit))
	form := "/indicators/" + strconv.FormatInt(id, 10) + "/report"
	if m := regexp.MustCompile(`<option value="([^"]+)" selected>`).FindStringSubmatch(c.get(form).body); m == nil || m[1] != "2021-Q2" {
		t.Fatalf("the form offers %v, want 2021-Q2", m)
	}
	if ws := c.get("/workspace").body; !regexp.MustCompile(`href="` + regexp.QuoteMeta(form) + `\?period=2021-Q2"`).MatchString(ws) {
		t.Fatal("the workspace does not link the 2021-Q2 report")
	}
	// Once 2021-Q2 is reported, the form offering it says so and that a new
	// submission is a correction.
	v := 1.0
	if _, err := e.db.SubmitReport(context.Background(), &duban.User{Username: reporterOf(unit), Role: duban.RoleReporter, UnitCode: unit},
		duban.ReportInput{IndicatorID: id, Period: "2021-Q2", Value: &v}, duban.MustDate("2021-07-15")); err != nil {
		t.Fatal(err)
	}
	body := c.get(form).body
	if !regexp.MustCompile(`id="already-reported">2021年第2季度 已报送 1[^<]*第 \d+ 版`).MatchString(body) {
		t.Fatalf("the form does not say 2021-Q2 is already reported:\n%.3000s", body)
	}
}
