package ui

import (
	"fmt"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Rate and level items (status.Result.Rate: a growth rate, a share, an
// air-quality figure) are judged by their light, not averaged into the
// headline's progress: the pages show their value against the target and
// the light, never a progress bar against 序时进度 nor a gap in points.

// knowIndicators lets the page name the targets of these indicators (by
// code) in Why and RateText.
func (p *page) knowIndicators(inds []duban.Indicator) {
	if p.inds == nil {
		p.inds = make(map[string]*duban.Indicator, len(inds))
	}
	for i := range inds {
		p.inds[inds[i].Code] = &inds[i]
	}
}

// TargetText is an indicator's target in words: 不少于 7.5%, at least 7.5%;
// a target given by milestones alone reads 按里程碑 / by milestones.
func (p *page) TargetText(ind duban.Indicator) string {
	if ind.Target == nil {
		if ind.Kind == duban.MilestoneOnly {
			return p.T("item.by_milestones")
		}
		return "—"
	}
	return p.Cmp(ind.Comparator) + " " + p.Amount(ind.Target, ind.Unit)
}

// Amount is a number with its unit: 8.2%, 3000万元; in English the unit
// is translated (3000 10k yuan) and a counting word dropped (12个 → 12).
func (p *page) Amount(v *float64, unit string) string {
	if v == nil {
		return "—"
	}
	n := formatNum(v)
	if unit == "%" || unit == "" {
		return n + unit
	}
	if p.Lang == langEN {
		if unit = duban.UnitEN(unit); unit == "" {
			return n
		}
		return n + " " + unit
	}
	return n + unit
}

// TargetOf is TargetText of a known indicator, by code.
func (p *page) TargetOf(code string) string {
	if ind := p.inds[code]; ind != nil {
		return p.TargetText(*ind)
	}
	return "—"
}

// UnitOf is the unit of a known indicator, by code.
func (p *page) UnitOf(code string) string {
	if ind := p.inds[code]; ind != nil {
		return ind.Unit
	}
	return ""
}

// UnitWord is a unit in the page's language ("" for a counting word in
// English).
func (p *page) UnitWord(unit string) string {
	if p.Lang == langEN {
		return duban.UnitEN(unit)
	}
	return unit
}

// Milestones counts milestones: 3 个节点, 1 milestone, 3 milestones.
func (p *page) Milestones(n int) string {
	return fmt.Sprintf(p.T(plural("review.milestones_n", n)), n)
}

// RateText is a rate item's latest value against its target:
// 当前 8.2%，目标不少于 7.5%.
func (p *page) RateText(res status.Result) string {
	return fmt.Sprintf(p.T("rate.text"), p.Amount(res.Value, p.UnitOf(res.Indicator)), p.TargetOf(res.Indicator))
}

// Why explains an item's light in the page's language. A rate item judged
// on its value reads its value against its target (the status package's
// sentence compares it with 序时进度, which does not apply to it).
func (p *page) Why(res status.Result) string {
	if res.Rate && res.Value != nil {
		switch res.Status {
		case status.OnTrack, status.Warning, status.Lagging:
			return p.RateText(res)
		case status.Overdue:
			return fmt.Sprintf(p.T("rate.overdue"), res.Deadline) + p.RateText(res)
		}
	}
	if p.Lang == langEN {
		return res.Explanation.EN
	}
	return res.Explanation.ZH
}

// WhyOf is Why for one indicator the page need not know.
func (p *page) WhyOf(res status.Result, ind duban.Indicator) string {
	p.knowIndicators([]duban.Indicator{ind})
	return p.Why(res)
}
