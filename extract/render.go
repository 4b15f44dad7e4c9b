package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
)

// WriteJSON writes r as indented JSON.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes r for a person: the outline with its targets, then every
// number of the text with why it was or was not taken.
func WriteText(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	p := r.Plan
	fmt.Fprintf(bw, "计划 (plan)：%s\n", orDash(p.Title))
	fmt.Fprintf(bw, "年度 (year)：%s\n", orDash(yearText(p.Year)))
	if len(p.Framework) > 0 {
		fmt.Fprintf(bw, "框架 (framework)：%s\n", strings.Join(p.Framework, "、"))
	}
	fmt.Fprintf(bw, "目标 (targets)：%d 项\n", len(r.Targets))
	if len(p.Targets) > 0 {
		fmt.Fprintf(bw, "\n总体目标 (plan-level targets)：\n")
		writeTargets(bw, r, p.Targets)
	}
	for i, a := range p.Areas {
		fmt.Fprintf(bw, "\n领域 %d (area)：%s\n", i+1, a.Title)
		for j, tk := range a.Tasks {
			fmt.Fprintf(bw, "  任务 %d.%d (task)：%s\n", i+1, j+1, tk.Title)
			writeTargets(bw, r, tk.Targets)
		}
	}
	if len(r.Decisions) > 0 {
		fmt.Fprintf(bw, "\n数字判断 (decisions)：\n")
		for _, d := range r.Decisions {
			fmt.Fprintf(bw, "  %s — %s  [%d–%d]\n", d.Text, decisionText(d), d.Start, d.End)
		}
	}
	return bw.Flush()
}

func writeTargets(w io.Writer, r *Result, idx []int) {
	for _, k := range idx {
		if k >= 0 && k < len(r.Targets) {
			writeTarget(w, &r.Targets[k])
		}
	}
}

func writeTarget(w io.Writer, t *Target) {
	fmt.Fprintf(w, "    指标 (target)：%s %s %s%s，期限 %s，%s\n", t.Subject, comparatorText(t.Comparator),
		formatValue(t.Value), t.Unit, deadlineText(t.Deadline), commitmentText(t.Commitment))
	fmt.Fprintf(w, "      原文 (quote)：「%s」 [%d–%d]\n", t.Quote, t.Start, t.End)
}

func decisionText(d Decision) string {
	if d.Taken {
		return d.Reason
	}
	return "跳过：" + d.Reason
}

func comparatorText(c duban.Comparator) string {
	switch c {
	case duban.AtLeast:
		return "≥"
	case duban.AtMost:
		return "≤"
	case duban.About:
		return "≈"
	}
	return "="
}

func commitmentText(c duban.Commitment) string {
	if c == duban.Aspirational {
		return "力争 (aspirational)"
	}
	return "确保 (firm)"
}

func deadlineText(d *duban.Date) string {
	if d == nil || d.IsZero() {
		return "未定 (none)"
	}
	return d.String()
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
