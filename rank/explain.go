package rank

import (
	"fmt"
	"strings"
)

// explain says how row i got its score and, when it shares its score with
// a neighbour, which criterion put it before or after that neighbour.
func explain(rows []Row, i int, w Weights) Text {
	r := &rows[i]
	zh := fmt.Sprintf("第%d名，得分 %.2f = 序时完成率 %s×%g + 按时报送率 %s×%g − 滞后 %d 项×%g − 逾期 %d 项×%g − 超期未反馈督办单 %d 件×%g",
		r.Rank, r.Score, pct(r.Completion), w.Completion, pct(r.OnTime), w.OnTime, r.Red, w.Red,
		r.Overdue, w.Overdue, r.NoticesOverdue, w.NoticeOverdue)
	en := fmt.Sprintf("rank %d, score %.2f = completion %s×%g + on-time reporting %s×%g − %d red×%g − %d overdue×%g − %d late notice replies×%g",
		r.Rank, r.Score, pct(r.Completion), w.Completion, pct(r.OnTime), w.OnTime, r.Red, w.Red,
		r.Overdue, w.Overdue, r.NoticesOverdue, w.NoticeOverdue)
	if r.Judged == 0 {
		zh += "（暂无到期进度，完成率按100%计）"
		en += " (nothing due yet: completion counts as 100%)"
	}
	if r.ReportsDue == 0 {
		zh += "（本期无应报事项，报送率按100%计）"
		en += " (no report due: on-time counts as 100%)"
	}
	var tzh, ten []string
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(rows) || rows[j].Score != r.Score {
			continue
		}
		z, e := tie(r, &rows[j])
		tzh, ten = append(tzh, z), append(ten, e)
	}
	if len(tzh) > 0 {
		zh += "；" + strings.Join(tzh, "；")
		en += "; " + strings.Join(ten, "; ")
	}
	if l := r.List; l != "" {
		zh += "；列入" + l.Label()
		en += "; on the " + map[List]string{Honour: "honour list (红榜)", Shame: "shame list (黑榜)"}[l]
	}
	return Text{ZH: zh + "。", EN: en + "."}
}

// tie explains the order of two units with the same score.
func tie(r, o *Row) (zh, en string) {
	k, c := decider(r, o)
	if k < 0 {
		return fmt.Sprintf("与「%s」各项相同，并列第%d名", o.Name, r.Rank),
			fmt.Sprintf("equal to %s on every criterion: shares rank %d", o.Unit, r.Rank)
	}
	cr := criteria[k]
	show := func(x *Row) string {
		v := cr.key(x)
		if cr.pct {
			return pct(v)
		}
		return fmt.Sprint(-v)
	}
	where, whereEN := "排在其前", "ranks above"
	if c > 0 {
		where, whereEN = "排在其后", "ranks below"
		cr.zh, cr.en = cr.zhLow, cr.enLow
	}
	return fmt.Sprintf("与「%s」同分，因%s（%s 对 %s）%s", o.Name, cr.zh, show(r), show(o), where),
		fmt.Sprintf("same score as %s; %s (%s vs %s): %s it", o.Unit, cr.en, show(r), show(o), whereEN)
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }
