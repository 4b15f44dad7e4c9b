package ui_test

import (
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
