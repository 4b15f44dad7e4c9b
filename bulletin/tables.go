package bulletin

import "fmt"

// A table as rows of text, shared by the DOCX and XLSX renderings.
type table struct {
	Name string // sheet name
	Head []string
	Rows [][]string
}

func itemTable(name string, items []Item) table {
	t := table{Name: name, Head: []string{"序号", "事项", "指标", "责任单位", "状态", "进度", "序时进度", "完成时限", "情况说明"}}
	for i, it := range items {
		t.Rows = append(t.Rows, []string{fmt.Sprint(i + 1), it.Title, it.Name, it.UnitName, it.Status.Label(),
			pct(it.Actual), pct(it.Expected), it.Deadline.String(), it.Note})
	}
	return t
}

func areaTable(d *Data) table {
	t := table{Name: "分领域", Head: []string{"领域", "指标数", "进度", "序时进度", "差距(百分点)", "滞后", "逾期", "未报送"}}
	for _, a := range d.Areas {
		t.Rows = append(t.Rows, []string{a.Title, fmt.Sprint(a.Items), pct(a.Progress), pct(a.Expected),
			fmt.Sprintf("%.1f", a.Gap), fmt.Sprint(a.Counts["lagging"]), fmt.Sprint(a.Counts["overdue"]),
			fmt.Sprint(a.Counts["not_reported"])})
	}
	return t
}

func noticeTable(d *Data) table {
	t := table{Name: "超期未反馈督办单", Head: []string{"督办单号", "责任单位", "等级", "反馈期限", "督办事项"}}
	for _, n := range d.Notices.Late {
		t.Rows = append(t.Rows, []string{n.Number, n.UnitName, n.Level, n.ReplyDue.String(), n.Issue})
	}
	return t
}

func rankingTable(d *Data) table {
	t := table{Name: "争先排名", Head: []string{"名次", "责任单位", "指标数", "序时完成率", "按时报送率", "滞后", "逾期",
		"超期未反馈", "得分", "榜单", "说明"}}
	for _, r := range d.Ranking.Rows {
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.Rank), r.Name, fmt.Sprint(r.Items), pct(r.Completion), pct(r.OnTime),
			fmt.Sprint(r.Red), fmt.Sprint(r.Overdue), fmt.Sprint(r.NoticesOverdue), fmt.Sprintf("%.2f", r.Score),
			r.List.Label(), r.Explanation.ZH})
	}
	return t
}

func movesTable(c *Changes) table {
	t := table{Name: "排名变化", Head: []string{"责任单位", "上期名次", "本期名次", "变化"}}
	for _, m := range c.Moves {
		t.Rows = append(t.Rows, []string{m.Name, fmt.Sprint(m.From), fmt.Sprint(m.To), m.String()})
	}
	return t
}

func lightsTable(c *Changes) table {
	t := table{Name: "状态变化", Head: []string{"事项", "责任单位", "上期", "本期"}}
	for _, l := range c.Lights {
		t.Rows = append(t.Rows, []string{l.Title, l.UnitName, l.From.Label(), l.To.Label()})
	}
	return t
}
