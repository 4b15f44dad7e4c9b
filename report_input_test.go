package duban

import (
	"math"
	"testing"
)

func reportTarget() *ReportTarget {
	return &ReportTarget{
		Plan:      Plan{PeriodStart: MustDate("2021-01-01"), PeriodEnd: MustDate("2021-12-31")},
		Node:      Node{Title: "老旧小区改造", Kind: KindTask, LeadUnit: "zjj", Deadline: MustDate("2021-12-31")},
		Indicator: Indicator{Unit: "个", Target: f64(248), Kind: Cumulative, Cadence: Monthly},
	}
}

func TestCheckReport(t *testing.T) {
	today := MustDate("2021-07-15")
	reporter := &User{Role: RoleReporter, UnitCode: "zjj"}
	tests := []struct {
		name  string
		in    ReportInput
		actor *User
		code  string
		field string
	}{
		{"ok", ReportInput{Period: "2021-06", Value: f64(120)}, reporter, "", ""},
		{"supervisor for any unit", ReportInput{Period: "2021-06", Value: f64(1)}, &User{Role: RoleSupervisor}, "", ""},
		{"other unit", ReportInput{Period: "2021-06", Value: f64(1)}, &User{Role: RoleReporter, UnitCode: "jyj"}, EFORBIDDEN, ""},
		{"leader reads only", ReportInput{Period: "2021-06", Value: f64(1)}, &User{Role: RoleReader}, EFORBIDDEN, ""},
		{"bad period form", ReportInput{Period: "2021-6", Value: f64(1)}, reporter, EINVALID, "period"},
		{"future period", ReportInput{Period: "2021-09", Value: f64(1)}, reporter, EINVALID, "period"},
		{"outside plan", ReportInput{Period: "2020-12", Value: f64(1)}, reporter, EINVALID, "period"},
		{"negative count", ReportInput{Period: "2021-06", Value: f64(-3)}, reporter, EINVALID, "value"},
		{"missing value", ReportInput{Period: "2021-06"}, reporter, EINVALID, "value"},
		{"draft may omit value", ReportInput{Period: "2021-06", Draft: true}, reporter, "", ""},
		{"NaN", ReportInput{Period: "2021-06", Value: f64(math.NaN())}, reporter, EINVALID, "value"},
		{"stage on a task", ReportInput{Period: "2021-06", Value: f64(1), Stage: StageBuilding}, reporter, EINVALID, "stage"},
		{"negative investment", ReportInput{Period: "2021-06", Value: f64(1), Investment: f64(-1)}, reporter, EINVALID, "completed_investment"},
		{"largest float", ReportInput{Period: "2021-06", Value: f64(math.MaxFloat64)}, reporter, EINVALID, "value"},
		{"1.7e308", ReportInput{Period: "2021-06", Value: f64(1.7e308)}, reporter, EINVALID, "value"},
		{"+Inf", ReportInput{Period: "2021-06", Value: f64(math.Inf(1))}, reporter, EINVALID, "value"},
		{"-Inf", ReportInput{Period: "2021-06", Value: f64(math.Inf(-1))}, reporter, EINVALID, "value"},
		{"beyond 1000 times the target", ReportInput{Period: "2021-06", Value: f64(248001)}, reporter, EINVALID, "value"},
		{"1000 times the target", ReportInput{Period: "2021-06", Value: f64(248000)}, reporter, "", ""},
		{"absurd investment", ReportInput{Period: "2021-06", Value: f64(1), Investment: f64(1e300)}, reporter, EINVALID, "completed_investment"},
		{"NaN investment", ReportInput{Period: "2021-06", Value: f64(1), Investment: f64(math.NaN())}, reporter, EINVALID, "completed_investment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckReport(&tt.in, reportTarget(), tt.actor, today)
			if ErrorCode(err) != tt.code {
				t.Fatalf("err = %v, want code %q", err, tt.code)
			}
			if tt.field != "" && (len(ErrorFields(err)) == 0 || ErrorFields(err)[0].Field != tt.field) {
				t.Fatalf("fields = %v, want %s", ErrorFields(err), tt.field)
			}
		})
	}
}
