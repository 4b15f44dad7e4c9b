package status

import (
	"fmt"
	"math"
	"strconv"

	"github.com/duban-dev/duban"
)

func (e *eval) explain(s Status) Explanation {
	var x Explanation
	switch s {
	case Done:
		x = e.explainDone()
	case Overdue:
		x = e.explainOverdue()
	case NotReported:
		x = e.explainMissing()
	default:
		if s == NotStarted || !e.m.Known {
			x = e.explainNotStarted()
			break
		}
		x = e.explainProgress()
	}
	if s == Warning && e.daysLeft() <= e.p.DeadlineDays {
		x.ZH += fmt.Sprintf("，距截止日期 %d 天", e.daysLeft())
		x.EN += fmt.Sprintf(", %d days to the deadline", e.daysLeft())
	}
	return x
}

func (e *eval) explainDone() Explanation {
	if e.ind.Kind == duban.MilestoneOnly {
		n := max(len(e.ind.Milestones), 1)
		return Explanation{
			ZH: fmt.Sprintf("已完成：里程碑 %d 个全部完成", n),
			EN: fmt.Sprintf("Done: all %d milestones reached", n),
		}
	}
	t := e.targetText()
	v := e.num(e.in.Latest.Value)
	return Explanation{
		ZH: fmt.Sprintf("已完成：%s，实际 %s", t.ZH, v),
		EN: fmt.Sprintf("Done: %s, actual %s", t.EN, v),
	}
}

func (e *eval) explainOverdue() Explanation {
	days := e.deadline.DaysUntil(e.asOf)
	x := Explanation{
		ZH: fmt.Sprintf("逾期 %d 天：截止日期 %s，", days, e.deadline),
		EN: fmt.Sprintf("Overdue by %d days: deadline %s, ", days, e.deadline),
	}
	if !e.m.Known {
		x.ZH += "尚无已审核的报送"
		x.EN += "no approved report"
		return x
	}
	x.ZH += fmt.Sprintf("实际完成 %d%%", pct(e.m.Progress))
	x.EN += fmt.Sprintf("actual %d%%", pct(e.m.Progress))
	return x
}

func (e *eval) explainMissing() Explanation {
	end, _ := PeriodEnd(e.ind.Cadence, e.missing)
	due := end.AddDays(e.p.GraceDays)
	return Explanation{
		ZH: fmt.Sprintf("%s 未报送（应于 %s 前报送）", PeriodLabel(e.ind.Cadence, e.missing), due),
		EN: fmt.Sprintf("No report for %s (due by %s)", e.missing, due),
	}
}

func (e *eval) explainNotStarted() Explanation {
	if e.asOf.Before(e.start) {
		return Explanation{
			ZH: fmt.Sprintf("未到开始日期 %s", e.start),
			EN: fmt.Sprintf("Starts on %s", e.start),
		}
	}
	return Explanation{ZH: "尚无已审核的报送", EN: "No approved report yet"}
}

func (e *eval) explainProgress() Explanation {
	switch {
	case e.ind.Kind == duban.MilestoneOnly:
		due, done := milestonesDue(e.ind, e.asOf), e.in.Latest.MilestonesDone
		return Explanation{
			ZH: fmt.Sprintf("应完成里程碑 %d 个，已完成 %d 个", due, done),
			EN: fmt.Sprintf("%d milestones due, %d done", due, done),
		}
	case e.isBand():
		return e.explainBand()
	case e.ind.Comparator == duban.AtMost:
		t, v := e.targetText(), e.num(e.in.Latest.Value)
		g := gapText(e.expected, e.m.Progress)
		return Explanation{
			ZH: fmt.Sprintf("当前 %s，%s；%s", v, t.ZH, g.ZH),
			EN: fmt.Sprintf("Value %s, %s; %s", v, t.EN, g.EN),
		}
	}
	return gapText(e.expected, e.m.Progress)
}

func (e *eval) explainBand() Explanation {
	t, v := e.targetText(), e.num(e.in.Latest.Value)
	if e.m.Met {
		return Explanation{
			ZH: fmt.Sprintf("当前 %s，%s，在目标区间内", v, t.ZH),
			EN: fmt.Sprintf("Value %s, %s, within the band", v, t.EN),
		}
	}
	out := e.num(&e.m.Outside)
	return Explanation{
		ZH: fmt.Sprintf("当前 %s，%s，超出区间 %s", v, t.ZH, out),
		EN: fmt.Sprintf("Value %s, %s, %s outside the band", v, t.EN, out),
	}
}

// gapText is the core sentence: 序时进度 54%，实际完成 31%，落后 23 个百分点.
// The points are the difference of the rounded percentages so the sentence
// adds up.
func gapText(expected, actual float64) Explanation {
	ep, ap := pct(expected), pct(actual)
	x := Explanation{
		ZH: fmt.Sprintf("序时进度 %d%%，实际完成 %d%%，", ep, ap),
		EN: fmt.Sprintf("Expected %d%%, actual %d%%, ", ep, ap),
	}
	switch d := ep - ap; {
	case d > 0:
		x.ZH += fmt.Sprintf("落后 %d 个百分点", d)
		x.EN += fmt.Sprintf("%d points behind", d)
	case d < 0:
		x.ZH += fmt.Sprintf("超前 %d 个百分点", -d)
		x.EN += fmt.Sprintf("%d points ahead", -d)
	default:
		x.ZH += "与序时进度持平"
		x.EN += "on schedule"
	}
	return x
}

// targetText names the target with its comparator: 目标 100个,
// 目标不低于 7.5%, 目标不高于 50μg/m³, 目标 3%（±0.5%）.
func (e *eval) targetText() Explanation {
	t := e.num(e.ind.Target)
	switch e.ind.Comparator {
	case duban.AtMost:
		return Explanation{ZH: "目标不高于 " + t, EN: "target at most " + t}
	case duban.About:
		tol := e.num(&e.ind.Tolerance)
		return Explanation{ZH: fmt.Sprintf("目标 %s（±%s）", t, tol), EN: fmt.Sprintf("target %s (±%s)", t, tol)}
	case duban.AtLeast:
		return Explanation{ZH: "目标不低于 " + t, EN: "target at least " + t}
	}
	return Explanation{ZH: "目标 " + t, EN: "target " + t}
}

// num writes a value with the indicator's unit; "—" when absent.
func (e *eval) num(v *float64) string {
	if v == nil {
		return "—"
	}
	return formatNumber(*v) + e.ind.Unit
}

func formatNumber(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

func pct(f float64) int { return int(math.Round(f * 100)) }
