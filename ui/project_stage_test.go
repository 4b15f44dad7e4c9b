package ui_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/duban-dev/duban/demo"
)

// TestProjectPageStagesAgree: a project page shows names, not the plan's
// internal codes (p-hualian), and its stage bar and its steps table tell
// the same story: the highlighted stage is the one its row calls 当前阶段,
// the stages before it are done, and no row of a later stage is done.
func TestProjectPageStagesAgree(t *testing.T) {
	e := newProjectEnv(t)
	nodes, err := e.db.ListNodes(context.Background(), e.planID)
	if err != nil {
		t.Fatal(err)
	}
	id := int64(0)
	for _, n := range nodes {
		if n.Code == "p-hualian" {
			id = n.ID
		}
	}
	if id == 0 {
		t.Fatal("no p-hualian in the demo")
	}
	c := e.client()
	c.login(demo.SupervisorUsername)
	res := c.get("/projects/" + pjItoa(id))
	if res.status != 200 {
		t.Fatalf("%d %.300s", res.status, res.body)
	}
	if strings.Contains(res.body, "p-hualian") {
		t.Error("the project page shows its internal code p-hualian")
	}
	bar := regexp.MustCompile(`<ol class="pipeline">(.*?)</ol>`).FindStringSubmatch(res.body)
	if bar == nil {
		t.Fatal("no stage bar")
	}
	cur := regexp.MustCompile(`<li class="current" aria-current="step">([^<]+)</li>`).FindAllStringSubmatch(bar[1], -1)
	if len(cur) != 1 {
		t.Fatalf("the bar highlights %d stages: %s", len(cur), bar[1])
	}
	all := regexp.MustCompile(`<li[^>]*>([^<]+)</li>`).FindAllStringSubmatch(bar[1], -1)
	rows := regexp.MustCompile(`<td class="name">([^<]+)</td><td data-label="类型">阶段</td>.*?\n\s*<td data-label="状态">(.*?)</td>`).FindAllStringSubmatch(res.body, -1)
	if len(rows) != len(all) {
		t.Fatalf("%d stages on the bar, %d stage rows: %s", len(all), len(rows), bar[1])
	}
	after := false
	for i, r := range rows {
		if r[1] != all[i][1] {
			t.Fatalf("row %d is %s, the bar's %s", i, r[1], all[i][1])
		}
		switch {
		case r[1] == cur[0][1]:
			if !strings.Contains(r[2], "当前阶段") {
				t.Errorf("the bar's current stage %s says %q in its row", r[1], r[2])
			}
			after = true
		case after && strings.Contains(r[2], "已完成"):
			t.Errorf("%s, after the current stage, says 已完成", r[1])
		case !after && (!strings.Contains(r[2], "已完成") || !strings.Contains(all[i][0], `class="done"`)):
			t.Errorf("%s, before the current stage, is not done on both: %q %s", r[1], r[2], all[i][0])
		}
	}
}
