package status

import (
	"testing"

	"github.com/duban-dev/duban"
)

// The hundred-day window: 2021-01-01 .. 2021-04-10. On 2021-02-19 (day 50)
// 序时进度 is exactly 50% and the deadline is 50 days away.
const (
	hundredStart = "2021-01-01"
	hundredEnd   = "2021-04-10"
	dayFifty     = "2021-02-19"
)

func counted(target float64) duban.Indicator {
	return duban.Indicator{Code: "i", NodeCode: "n", Kind: duban.Cumulative, Comparator: duban.Equal,
		Target: f(target), Unit: "个", Cadence: duban.Monthly}
}

func hundred(ind duban.Indicator, obs *Observation) IndicatorInput {
	return IndicatorInput{Indicator: ind, Start: d(hundredStart), Deadline: d(hundredEnd), Latest: obs}
}

func janReport(v float64) *Observation { return &Observation{Period: "2021-01", Value: f(v)} }

func mustProfile(t testing.TB, name string) Profile {
	t.Helper()
	p, err := ProfileByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProfileBoundaries(t *testing.T) {
	tests := []struct {
		profile string
		value   float64 // of 100, against 序时进度 50%
		want    Status
	}{
		{"gap", 45, OnTrack},
		{"gap", 40, OnTrack}, // exactly 10 points behind
		{"gap", 39, Warning},
		{"gap", 20, Warning}, // exactly 30 points behind
		{"gap", 19, Lagging},
		{"gap", 80, OnTrack},   // ahead
		{"ratio", 40, OnTrack}, // exactly 80% of 序时进度
		{"ratio", 39, Warning},
		{"ratio", 30, Warning}, // exactly 60%
		{"ratio", 29, Lagging},
	}
	for _, tt := range tests {
		r := Evaluate(hundred(counted(100), janReport(tt.value)), d(dayFifty), mustProfile(t, tt.profile))
		if r.Status != tt.want {
			t.Errorf("%s profile, value %v: status %s, want %s (%s)", tt.profile, tt.value, r.Status, tt.want, r.Explanation.ZH)
		}
		assertNear(t, "Expected", r.Expected, 0.5)
		assertNear(t, "Actual", r.Actual, tt.value/100)
		assertNear(t, "Gap", r.Gap, 50-tt.value)
	}
}

func TestDeadlineProximity(t *testing.T) {
	p := mustProfile(t, "gap")
	ind := counted(100)
	tests := []struct {
		asOf string
		want Status
	}{
		{"2021-03-10", OnTrack}, // 31 days left
		{"2021-03-11", Warning}, // 30 days left
		{"2021-04-10", Warning}, // the deadline itself
		{"2021-04-11", Overdue},
	}
	for _, tt := range tests {
		// Always half a point behind schedule, so only the deadline can raise it.
		exp := Expected(&ind, d(hundredStart), d(hundredEnd), d(tt.asOf))
		in := hundred(ind, &Observation{Period: PeriodOf(duban.Monthly, d(tt.asOf)), Value: f(exp*100 - 0.5)})
		if r := Evaluate(in, d(tt.asOf), p); r.Status != tt.want {
			t.Errorf("%s: status %s, want %s", tt.asOf, r.Status, tt.want)
		}
	}
	custom := p
	custom.DeadlineDays = 60
	if r := Evaluate(hundred(ind, janReport(50)), d(dayFifty), custom); r.Status != Warning {
		t.Errorf("60-day proximity: status %s, want warning", r.Status)
	}
}

func TestNotReported(t *testing.T) {
	year := func(c duban.Cadence, latest string, reported ...string) IndicatorInput {
		ind := counted(100)
		ind.Cadence = c
		return IndicatorInput{Indicator: ind, PlanStart: d("2021-01-01"), PlanEnd: d("2021-12-31"),
			Latest: &Observation{Period: latest, Value: f(60)}, Reported: reported}
	}
	noGrace := mustProfile(t, "gap")
	noGrace.GraceDays = 0
	tests := []struct {
		name    string
		in      IndicatorInput
		asOf    string
		p       Profile
		missing string
	}{
		{"June due on 07-10, not yet missing", year(duban.Monthly, "2021-05"), "2021-07-10", Profile{}, ""},
		{"June missing from 07-11", year(duban.Monthly, "2021-05"), "2021-07-11", Profile{}, "2021-06"},
		{"June submitted, not yet approved", year(duban.Monthly, "2021-05", "2021-06"), "2021-07-11", Profile{}, ""},
		{"May missing while June's grace runs", year(duban.Monthly, "2021-04"), "2021-07-05", Profile{}, "2021-05"},
		{"no grace", year(duban.Monthly, "2021-05"), "2021-07-01", noGrace, "2021-06"},
		{"quarter due 04-10", year(duban.Quarterly, "2020-Q4"), "2021-04-10", Profile{}, ""},
		{"quarter missing", year(duban.Quarterly, "2020-Q4"), "2021-04-11", Profile{}, "2021-Q1"},
		// W26 (06-28..07-04) fell due on 07-14; W27 and W28 are still in grace.
		{"week beyond grace", year(duban.Weekly, "2021-W25"), "2021-07-20", Profile{}, "2021-W26"},
		{"week reported", year(duban.Weekly, "2021-W25", "2021-W26"), "2021-07-20", Profile{}, ""},
		{"first period still in grace", year(duban.Monthly, ""), "2021-02-05", Profile{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			if p.Name == "" {
				p = mustProfile(t, "gap")
			}
			r := Evaluate(tt.in, d(tt.asOf), p)
			if r.Missing != tt.missing {
				t.Errorf("Missing = %q, want %q (%s)", r.Missing, tt.missing, r.Explanation.ZH)
			}
			if (r.Status == NotReported) != (tt.missing != "") {
				t.Errorf("status %s with missing %q", r.Status, tt.missing)
			}
		})
	}
}

func TestEvaluateExplanations(t *testing.T) {
	gap := mustProfile(t, "gap")
	pm := duban.Indicator{Code: "pm", Kind: duban.Level, Comparator: duban.AtMost, Baseline: f(80), Target: f(50),
		Unit: "μg/m³", Cadence: duban.Monthly}
	cpi := duban.Indicator{Code: "cpi", Kind: duban.Level, Comparator: duban.About, Target: f(3), Tolerance: 0.5,
		Unit: "%", Cadence: duban.Monthly}
	growth := duban.Indicator{Code: "gdp", Kind: duban.Level, Comparator: duban.AtLeast, Target: f(7.5),
		Unit: "%", Cadence: duban.Quarterly}
	miles := duban.Indicator{Code: "m", Kind: duban.MilestoneOnly, Cadence: duban.Monthly, Milestones: []duban.Milestone{
		{Date: d("2021-03-31")}, {Date: d("2021-06-30")}, {Date: d("2021-09-30")}, {Date: d("2021-12-31")}}}
	yearOf := func(ind duban.Indicator, obs *Observation) IndicatorInput {
		return IndicatorInput{Indicator: ind, PlanStart: d("2021-01-01"), PlanEnd: d("2021-12-31"), Latest: obs}
	}
	tests := []struct {
		name   string
		in     IndicatorInput
		asOf   string
		status Status
		zh, en string
	}{
		{"behind", hundred(counted(100), janReport(27)), dayFifty, Warning,
			"序时进度 50%，实际完成 27%，落后 23 个百分点", "Expected 50%, actual 27%, 23 points behind"},
		{"ahead", hundred(counted(100), janReport(65)), dayFifty, OnTrack,
			"序时进度 50%，实际完成 65%，超前 15 个百分点", "Expected 50%, actual 65%, 15 points ahead"},
		{"on schedule", hundred(counted(200), janReport(100)), dayFifty, OnTrack,
			"序时进度 50%，实际完成 50%，与序时进度持平", "Expected 50%, actual 50%, on schedule"},
		{"done early", hundred(counted(270), janReport(275)), "2021-01-20", Done,
			"已完成：目标 270个，实际 275个", "Done: target 270, actual 275"},
		{"level done", yearOf(growth, &Observation{Period: "2021-Q2", Value: f(8.1)}), "2021-07-15", Done,
			"已完成：目标不低于 7.5%，实际 8.1%", "Done: target at least 7.5%, actual 8.1%"},
		// A rate is held to its target all year: 3% against at least 7.5%
		// is red in July whatever share of the year has passed, 6.3% yellow.
		{"level behind", yearOf(growth, &Observation{Period: "2021-Q2", Value: f(3)}), "2021-07-02", Lagging,
			"当前 3%，目标不低于 7.5%，为目标的 40%", "Value 3%, target at least 7.5%, 40% of the target"},
		{"level a little short", yearOf(growth, &Observation{Period: "2021-Q2", Value: f(6.3)}), "2021-07-02", Warning,
			"当前 6.3%，目标不低于 7.5%，为目标的 84%", "Value 6.3%, target at least 7.5%, 84% of the target"},
		{"level a little short in February", yearOf(growth, &Observation{Period: "2021-01", Value: f(6.3)}), "2021-02-02", Warning,
			"当前 6.3%，目标不低于 7.5%，为目标的 84%", "Value 6.3%, target at least 7.5%, 84% of the target"},
		{"overdue", hundred(counted(100), &Observation{Period: "2021-04", Value: f(60)}), "2021-04-22", Overdue,
			"逾期 12 天：截止日期 2021-04-10，实际完成 60%", "Overdue by 12 days: deadline 2021-04-10, actual 60%"},
		{"overdue unreported", hundred(counted(100), nil), "2021-05-01", Overdue,
			"逾期 21 天：截止日期 2021-04-10，尚无已审核的报送", "Overdue by 21 days: deadline 2021-04-10, no approved report"},
		{"not reported", yearOf(counted(100), &Observation{Period: "2021-05", Value: f(50)}), "2021-07-12", NotReported,
			"2021年6月 未报送（应于 2021-07-10 前报送）", "No report for 2021-06 (due by 2021-07-10)"},
		{"before start", IndicatorInput{Indicator: counted(10), Start: d("2021-03-01"), PlanEnd: d("2021-12-31")}, "2021-02-01", NotStarted,
			"未到开始日期 2021-03-01", "Starts on 2021-03-01"},
		{"no report yet", yearOf(counted(10), nil), "2021-01-20", NotStarted,
			"尚无已审核的报送", "No approved report yet"},
		{"no report near the deadline", hundred(counted(10), nil), "2021-03-20", NotReported,
			"2021年2月 未报送（应于 2021-03-10 前报送）", "No report for 2021-02 (due by 2021-03-10)"},
		{"unreported start near the deadline", IndicatorInput{Indicator: counted(10), Start: d("2021-03-20"), Deadline: d("2021-04-10")}, "2021-03-25", Warning,
			"尚无已审核的报送，距截止日期 16 天", "No approved report yet, 16 days to the deadline"},
		{"near the deadline", hundred(counted(100), &Observation{Period: "2021-03", Value: f(90)}), "2021-03-31", Warning,
			"序时进度 90%，实际完成 90%，与序时进度持平，距截止日期 10 天", "Expected 90%, actual 90%, on schedule, 10 days to the deadline"},
		{"inverse", hundred(pm, janReport(62)), dayFifty, OnTrack,
			"当前 62μg/m³，目标不高于 50μg/m³；序时进度 50%，实际完成 60%，超前 10 个百分点",
			"Value 62μg/m³, target at most 50μg/m³; Expected 50%, actual 60%, 10 points ahead"},
		{"inverse behind", hundred(pm, janReport(77)), dayFifty, Lagging,
			"当前 77μg/m³，目标不高于 50μg/m³；序时进度 50%，实际完成 10%，落后 40 个百分点",
			"Value 77μg/m³, target at most 50μg/m³; Expected 50%, actual 10%, 40 points behind"},
		{"inverse done", hundred(pm, janReport(48)), dayFifty, Done,
			"已完成：目标不高于 50μg/m³，实际 48μg/m³", "Done: target at most 50μg/m³, actual 48μg/m³"},
		{"band inside", hundred(cpi, janReport(3.4)), dayFifty, OnTrack,
			"当前 3.4%，目标 3%（±0.5%），在目标区间内", "Value 3.4%, target 3% (±0.5%), within the band"},
		{"band inside near the deadline", hundred(cpi, &Observation{Period: "2021-03", Value: f(2.6)}), "2021-04-01", OnTrack,
			"当前 2.6%，目标 3%（±0.5%），在目标区间内", "Value 2.6%, target 3% (±0.5%), within the band"},
		{"band slightly out", hundred(cpi, janReport(3.8)), dayFifty, Warning,
			"当前 3.8%，目标 3%（±0.5%），超出区间 0.3%", "Value 3.8%, target 3% (±0.5%), 0.3% outside the band"},
		{"band far out", hundred(cpi, janReport(4.2)), dayFifty, Lagging,
			"当前 4.2%，目标 3%（±0.5%），超出区间 0.7%", "Value 4.2%, target 3% (±0.5%), 0.7% outside the band"},
		{"band held to the deadline", hundred(cpi, &Observation{Period: "2021-04", Value: f(3.2)}), hundredEnd, Done,
			"已完成：目标 3%（±0.5%），实际 3.2%", "Done: target 3% (±0.5%), actual 3.2%"},
		{"milestones behind", yearOf(miles, &Observation{Period: "2021-09", MilestonesDone: 1}), "2021-10-15", Lagging,
			"应完成里程碑 3 个，已完成 1 个", "3 milestones due, 1 done"},
		{"milestones on track", yearOf(miles, &Observation{Period: "2021-09", MilestonesDone: 3}), "2021-10-15", OnTrack,
			"应完成里程碑 3 个，已完成 3 个", "3 milestones due, 3 done"},
		{"milestones done", yearOf(miles, &Observation{Period: "2021-11", MilestonesDone: 4}), "2021-12-05", Done,
			"已完成：里程碑 4 个全部完成", "Done: all 4 milestones reached"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(tt.in, d(tt.asOf), gap)
			if r.Status != tt.status {
				t.Errorf("status %s, want %s", r.Status, tt.status)
			}
			if r.Explanation.ZH != tt.zh {
				t.Errorf("ZH\n got %s\nwant %s", r.Explanation.ZH, tt.zh)
			}
			if r.Explanation.EN != tt.en {
				t.Errorf("EN\n got %s\nwant %s", r.Explanation.EN, tt.en)
			}
		})
	}
}

func TestEvaluateCarriesIdentityAndDates(t *testing.T) {
	in := IndicatorInput{Indicator: counted(10), PlanStart: d("2021-01-01"), PlanEnd: d("2021-12-31"),
		Deadline: d("2021-06-30"), Latest: &Observation{Period: "2021-03", Value: f(4)}}
	r := Evaluate(in, d("2021-04-05"), mustProfile(t, "gap"))
	if r.Indicator != "i" || r.Node != "n" || r.Period != "2021-03" || r.Value == nil || *r.Value != 4 {
		t.Errorf("identity = %+v", r)
	}
	if r.Start != d("2021-01-01") || r.Deadline != d("2021-06-30") || r.DaysLeft != 86 {
		t.Errorf("dates: start %s deadline %s days left %d", r.Start, r.Deadline, r.DaysLeft)
	}
}

func TestInputFromReports(t *testing.T) {
	ind := counted(10)
	ind.ID = 7
	node := &duban.Node{Start: d("2021-02-01"), Deadline: d("2021-09-30")}
	plan := &duban.Plan{PeriodStart: d("2021-01-01"), PeriodEnd: d("2021-12-31")}
	reports := []duban.Report{
		{IndicatorID: 7, Period: "2021-03", Version: 1, Value: f(3), State: duban.Approved},
		{IndicatorID: 7, Period: "2021-04", Version: 1, Value: f(5), State: duban.Returned},
		{IndicatorID: 7, Period: "2021-04", Version: 2, Value: f(4), State: duban.Approved},
		{IndicatorID: 7, Period: "2021-04", Version: 3, Value: f(4.5), State: duban.Approved},
		{IndicatorID: 7, Period: "2021-05", Version: 1, Value: f(6), State: duban.Submitted},
		{IndicatorID: 7, Period: "2021-06", Version: 1, Value: f(9), State: duban.Draft},
		{IndicatorID: 8, Period: "2021-07", Version: 1, Value: f(9), State: duban.Approved},
	}
	in := InputFromReports(ind, node, plan, reports)
	if in.Latest == nil || in.Latest.Period != "2021-04" || *in.Latest.Value != 4.5 {
		t.Errorf("Latest = %+v, want 2021-04 v3 (4.5)", in.Latest)
	}
	if want := []string{"2021-03", "2021-04", "2021-05"}; len(in.Reported) != 3 || in.Reported[0] != want[0] || in.Reported[2] != want[2] {
		t.Errorf("Reported = %v, want %v", in.Reported, want)
	}
	if in.Start != node.Start || in.Deadline != node.Deadline || in.PlanStart != plan.PeriodStart {
		t.Errorf("dates = %+v", in)
	}
}

// TestExplanationsReadInEnglish: units in English words (or none for a
// counting word), counts in the right number.
func TestExplanationsReadInEnglish(t *testing.T) {
	money := duban.Indicator{Code: "m", Kind: duban.Cumulative, Comparator: duban.AtLeast, Direction: duban.Increase,
		Cadence: duban.Monthly, Baseline: f(0), Target: f(5000), Unit: "万元"}
	roads := money
	roads.Target, roads.Unit = f(14), "条"
	for _, tt := range []struct {
		in   IndicatorInput
		asOf string
		want string
	}{
		{hundred(money, janReport(5100)), dayFifty, "Done: target at least 5000 10k yuan, actual 5100 10k yuan"},
		{hundred(roads, janReport(14)), dayFifty, "Done: target at least 14, actual 14"},
		{hundred(roads, &Observation{Period: "2021-04", Value: f(9)}), "2021-04-11", "Overdue by 1 day: deadline 2021-04-10, actual 64%"},
		{IndicatorInput{Indicator: roads, Start: d("2021-03-20"), Deadline: d("2021-04-10")}, "2021-04-09", "No approved report yet, 1 day to the deadline"},
	} {
		if got := Evaluate(tt.in, d(tt.asOf), mustProfile(t, "gap")).Explanation.EN; got != tt.want {
			t.Errorf("as of %s: %q, want %q", tt.asOf, got, tt.want)
		}
	}
}
