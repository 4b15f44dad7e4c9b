package duban

import (
	"strings"
	"testing"
)

func f64(v float64) *float64 { return &v }

func validBundle() *Bundle {
	return &Bundle{
		Plan: Plan{Code: "p", Title: "计划", Year: 2021, PeriodStart: MustDate("2021-01-01"), PeriodEnd: MustDate("2021-12-31")},
		Units: []Unit{
			{Code: "gov", Name: "区政府", Kind: UnitGovernment},
			{Code: "zjj", Name: "区住建局", Kind: UnitDepartment, ParentCode: "gov"},
		},
		People:     []Person{{Code: "li", Name: "李某", UnitCode: "gov", Role: RoleLeader}},
		Mechanisms: []Mechanism{{Code: "m", Name: "三定四推五落实", Cadence: Weekly}},
		Nodes: []Node{
			{Code: "A1", Kind: KindArea, Title: "城市品质提升"},
			{Code: "A1-1", ParentCode: "A1", Kind: KindTask, Title: "老旧小区改造", LeadUnit: "zjj", Leader: "li",
				Mechanisms: []string{"m"}, Deadline: MustDate("2021-12-31")},
		},
		Indicators: []Indicator{{Code: "A1-1", NodeCode: "A1-1", Name: "改造老旧小区", Unit: "个", Target: f64(248),
			Comparator: Equal, Direction: Increase, Kind: Cumulative, Cadence: Monthly}},
	}
}

func TestBundleValidate(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(b *Bundle)
		entity string
		field  string
		msg    string
	}{
		{"valid", func(b *Bundle) {}, "", "", ""},
		{"duplicate node", func(b *Bundle) { b.Nodes[1].Code = "A1"; b.Nodes[1].ParentCode = "" }, "node", "id", "duplicate"},
		{"unit cycle", func(b *Bundle) { b.Units[0].ParentCode = "zjj" }, "unit", "parent", "cycle"},
		{"unknown lead unit", func(b *Bundle) { b.Nodes[1].LeadUnit = "nope" }, "node", "lead_unit", "unknown unit"},
		{"unknown parent", func(b *Bundle) { b.Nodes[1].ParentCode = "A9" }, "node", "parent", "unknown parent"},
		{"deadline before start", func(b *Bundle) {
			b.Nodes[1].Start = MustDate("2021-06-01")
			b.Nodes[1].Deadline = MustDate("2021-05-01")
		}, "node", "deadline", "before start"},
		{"target without unit", func(b *Bundle) { b.Indicators[0].Unit = "" }, "indicator", "unit", "needs its unit"},
		{"unknown cadence", func(b *Bundle) { b.Indicators[0].Cadence = "fortnightly" }, "indicator", "cadence", "unknown unit of time"},
		{"about without tolerance", func(b *Bundle) { b.Indicators[0].Comparator = About }, "indicator", "tolerance", "tolerance"},
		{"unknown mechanism", func(b *Bundle) { b.Nodes[1].Mechanisms = []string{"x"} }, "node", "mechanisms", "unknown mechanism"},
		{"unknown node", func(b *Bundle) { b.Indicators[0].NodeCode = "zz" }, "indicator", "node", "unknown node"},
		{"plan period reversed", func(b *Bundle) { b.Plan.PeriodEnd = MustDate("2020-01-01") }, "plan", "period_end", "before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := validBundle()
			tt.break_(b)
			err := b.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("valid bundle rejected: %v", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
			for _, fe := range ErrorFields(err) {
				if fe.Entity == tt.entity && fe.Field == tt.field && strings.Contains(fe.Message, tt.msg) {
					return
				}
			}
			t.Fatalf("no %s.%s error containing %q in %v", tt.entity, tt.field, tt.msg, err)
		})
	}
}
