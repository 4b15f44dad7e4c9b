package extract

import (
	"strings"
	"testing"
)

// Where a target lands: "plan" for the plan's own targets, else the area
// title. The texts are written for this test in the manner of Chinese plans.
func TestPlanLevelPlacement(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // per target, in order
		areas      []string
	}{
		{
			name: "general section with headline targets",
			text: "# 某区2023年工作计划\n\n## 一、主要预期目标\n\n地区生产总值增长6.5%左右，一般公共预算收入增长5%。\n\n" +
				"## 二、在城市建设上攻坚突破\n\n年底前改造老旧小区120个。",
			want:  []string{"plan", "plan", "在城市建设上攻坚突破"},
			areas: []string{"在城市建设上攻坚突破"},
		},
		{
			name:  "a stand-alone call-out inside an area is the plan's",
			text:  "# 某区计划\n\n## 在产业升级上争先\n\n加快推进36个重大项目建设。\n\n2023年\n经济增长目标\n7%以上\n\n## 在民生改善上争先\n\n新建幼儿园3所。",
			want:  []string{"在产业升级上争先", "plan", "在民生改善上争先"},
			areas: []string{"在产业升级上争先", "在民生改善上争先"},
		},
		{
			name:  "a sentence that mentions a goal is not a call-out",
			text:  "# 某区计划\n\n## 在生态建设上争先\n\n围绕目标，新增绿地面积50万平方米。",
			want:  []string{"在生态建设上争先"},
			areas: []string{"在生态建设上争先"},
		},
		{
			name:  "a heading-less list keeps its sentences as tasks",
			text:  "新建停车场5个。改造燃气管道20公里。",
			want:  []string{generalArea, generalArea},
			areas: []string{generalArea},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Extract(c.text, Options{Year: 2023})
			var got []string
			for _, tg := range r.Targets {
				if len(tg.Path) == 0 {
					got = append(got, "plan")
					continue
				}
				got = append(got, tg.Path[0])
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("placement %v, want %v", got, c.want)
			}
			var areas []string
			for _, a := range r.Plan.Areas {
				areas = append(areas, a.Title)
			}
			if strings.Join(areas, "|") != strings.Join(c.areas, "|") {
				t.Errorf("areas %v, want %v", areas, c.areas)
			}
			checkBundle(t, r)
		})
	}
}

func TestBundlePutsHeadlineTargetsUnderTheGoal(t *testing.T) {
	r := Extract(readSeed(t), Options{Year: 2021})
	b := r.Bundle("erqi")
	var goal, gdp bool
	for _, n := range b.Nodes {
		if n.Code == goalCode && n.Kind == "goal" {
			goal = true
		}
		if n.ParentCode == goalCode && strings.Contains(n.SourceQuote, "7.5%") {
			gdp = true
		}
	}
	if !goal || !gdp {
		t.Fatalf("goal node %v, 7.5%% item under it %v", goal, gdp)
	}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
}
