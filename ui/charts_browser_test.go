package ui_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/duban-dev/duban"
)

// chartsDrawn holds when the page has charts and every chart box holds a
// drawing: no empty box is left on the page.
const chartsDrawn = `document.readyState === "complete" && window.echarts &&
	document.querySelectorAll("[data-chart]").length > 0 &&
	[...document.querySelectorAll("[data-chart]")].every(el => el.querySelector("svg path, svg text"))`

// TestBrowserChartsDrawn opens every page with charts, including a
// milestone item's (which once showed an empty box), and waits until every
// chart box holds a drawn chart with its axis name.
func TestBrowserChartsDrawn(t *testing.T) {
	e := newEnv(t)
	ms := e.indicatorOfKind(t, duban.MilestoneOnly)
	cum := e.indicatorOfKind(t, duban.Cumulative)
	plan := "/plans/" + strconv.FormatInt(e.planID, 10)
	b := newBrowserFor(t, e, 3*time.Minute)
	b.login("duchashi")
	pages := []struct{ path, axis string }{
		{plan, "完成目标的比例（%）"},
		{plan + "?indicator=" + strconv.FormatInt(ms.ID, 10), "已完成里程碑的比例（%）"},
		{"/indicators/" + strconv.FormatInt(cum.ID, 10), "报送值（" + cum.Unit + "）"},
		{"/indicators/" + strconv.FormatInt(ms.ID, 10), "里程碑（个）"},
		{plan + "?screen=1", "事项数（项）"},
	}
	for _, p := range pages {
		b.open(p.path)
		b.waitFor(chartsDrawn)
		b.waitFor(`[...document.querySelectorAll("[data-chart] svg text")].some(t => t.textContent === ` + jsString(p.axis) + `)`)
	}
}
