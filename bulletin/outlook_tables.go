package bulletin

import (
	"fmt"
	"strings"
)

func problemTable(o *Outlook) table {
	t := table{Name: "待解决问题", Head: []string{"序号", "问题", "事项", "类别", "提出单位", "需协调", "状态", "解决期限", "升级"}}
	for i, p := range o.Problems {
		due := p.Deadline.String()
		if p.Overdue {
			due += "（已超期）"
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(i + 1), p.Title, p.Item, p.Category, p.UnitName, p.NeedsName,
			p.State, due, p.LevelLabel()})
	}
	return t
}

func riskTable(o *Outlook) table {
	t := table{Name: "预计难以完成", Head: []string{"序号", "指标", "事项", "责任单位", "当前状态", "预测"}}
	for i, r := range o.Risks {
		t.Rows = append(t.Rows, []string{fmt.Sprint(i + 1), r.Name, r.Item, r.UnitName, r.Light, r.Warning})
	}
	return t
}

// outlook writes sections 三(四) and 三(五) when the bulletin has them.
func (w *docxWriter) outlook(d *Data) {
	o := d.Outlook
	if o == nil {
		return
	}
	w.h3("（四）待解决问题")
	w.body(o.ProblemLine(d.AsOf))
	if len(o.Problems) > 0 {
		w.docxTable(problemTable(o))
	}
	w.h3("（五）预计难以完成目标的事项")
	w.body(o.RiskLine())
	if len(o.Risks) > 0 {
		w.docxTable(riskTable(o))
	}
	if m := o.MethodLine(); m != "" {
		w.para(smallLine, `<w:sz w:val="21"/>`, m)
	}
}

// OutlookText is the look ahead as lines of text (for plain renderings and
// golden files); nil without an outlook.
func (d *Data) OutlookText() []string {
	o := d.Outlook
	if o == nil {
		return nil
	}
	out := []string{o.ProblemLine(d.AsOf)}
	for _, t := range []table{problemTable(o), riskTable(o)} {
		if t.Name == "预计难以完成" {
			out = append(out, o.RiskLine())
		}
		for _, r := range t.Rows {
			out = append(out, strings.Join(r, " | "))
		}
	}
	if m := o.MethodLine(); m != "" {
		out = append(out, m)
	}
	return out
}
