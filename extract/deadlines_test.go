package extract

import "testing"

func TestParseTime(t *testing.T) {
	const year = 2021
	for _, c := range []struct {
		in   string
		kind timeKind
		date string
		text string // the expression as read
	}{
		{"1月底前完成", timeDeadline, "2021-01-31", "1月底前"},
		{"6月底前", timeDeadline, "2021-06-30", "6月底前"},
		{"9月份", timeDeadline, "2021-09-30", "9月份"},
		{"3月中旬前", timeDeadline, "2021-03-20", "3月中旬前"},
		{"6月15日前", timeDeadline, "2021-06-15", "6月15日前"},
		{"1月15日召开", timeDate, "", "1月15日"},
		{"年底前", timeDeadline, "2021-12-31", "年底前"},
		{"年内", timeDeadline, "2021-12-31", "年内"},
		{"今年", timeDeadline, "2021-12-31", "今年"},
		{"上半年", timeDeadline, "2021-06-30", "上半年"},
		{"三季度末前", timeDeadline, "2021-09-30", "三季度末前"},
		{"第一季度", timeDeadline, "2021-03-31", "第一季度"},
		{"3年内", timeDeadline, "2023-12-31", "3年内"},
		{"三年时间", timeDeadline, "2023-12-31", "三年时间"},
		{"2022年6月底前", timeDeadline, "2022-06-30", "2022年6月底前"},
		{"2021年底前", timeDeadline, "2021-12-31", "2021年底前"},
		{"二〇二二年上半年", timeDeadline, "2022-06-30", "二〇二二年上半年"},
		{"到2025年", timeDeadline, "2025-12-31", "2025年"},
		{"十四五期间", timeDeadline, "2025-12-31", "十四五期间"},
		{"“十四五”末", timeDeadline, "2025-12-31", "十四五”末"},
		{"十三五期间", timePast, "", "十三五期间"},
		{"十四五规划", timeDate, "", "十四五"},
		{"2021年是开局之年", timeDate, "", "2021年"},
		{"2020年", timePast, "", "2020年"},
		{"去年", timePast, "", "去年"},
		{"上年", timePast, "", "上年"},
		{"明年", timeDeadline, "2022-12-31", "明年"},
	} {
		t.Run(c.in, func(t *testing.T) {
			r := []rune(c.in)
			var e timeExpr
			ok := false
			for i := range r {
				if e, ok = parseTime(r, i, year); ok {
					break
				}
			}
			if !ok {
				t.Fatal("no time expression")
			}
			if e.kind != c.kind || e.date.String() != c.date || string(r[e.start:e.end]) != c.text {
				t.Errorf("got kind %d date %q text %q, want %d %q %q", e.kind, e.date, string(r[e.start:e.end]), c.kind, c.date, c.text)
			}
		})
	}
}
