package store_test

import (
	"time"

	"github.com/duban-dev/duban"
)

// richBundle uses every field the store keeps: nested units listed before
// their parents, people, mechanisms with and without lists, projects with
// and without coordinates, milestones with and without values, a baseline of
// zero and none, tolerance, co-units, tags and mechanism links.
func richBundle() *duban.Bundle {
	d := duban.MustDate
	return &duban.Bundle{
		Plan: duban.Plan{
			Code: "erqi-2021", Title: "二七区2021年重点工作", Issuer: "二七区人民政府", Year: 2021,
			PeriodStart: d("2021-01-01"), PeriodEnd: d("2021-12-31"),
			Framework: []string{"一个目标", "两个定位", "三个二七", "六个出彩"},
			Public:    true, Description: "政府工作报告确定的目标任务", Profile: "default",
		},
		Units: []duban.Unit{
			{Code: "fgw", Name: "二七区发展和改革委员会", ShortName: "区发改委", Kind: duban.UnitDepartment, ParentCode: "gov", Phone: "0371-68000001"},
			{Code: "gov", Name: "二七区人民政府", Kind: duban.UnitGovernment, Address: "郑州市二七区政通路"},
			{Code: "jsj", Name: "二七区住房和城乡建设局", ShortName: "区住建局", Kind: duban.UnitDepartment, ParentCode: "gov"},
			{Code: "hmjd", Name: "淮河路街道办事处", Kind: duban.UnitStreet, ParentCode: "gov"},
			{Code: "ptgs", Name: "二七区城建投资公司", Kind: duban.UnitCompany},
		},
		People: []duban.Person{
			{Code: "p-li", Name: "李明", Title: "副区长", UnitCode: "gov", Role: duban.RoleLeader, Phone: "13800000001", Email: "li@example.gov.cn"},
			{Code: "p-wang", Name: "王芳", UnitCode: "fgw", Role: duban.RoleContact},
		},
		Mechanisms: []duban.Mechanism{
			{Code: "sdst", Name: "三定四推五落实", Description: "重大项目推进机制",
				Roles: []string{"分包领导", "责任单位", "联络员"}, Cadence: duban.Monthly,
				Checklist: []string{"进度", "问题", "措施"}, Stages: []string{"洽谈", "签约", "开工", "投产"}},
			{Code: "ddb", Name: "督导办"},
		},
		Nodes: []duban.Node{
			{Code: "G1", Kind: duban.KindGoal, Title: "建设国家中心城市现代化城区", Order: 1,
				SourceQuote: "奋力建设……", Tags: []string{"总体目标"}},
			{Code: "A1", ParentCode: "G1", Kind: duban.KindArea, Title: "项目建设出彩", Description: "扩大有效投资",
				Order: 1, LeadUnit: "gov", CoUnits: []string{"jsj", "fgw"}, Leader: "p-li",
				Start: d("2021-01-01"), Deadline: d("2021-12-31"), Commitment: duban.Firm, Weight: 2.5,
				Mechanisms: []string{"sdst", "ddb"}},
			{Code: "T1", ParentCode: "A1", Kind: duban.KindTask, Title: "老旧小区改造", Order: 2,
				LeadUnit: "jsj", Deadline: d("2021-11-30"), Commitment: duban.Aspirational, Tags: []string{"民生", "城建"}},
			{Code: "P1", ParentCode: "A1", Kind: duban.KindProject, Title: "二七商圈改造", Order: 1, LeadUnit: "fgw",
				Project: &duban.Project{TotalInvestment: 120000, YearInvestment: 30000.5, CompletedInvestment: 1250.25,
					Stage: duban.StageBuilding, Address: "二七广场", Lat: float(34.7545), Lng: float(113.6672)}},
			{Code: "P2", ParentCode: "A1", Kind: duban.KindProject, Title: "城市更新试点", Order: 3,
				Project: &duban.Project{TotalInvestment: 5000}},
			{Code: "I1", ParentCode: "T1", Kind: duban.KindItem, Title: "改造老旧小区", Order: 1, CoUnits: []string{"hmjd"}},
		},
		Indicators: []duban.Indicator{
			{Code: "ind-1", NodeCode: "I1", Name: "改造老旧小区", Unit: "个", Target: float(248),
				Comparator: duban.AtLeast, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly,
				Milestones: []duban.Milestone{
					{Date: d("2021-06-30"), Value: float(120), Description: "过半"},
					{Date: d("2021-09-30"), Description: "主体完工"},
					{Date: d("2021-11-30"), Value: float(248)},
				}},
			{Code: "ind-2", NodeCode: "A1", Name: "地区生产总值增长", Unit: "%", Baseline: float(6.8), Target: float(7.5),
				Comparator: duban.About, Tolerance: 0.5, Direction: duban.Keep, Kind: duban.Level, Cadence: duban.Quarterly},
			{Code: "ind-3", NodeCode: "P1", Name: "项目开工", Kind: duban.MilestoneOnly, Cadence: duban.Weekly,
				Milestones: []duban.Milestone{{Date: d("2021-03-31"), Description: "开工"}}},
			{Code: "ind-4", NodeCode: "T1", Name: "安全事故起数", Unit: "起", Baseline: float(0), Target: float(3.2),
				Comparator: duban.AtMost, Direction: duban.Decrease, Kind: duban.Level, Cadence: duban.Monthly},
		},
	}
}

// normalized returns a copy of b with the fields the database assigns
// (ids, plan and node ids, created_at, updated_at) zeroed.
func normalized(b *duban.Bundle) *duban.Bundle {
	c := *b
	c.Plan.ID, c.Plan.CreatedAt, c.Plan.UpdatedAt = 0, time.Time{}, time.Time{}
	c.Units = append([]duban.Unit(nil), b.Units...)
	for i := range c.Units {
		c.Units[i].ID = 0
	}
	c.People = append([]duban.Person(nil), b.People...)
	for i := range c.People {
		c.People[i].ID = 0
	}
	c.Mechanisms = append([]duban.Mechanism(nil), b.Mechanisms...)
	for i := range c.Mechanisms {
		c.Mechanisms[i].ID = 0
	}
	c.Nodes = append([]duban.Node(nil), b.Nodes...)
	for i := range c.Nodes {
		c.Nodes[i].ID, c.Nodes[i].PlanID, c.Nodes[i].UpdatedAt = 0, 0, time.Time{}
	}
	c.Indicators = append([]duban.Indicator(nil), b.Indicators...)
	for i := range c.Indicators {
		c.Indicators[i].ID, c.Indicators[i].PlanID, c.Indicators[i].NodeID = 0, 0, 0
	}
	return &c
}
