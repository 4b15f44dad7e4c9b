package ui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// TestOpenProblemsOnTheDashboardAndTheItemPage: the nav links the project
// pages, the dashboard counts the open problems the viewer may see (a
// reporter only its unit's), and an item's page lists the item's own.
func TestOpenProblemsOnTheDashboardAndTheItemPage(t *testing.T) {
	e := newProjectEnv(t)
	ctx := context.Background()
	all, total, err := e.db.ListProblems(ctx, duban.ProblemFilter{PlanID: e.planID, OpenOnly: true, Page: duban.Page{PerPage: duban.MaxPerPage}})
	if err != nil || total == 0 {
		t.Fatalf("demo open problems: %v %d", err, total)
	}
	summary := func(list []duban.Problem) string {
		overdue := 0
		for _, p := range list {
			if p.Overdue(asOf) {
				overdue++
			}
		}
		return fmt.Sprintf("未解决 %d 个，其中超期 %d 个", len(list), overdue)
	}
	c := e.client()
	c.login("lingdao")
	dash := c.get("/plans/" + pjItoa(e.planID))
	if dash.status != 200 || !strings.Contains(dash.body, `<a href="/projects">重大项目</a>`) {
		t.Fatalf("dashboard %d without the projects nav link: %.300s", dash.status, dash.body)
	}
	if !strings.Contains(dash.body, `id="open-problems"`) || !strings.Contains(dash.body, summary(all)) {
		t.Errorf("dashboard lacks %q", summary(all))
	}

	p := all[0]
	unit := p.UnitCode
	mine, _, err := e.db.ListProblems(ctx, duban.ProblemFilter{PlanID: e.planID, UnitCode: unit, OpenOnly: true, Page: duban.Page{PerPage: duban.MaxPerPage}})
	if err != nil {
		t.Fatal(err)
	}
	r := e.client()
	r.login(reporterOf(unit))
	if got := r.get("/plans/" + pjItoa(e.planID)); !strings.Contains(got.body, summary(mine)) || len(mine) == len(all) {
		t.Errorf("a reporter of %s sees not its %d of %d open problems (%q)", unit, len(mine), len(all), summary(mine))
	}

	b, err := e.db.ExportBundle(ctx, e.planID)
	if err != nil {
		t.Fatal(err)
	}
	var indicatorID int64
	for _, ind := range b.Indicators {
		if ind.Code == demo.InvestmentCode(p.NodeCode) {
			indicatorID = ind.ID
		}
	}
	item := c.get(fmt.Sprintf("/indicators/%d", indicatorID))
	if item.status != 200 || !strings.Contains(item.body, `id="open-problems"`) || !strings.Contains(item.body, p.Title) {
		t.Fatalf("item page %d of %s lacks its problem %q", item.status, p.NodeCode, p.Title)
	}
}
