package bulletin

import (
	"fmt"
	"strings"
)

// The bulletin's sentences, shared by the HTML, DOCX and XLSX renderings.

// Opening introduces the bulletin.
func (d *Data) Opening() string {
	return fmt.Sprintf("现将%s《%s》推进情况通报如下（数据截至%s）。", d.PeriodLabel, d.PlanTitle, ChineseDate(d.AsOf))
}

// Overview is the first section's paragraph.
func (d *Data) Overview() string {
	if h := d.Headline; h != nil {
		return fmt.Sprintf("截至%s，%s", ChineseDate(d.AsOf), h.Sentence().ZH)
	}
	t := d.Totals
	return fmt.Sprintf("截至%s，纳入监测的指标共%d项，总体加权进度%s，序时进度%s，%s。其中，已完成%d项，正常推进%d项，预警%d项，滞后%d项，逾期%d项，未按时报送%d项，未开始%d项。",
		ChineseDate(d.AsOf), t.Items, pct(t.Progress), pct(t.Expected), gapText(t.Gap), t.Counts["done"],
		t.Counts["on_track"], t.Counts["warning"], t.Counts["lagging"], t.Counts["overdue"],
		t.Counts["not_reported"], t.Counts["not_started"])
}

// HowLine says how the overview's progress figure was computed, with each
// part's share and contribution; "" for bulletins stored without it.
func (d *Data) HowLine() string {
	h := d.Headline
	if h == nil || h.Measured == 0 {
		return ""
	}
	parts := make([]string, len(h.Parts))
	for i, p := range h.Parts {
		parts[i] = fmt.Sprintf("%s权重%g、占%s、进度%s、贡献%.1f个百分点", p.Title, p.Weight, pct(p.Share), pct(p.Progress), p.Contribution())
	}
	return fmt.Sprintf("计算方法：%s其中%s；合计%.1f%%。", h.Formula().ZH, strings.Join(parts, "；"), h.Progress*100)
}

// AreaLines are the second section's paragraphs, one per area.
func (d *Data) AreaLines() []string {
	out := make([]string, len(d.Areas))
	for i, a := range d.Areas {
		s := fmt.Sprintf("%s是%s。共%d项，进度%s，序时进度%s，%s", chineseNumber(i+1), a.Title, a.Items,
			pct(a.Progress), pct(a.Expected), gapText(a.Gap))
		if red, late := a.Counts["lagging"], a.Counts["overdue"]; red+late > 0 {
			s += fmt.Sprintf("，滞后%d项、逾期%d项", red, late)
		}
		out[i] = s + "。"
	}
	return out
}

// NoticeLine is the fourth section's paragraph.
func (d *Data) NoticeLine() string {
	n := d.Notices
	s := fmt.Sprintf("%s共下发督办单%d件，反馈%d件；截至%s，超过反馈期限未反馈%d件", d.PeriodLabel, n.Issued, n.Replied,
		ChineseDate(d.AsOf), n.Overdue)
	if len(n.Late) > 0 {
		s += "，具体如下"
	}
	return s + "。"
}

// RankingIntro is the fifth section's paragraph.
func (d *Data) RankingIntro() string {
	s := "按照" + weightsText(d.Ranking.Profile.Weights) + "的规则，对各责任单位综合评分排名如下"
	if lists, ok := listsText(d.Ranking); ok {
		s += "，" + lists
	}
	return s + "。"
}

// RankingNote states the tie-break order.
const RankingNote = "注：同分时依次比较序时完成率、按时报送率、逾期事项数、滞后事项数、超期未反馈督办单数；各项均相同的并列。"

// ChangesLine is the sixth section's paragraph.
func (d *Data) ChangesLine() string {
	c := d.Changes
	if c == nil {
		return "本期为首期通报，无上期数据可比。"
	}
	better, worse := c.Counts()
	var b strings.Builder
	fmt.Fprintf(&b, "与%s通报相比，", c.Previous)
	if len(c.Moves) > 0 {
		fmt.Fprintf(&b, "%d个单位排名发生变化；", len(c.Moves))
	} else {
		b.WriteString("各单位排名未发生变化；")
	}
	if len(c.Lights) > 0 {
		fmt.Fprintf(&b, "%d项指标状态发生变化，其中好转%d项、变差%d项。", len(c.Lights), better, worse)
	} else {
		b.WriteString("各项指标状态未发生变化。")
	}
	return b.String()
}

// Counts is how many lights improved and how many worsened.
func (c *Changes) Counts() (better, worse int) {
	for _, l := range c.Lights {
		if l.Better() {
			better++
		} else {
			worse++
		}
	}
	return better, worse
}

// Requirements closes the bulletin.
const Requirements = "各责任单位要对照通报指出的问题，逐项分析原因，制定整改措施，明确完成时限；对滞后、逾期事项，责任单位主要负责同志要亲自研究、亲自推动，确保按期完成年度目标任务。督查室将持续跟踪问效，对整改不力的单位按程序提请约谈。"

// Copies is the colophon's distribution line.
const Copies = "抄送：区委、区人大常委会、区政府、区政协领导。"

func (m Move) String() string {
	if m.Up() > 0 {
		return fmt.Sprintf("上升%d位", m.Up())
	}
	return fmt.Sprintf("下降%d位", -m.Up())
}
