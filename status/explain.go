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
		x.EN += ", " + countEN(e.daysLeft(), "day") + " to the deadline"
	}
	return x
}

func (e *eval) explainDone() Explanation {
	if e.ind.Kind == duban.MilestoneOnly {
		n := max(len(e.ind.Milestones), 1)
		return Explanation{
			ZH: fmt.Sprintf("已完成：里程碑 %d 个全部完成", n),
			EN: "Done: " + map[bool]string{true: "the milestone reached", false: fmt.Sprintf("all %d milestones reached", n)}[n == 1],
		}
	}
	t := e.targetText()
	return Explanation{
		ZH: fmt.Sprintf("已完成：%s，实际 %s", t.ZH, e.num(e.in.Latest.Value)),
		EN: fmt.Sprintf("Done: %s, actual %s", t.EN, e.numEN(e.in.Latest.Value)),
	}
}

func (e *eval) explainOverdue() Explanation {
	days := e.deadline.DaysUntil(e.asOf)
	x := Explanation{
		ZH: fmt.Sprintf("逾期 %d 天：截止日期 %s，", days, e.deadline),
		EN: fmt.Sprintf("Overdue by %s: deadline %s, ", countEN(days, "day"), e.deadline),
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
			EN: fmt.Sprintf("%s due, %d done", countEN(due, "milestone"), done),
		}
	case e.isBand():
		return e.explainBand()
	case e.isLevel():
		return e.explainLevel()
	case e.ind.Comparator == duban.AtMost:
		t := e.targetText()
		g := gapText(e.expected, e.m.Progress)
		return Explanation{
			ZH: fmt.Sprintf("当前 %s，%s；%s", e.num(e.in.Latest.Value), t.ZH, g.ZH),
			EN: fmt.Sprintf("Value %s, %s; %s", e.numEN(e.in.Latest.Value), t.EN, g.EN),
		}
	}
	return gapText(e.expected, e.m.Progress)
}

// explainLevel reads a rate against its target: 当前 6.3%，目标不低于
// 7.5%，为目标的 84%.
func (e *eval) explainLevel() Explanation {
	t := e.targetText()
	p := pct(e.m.Progress)
	return Explanation{
		ZH: fmt.Sprintf("当前 %s，%s，为目标的 %d%%", e.num(e.in.Latest.Value), t.ZH, p),
		EN: fmt.Sprintf("Value %s, %s, %d%% of the target", e.numEN(e.in.Latest.Value), t.EN, p),
	}
}

func (e *eval) explainBand() Explanation {
	t, v, vEN := e.targetText(), e.num(e.in.Latest.Value), e.numEN(e.in.Latest.Value)
	if e.m.Met {
		return Explanation{
			ZH: fmt.Sprintf("当前 %s，%s，在目标区间内", v, t.ZH),
			EN: fmt.Sprintf("Value %s, %s, within the band", vEN, t.EN),
		}
	}
	return Explanation{
		ZH: fmt.Sprintf("当前 %s，%s，超出区间 %s", v, t.ZH, e.num(&e.m.Outside)),
		EN: fmt.Sprintf("Value %s, %s, %s outside the band", vEN, t.EN, e.numEN(&e.m.Outside)),
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
		x.EN += countEN(d, "point") + " behind"
	case d < 0:
		x.ZH += fmt.Sprintf("超前 %d 个百分点", -d)
		x.EN += countEN(-d, "point") + " ahead"
	default:
		x.ZH += "与序时进度持平"
		x.EN += "on schedule"
	}
	return x
}

// targetText names the target with its comparator: 目标 100个,
// 目标不低于 7.5%, 目标不高于 50μg/m³, 目标 3%（±0.5%）.
func (e *eval) targetText() Explanation {
	t, en := e.num(e.ind.Target), e.numEN(e.ind.Target)
	switch e.ind.Comparator {
	case duban.AtMost:
		return Explanation{ZH: "目标不高于 " + t, EN: "target at most " + en}
	case duban.About:
		return Explanation{ZH: fmt.Sprintf("目标 %s（±%s）", t, e.num(&e.ind.Tolerance)),
			EN: fmt.Sprintf("target %s (±%s)", en, e.numEN(&e.ind.Tolerance))}
	case duban.AtLeast:
		return Explanation{ZH: "目标不低于 " + t, EN: "target at least " + en}
	}
	return Explanation{ZH: "目标 " + t, EN: "target " + en}
}

// num writes a value with the indicator's unit; "—" when absent.
func (e *eval) num(v *float64) string {
	if v == nil {
		return "—"
	}
	return formatNumber(*v) + e.ind.Unit
}

// numEN writes a value with the unit in English (duban.UnitEN): 3000 10k
// yuan, 12 for 12个, 7.5%.
func (e *eval) numEN(v *float64) string {
	if v == nil {
		return "—"
	}
	switch unit := duban.UnitEN(e.ind.Unit); {
	case unit == "":
		return formatNumber(*v)
	case unit[0] >= 'a' && unit[0] <= 'z', unit[0] >= '0' && unit[0] <= '9':
		return formatNumber(*v) + " " + unit // 5000 10k yuan, 21 km
	default:
		return formatNumber(*v) + unit
	}
}

// countEN writes a count with its noun in the right number: 1 day, 3 days.
func countEN(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func formatNumber(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

func pct(f float64) int { return int(math.Round(f * 100)) }
