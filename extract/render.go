package extract

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
)

// WriteJSON writes r as indented JSON, streamed: memory does not grow with
// the output.
func WriteJSON(w io.Writer, r *Result) error {
	j := newJSONWriter(w)
	j.open("", '{')
	j.plan(&r.Plan)
	j.open("targets", '[')
	for i := range r.Targets {
		j.target(&r.Targets[i])
	}
	j.close(']')
	if len(r.Decisions) > 0 {
		j.open("decisions", '[')
		for _, d := range r.Decisions {
			j.open("", '{')
			j.str("text", d.Text)
			j.int("start", d.Start)
			j.int("end", d.End)
			j.bool("taken", d.Taken)
			j.str("reason", d.Reason)
			j.close('}')
		}
		j.close(']')
	}
	j.close('}')
	j.w.WriteByte('\n')
	return j.w.Flush()
}

func (j *jsonWriter) plan(p *PlanOutline) {
	j.open("plan", '{')
	j.str("title", p.Title)
	j.int("year", p.Year)
	j.str("year_from", p.YearFrom)
	if p.YearEvidence != "" {
		j.str("year_evidence", p.YearEvidence)
	}
	j.strings("framework", p.Framework)
	if len(p.Targets) > 0 {
		j.ints("targets", p.Targets)
	}
	if p.Areas == nil {
		j.null("areas")
	} else {
		j.open("areas", '[')
		for _, a := range p.Areas {
			j.open("", '{')
			j.str("title", a.Title)
			j.open("tasks", '[')
			for _, t := range a.Tasks {
				j.open("", '{')
				j.str("title", t.Title)
				if len(t.Targets) > 0 {
					j.ints("targets", t.Targets)
				}
				j.close('}')
			}
			j.close(']')
			j.close('}')
		}
		j.close(']')
	}
	j.close('}')
}

func (j *jsonWriter) target(t *Target) {
	j.open("", '{')
	j.str("subject", t.Subject)
	j.float("value", t.Value)
	j.str("unit", t.Unit)
	j.str("comparator", string(t.Comparator))
	if t.Deadline == nil {
		j.null("deadline")
	} else {
		j.str("deadline", t.Deadline.String())
	}
	j.str("commitment", string(t.Commitment))
	j.str("quote", t.Quote)
	j.strings("path", t.Path)
	j.int("start", t.Start)
	j.int("end", t.End)
	if p := t.Progress; p != nil {
		j.open("progress", '{')
		j.float("value", p.Value)
		j.str("unit", p.Unit)
		if p.AsOf == nil {
			j.null("as_of")
		} else {
			j.str("as_of", p.AsOf.String())
		}
		j.str("quote", p.Quote)
		j.close('}')
	}
	j.close('}')
}

// WriteText writes r for a person: the outline with its targets, then every
// number of the text with why it was or was not taken.
func WriteText(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	p := r.Plan
	fmt.Fprintf(bw, "计划 (plan)：%s\n", orDash(p.Title))
	fmt.Fprintf(bw, "年度 (year)：%s\n", yearLine(p))
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

var yearSources = map[string]string{
	YearFromOption:   "由参数指定 (given)",
	YearFromTitle:    "读自标题 (from the title)",
	YearFromHeading:  "读自标题行 (from a heading)",
	YearFromLeadIn:   "读自导语 (from the lead-in)",
	YearFromDocument: "读自成文日期 (from the document's date)",
}

// yearLine says the plan year and where it came from.
func yearLine(p PlanOutline) string {
	if p.Year == 0 {
		return "— 原文未写明，请用 --year 指定 (the text states none: give --year)"
	}
	s := strconv.Itoa(p.Year) + "，" + yearSources[p.YearFrom]
	if p.YearEvidence != "" {
		s += "：「" + p.YearEvidence + "」"
	}
	return s
}
