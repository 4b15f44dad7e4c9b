package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// itemStatus reads an indicator's judged status and indicator afresh.
func (e *env) itemStatus(t *testing.T, id int64) (status.Result, duban.Indicator) {
	t.Helper()
	var res status.Result
	var ind duban.Indicator
	err := tracker.NewService(e.db).View(context.Background(), e.planID, asOf, func(ps *tracker.PlanStatus) error {
		for _, it := range ps.Items() {
			if it.IndicatorID == id {
				res = it.Result
			}
		}
		for _, i := range ps.Indicators {
			if i.ID == id {
				ind = i
			}
		}
		return nil
	})
	if err != nil || ind.ID == 0 {
		t.Fatalf("status of %d: %v", id, err)
	}
	return res, ind
}

// submitValue has the unit submit a value for 2021-Q3 and returns the new
// version's id.
func (e *env) submitValue(t *testing.T, c *client, id int64, value string) int64 {
	t.Helper()
	if res := c.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {value}, "action": {"submit"}}); res.status != http.StatusSeeOther {
		t.Fatalf("submit %s: %d %s", value, res.status, res.body)
	}
	return e.latestVersion(t, id).ID
}

var ifApproved = regexp.MustCompile(`class="rc-ifok" data-status="([a-z_]+)"`)

// card cuts one report's card out of the review page.
func card(body string, id int64) string {
	start := strings.Index(body, `id="r`+strconv.FormatInt(id, 10)+`"`)
	if start < 0 {
		return ""
	}
	end := strings.Index(body[start:], "</article>")
	return body[start : start+end]
}

// TestReviewCardShowsContext: the review card of a submitted value shows
// the period's name, the target, the last approved value and the light the
// value would give; after approval the item has exactly that light. A
// value ten times the target and a drop in a cumulative count are warned
// about, and their approve button needs the reviewer's tick.
func TestReviewCardShowsContext(t *testing.T) {
	e := newEnv(t)
	id, target, unit, _ := e.pick(t)
	first, ind := e.itemStatus(t, id)
	if first.Value == nil {
		t.Fatalf("the picked item has no approved value to compare with")
	}
	rep, sup := e.client(), e.client()
	rep.login(reporterOf(unit))
	sup.login("duchashi")
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

	cmp := map[duban.Comparator]string{duban.AtLeast: "不少于", duban.Equal: "达到"}[ind.Comparator]
	tests := []struct {
		name  string
		value func(prev float64) float64
		warn  []string
	}{
		{"a cumulative drop", func(prev float64) float64 { return prev / 2 }, []string{"低于上次通过的 "}},
		{"the target itself", func(float64) float64 { return target }, nil},
		{"ten times the target", func(float64) float64 { return 10 * target }, []string{"是目标", "10 倍"}},
	}
	for _, tt := range tests {
		before, _ := e.itemStatus(t, id)
		rid := e.submitValue(t, rep, id, num(tt.value(*before.Value)))
		c := card(sup.get("/review").body, rid)
		for _, want := range []string{status.PeriodLabel(ind.Cadence, "2021-Q3"), cmp + " " + num(target) + ind.Unit,
			num(*before.Value) + ind.Unit + " (" + status.PeriodLabel(ind.Cadence, before.Period) + ")"} {
			if !strings.Contains(c, want) {
				t.Errorf("%s: the card lacks %q", tt.name, want)
			}
		}
		for _, w := range tt.warn {
			if !strings.Contains(c, w) {
				t.Errorf("%s: the card does not warn %q", tt.name, w)
			}
		}
		if warned := strings.Contains(c, "rc-warn"); warned != (tt.warn != nil) || strings.Contains(c, `name="checked"`) != warned {
			t.Errorf("%s: warned %v, want %v (with the tick box on the approve form)", tt.name, warned, tt.warn != nil)
		}
		m := ifApproved.FindStringSubmatch(c)
		if m == nil {
			t.Fatalf("%s: no light-if-approved on the card", tt.name)
		}
		if res := sup.post("/review", "/reports/"+strconv.FormatInt(rid, 10)+"/approve", url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("%s: approve %d", tt.name, res.status)
		}
		if after, _ := e.itemStatus(t, id); string(after.Status) != m[1] {
			t.Errorf("%s: the card predicted %s, the item is %s after approval", tt.name, m[1], after.Status)
		}
	}
}

// TestBrowserReviewWarning: in Chromium, a warned card's approve button
// does not submit until the reviewer ticks that the value was checked.
func TestBrowserReviewWarning(t *testing.T) {
	e := newEnv(t)
	id, target, unit, _ := e.pick(t)
	rep := e.client()
	rep.login(reporterOf(unit))
	rid := e.submitValue(t, rep, id, strconv.FormatFloat(10*target, 'f', -1, 64))
	b := newBrowser(t, e)
	b.login("duchashi")
	b.open("/review")
	form := `#r` + strconv.FormatInt(rid, 10) + ` form[action$="/approve"]`
	b.waitFor(`document.querySelector("#r` + strconv.FormatInt(rid, 10) + ` .rc-warn") !== null`)
	b.screenshot("review-warning")
	if ok := b.eval(`String(document.querySelector(` + jsString(form) + `).checkValidity())`); ok != "false" {
		t.Error("the warned report's approve form submits without the tick")
	}
	b.do(chromedp.Click(chromedp.CSS(form + ` input[name="checked"]`)))
	b.clickAndWait(form+" button", `location.search.includes("done=approve")`)
	if v := e.latestVersion(t, id); v.ID != rid || v.State != duban.Approved {
		t.Errorf("after ticking and approving: report %d is %s", v.ID, v.State)
	}
}
