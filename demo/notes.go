package demo

import (
	"fmt"
	"math"
	"strconv"

	"github.com/duban-dev/duban"
)

// Notes are the short narratives a reporter writes with each report.

func (s *subject) cumulativeNote(p duban.Period, prev, v float64) string {
	ind := s.ind
	target := *ind.Target
	switch {
	case v == target:
		return fmt.Sprintf("%s已全部完成，累计%s%s。", ind.Name, num(v), ind.Unit)
	case p.End.After(s.deadline):
		return fmt.Sprintf("已过完成时限，累计完成%s%s，尚差%s%s，正在加紧推进。",
			num(v), ind.Unit, num(target-v), ind.Unit)
	case v == prev:
		return fmt.Sprintf("%s%s暂无新增，累计%s%s，正在加快推进。", periodWord(p), ind.Name, num(v), ind.Unit)
	}
	return fmt.Sprintf("%s%s新增%s%s，累计%s%s，目标%s%s。",
		periodWord(p), ind.Name, num(v-prev), ind.Unit, num(v), ind.Unit, num(target), ind.Unit)
}

func (s *subject) levelNote(p duban.Period, v float64) string {
	ind := s.ind
	return fmt.Sprintf("%s%s%s%s，目标%s%s%s。", periodName(p), ind.Name, num(v), ind.Unit,
		num(*ind.Target), ind.Unit, comparatorWord(ind.Comparator))
}

func (s *subject) milestoneNote(prev, done int) string {
	ms := s.ind.Milestones
	switch {
	case done >= len(ms):
		return fmt.Sprintf("已完成：%s。全部节点已完成。", milestoneText(ms[len(ms)-1]))
	case done > prev:
		return fmt.Sprintf("已完成：%s；下一步：%s。", milestoneText(ms[done-1]), milestoneText(ms[done]))
	}
	return fmt.Sprintf("正在推进：%s。", milestoneText(ms[done]))
}

func milestoneText(m duban.Milestone) string {
	if m.Description != "" {
		return m.Description
	}
	return m.Date.String() + "节点"
}

func periodWord(p duban.Period) string {
	switch p.Cadence {
	case duban.Quarterly:
		return "本季度"
	case duban.Weekly:
		return "本周"
	}
	return "本月"
}

var quarterNames = []string{"一", "二", "三", "四"}

// periodName names the period in words, e.g. 2021年第二季度.
func periodName(p duban.Period) string {
	switch p.Cadence {
	case duban.Quarterly:
		return fmt.Sprintf("%d年第%s季度", p.Start.Year(), quarterNames[(int(p.Start.Month())-1)/3])
	case duban.Weekly:
		return p.String() + "周"
	}
	return fmt.Sprintf("%d年%d月", p.Start.Year(), int(p.Start.Month()))
}

func comparatorWord(c duban.Comparator) string {
	switch c {
	case duban.AtLeast:
		return "以上"
	case duban.AtMost:
		return "以内"
	case duban.About:
		return "左右"
	}
	return ""
}

func num(f float64) string { return strconv.FormatFloat(math.Round(f*1e4)/1e4, 'f', -1, 64) }
