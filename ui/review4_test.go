package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/duban-dev/duban/demo"
)

// TestTreeNodeLightSaysWorstItem: a plan tree node's light is its worst
// item's (美好生活创造 is ahead of 序时进度 and shows 未报送), so every
// node with a light says so, in Chinese and in English.
func TestTreeNodeLightSaysWorstItem(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	for _, pass := range []struct{ lang, label string }{{"?lang=zh", "最差事项："}, {"?lang=en", "Worst item: "}} {
		body := c.get(e.path("/plans/{id}/tree", e.planID) + pass.lang).body
		summaries := regexp.MustCompile(`(?s)<summary>.*?</summary>`).FindAllString(body, -1)
		lit := 0
		for _, s := range summaries {
			if !strings.Contains(s, `class="light"`) {
				continue
			}
			lit++
			if !strings.Contains(s, `<span class="worst" title="`) || !strings.Contains(s, `">`+pass.label+`<span class="light"`) {
				t.Errorf("%q: the node's light does not say it is the worst item's:\n%s", pass.lang, s)
			}
		}
		if lit < 7 {
			t.Fatalf("%q: %d nodes with a light, want the plan and its areas at least", pass.lang, lit)
		}
	}
}

// TestUpcomingSaysIndicators: the dashboard's 60-day list counts only
// indicator deadlines, so its heading says so.
func TestUpcomingSaysIndicators(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	for _, pass := range []struct{ lang, heading string }{{"?lang=zh", "未来 60 天到期的指标"}, {"?lang=en", "Indicators due in the next 60 days"}} {
		body := c.get(e.path("/plans/{id}", e.planID) + pass.lang).body
		if !strings.Contains(body, `<h2 id="h-due">`+pass.heading+`</h2>`) {
			t.Errorf("%q: the 60-day heading:\n%s", pass.lang, section(t, body, `<h2 id="h-due">`, `</h2>`))
		}
	}
}

// TestAuditAndItemPagesNameRecordsAndPeriods: the audit log names an
// indicator, not its record number, writes a notice's 文号 once (督办〔2021〕
// 3号 already says 督办), and Chinese pages write periods as 2021年第3季度,
// not 2021-Q3: the log, the item page's reports, chart and audit.
func TestAuditAndItemPagesNameRecordsAndPeriods(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	e.issueRuleNotices(t)
	rep := e.client()
	rep.login(reporterOf(unit))
	res := rep.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {"3"}, "note": {"进展顺利"}, "action": {"submit"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", res.status, res.body)
	}
	c := e.client()
	c.login("duchashi")
	audit := c.get("/audit?per_page=100").body
	item := c.get(e.path("/indicators/{id}", id)).body
	for name, body := range map[string]string{"audit": audit, "item": item} {
		for _, bad := range []string{"指标（记录", "督办单 督办〔", "2021-Q"} {
			if i := strings.Index(body, bad); i >= 0 {
				t.Errorf("%s page writes %q: …%s…", name, bad, body[max(0, i-200):min(len(body), i+200)])
			}
		}
	}
	for _, want := range []string{"报送 2021年第3季度 第1版", ">督办〔2021〕1号<", ">指标 「"} {
		if !strings.Contains(audit, want) {
			t.Errorf("the audit log lacks %q", want)
		}
	}
	if !strings.Contains(item, `<td class="nw">2021年第3季度</td>`) || !strings.Contains(item, `"labels":["2021年`) {
		t.Errorf("the item page's reports or chart do not name periods in Chinese")
	}
}
