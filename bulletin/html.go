package bulletin

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/status"
)

//go:embed templates/bulletin.html.tmpl
var templateFS embed.FS

var page = template.Must(template.New("bulletin.html.tmpl").Funcs(template.FuncMap{
	"cdate": ChineseDate,
	"pct":   pct,
	"inc":   func(i int) int { return i + 1 },
	"dict":  dict,
	"light": func(s status.Status) template.HTML {
		return template.HTML(fmt.Sprintf(`<span class="light" style="background:%s"></span>%s`, s.Hex(), template.HTMLEscapeString(s.Label())))
	},
}).ParseFS(templateFS, "templates/bulletin.html.tmpl"))

// view is what the template sees.
type view struct {
	*Data
	Title                             string
	StatusChart, AreaChart            template.HTML
	RankingNote, Requirements, Copies string
}

// Title is the bulletin's title: 关于2021年6月…推进情况的通报.
func (d *Data) Title() string {
	return fmt.Sprintf("关于%s%s推进情况的通报", d.PeriodLabel, d.PlanTitle)
}

// HTML writes the bulletin as a printable HTML document.
func HTML(w io.Writer, d *Data) error {
	v := view{Data: d, Title: d.Title(), StatusChart: statusChart(d.Totals), AreaChart: areaChart(d.Areas),
		RankingNote: RankingNote, Requirements: Requirements, Copies: Copies}
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return fmt.Errorf("bulletin: render html: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func weightsText(w rank.Weights) string {
	return fmt.Sprintf("“序时完成率满分%g分、按时报送率满分%g分，每项滞后扣%g分、每项逾期扣%g分、每件督办单超期未反馈扣%g分”",
		w.Completion, w.OnTime, w.Red, w.Overdue, w.NoticeOverdue)
}

func listsText(b rank.Board) (string, bool) {
	var honour, shame []string
	for _, r := range b.Rows {
		switch r.List {
		case rank.Honour:
			honour = append(honour, r.Name)
		case rank.Shame:
			shame = append(shame, r.Name)
		}
	}
	var parts []string
	if len(honour) > 0 {
		parts = append(parts, "列入红榜的是"+strings.Join(honour, "、"))
	}
	if len(shame) > 0 {
		parts = append(parts, "列入黑榜的是"+strings.Join(shame, "、"))
	}
	return strings.Join(parts, "；"), len(parts) > 0
}

// ChineseDate writes a date as 2021年7月5日.
func ChineseDate(d duban.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

func gapText(gap float64) string {
	g := math.Round(math.Abs(gap)*10) / 10
	switch {
	case g == 0:
		return "与序时进度持平"
	case gap > 0:
		return fmt.Sprintf("落后序时进度%.1f个百分点", g)
	}
	return fmt.Sprintf("超出序时进度%.1f个百分点", g)
}

var digits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// chineseNumber writes 1–99 in Chinese numerals.
func chineseNumber(n int) string {
	switch {
	case n <= 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}

func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}
