package extract

import (
	"time"

	"github.com/duban-dev/duban"
)

// timeKind tells what a time expression means for a number near it.
type timeKind int

const (
	timeDeadline timeKind = iota // 年底前, 6月底前, 3年内: a deadline
	timeDate                     // 1月15日, 2021年是…: a date, not a deadline
	timePast                     // 2020年, 去年, “十三五”期间: before the plan
	timeAsOf                     // 9月底 of 截至9月底: the date a progress figure stands at
)

// timeExpr is a time expression found in the text.
type timeExpr struct {
	start, end int
	kind       timeKind
	date       duban.Date // for timeDeadline; zero when the year is unknown
}

// parseTime reads a time expression at t[i], relative to the plan year.
func parseTime(t []rune, i, year int) (timeExpr, bool) {
	if e, ok := parseRelativeYear(t, i, year); ok {
		return e, true
	}
	if e, ok := parseFiveYearPlan(t, i, year); ok {
		return e, true
	}
	if !startsNumber(t, i) || i > 0 && (isDigit(t[i-1]) || t[i-1] == '.') {
		return timeExpr{}, false
	}
	n, ok := parseNumber(t, i)
	if !ok || n.percent != 0 || n.value != float64(int(n.value)) {
		return timeExpr{}, false
	}
	v := int(n.value)
	if n.end < len(t) && t[n.end] == '年' {
		if isYear(n, v) {
			e := parseAfterYear(t, i, n.end+1, v, year)
			if i > 0 && containsAny(t[i-1:i], "较比与同") {
				e.kind, e.date = timeDate, duban.Date{} // 较2020年下降13.5%: a base year
			}
			return e, true
		}
		return parseYearSpan(t, i, n.end+1, v, year)
	}
	if n.end < len(t) && t[n.end] == '月' && v >= 1 && v <= 12 && !n.digitRun {
		return parseAfterMonth(t, i, n.end+1, year, v, false), true
	}
	return timeExpr{}, false
}

func isYear(n number, v int) bool {
	return n.end-n.start == 4 && v >= 1900 && v <= 2200 && (n.digitRun || !n.chinese)
}

// relativeYears are words that place a deadline within or after the plan
// year, and words that place a number before it.
var relativeYears = []struct {
	word  string
	years int // years after the plan year; -1 for a past marker
	month time.Month
}{
	{"年底前", 0, 12}, {"年底", 0, 12}, {"年末", 0, 12}, {"年内", 0, 12},
	{"今年", 0, 12}, {"本年度", 0, 12}, {"本年", 0, 12}, {"当年", 0, 12},
	{"全年", 0, 12}, {"年度内", 0, 12}, {"上半年", 0, 6}, {"年中", 0, 6},
	{"下半年", 0, 12}, {"前三季度", 0, 9}, {"明年", 1, 12},
	{"去年", -1, 0}, {"过去", -1, 0}, {"已经", -1, 0}, {"以来", -1, 0},
	{"上一年", -1, 0}, {"已建成", -1, 0}, {"已完成", -1, 0}, {"已累计", -1, 0},
	{"已有", -1, 0}, {"已达", -1, 0}, {"完成了", -1, 0}, {"实现了", -1, 0},
	{"建成了", -1, 0}, {"增长了", -1, 0}, {"达到了", -1, 0},
	// progress: what is done so far, not what is committed
	{"截至", -1, 0}, {"截止到", -1, 0}, {"截止", -1, 0}, {"目前", -1, 0}, {"现已", -1, 0},
	{"完成率", -1, 0}, {"已", -1, 0},
}

// progressWords mark a progress statement among the past markers.
var progressWords = map[string]bool{
	"截至": true, "截止到": true, "截止": true, "目前": true, "现已": true, "完成率": true, "已": true,
	"已经": true, "已建成": true, "已完成": true, "已累计": true, "已有": true, "已达": true,
}

// asOfWords make the date after them an as-of date: 截至9月底.
var asOfWords = map[string]bool{"截至": true, "截止到": true, "截止": true}

var quarterWords = []struct {
	word  string
	month time.Month
}{
	{"第一季度", 3}, {"第二季度", 6}, {"第三季度", 9}, {"第四季度", 12},
	{"一季度", 3}, {"二季度", 6}, {"三季度", 9}, {"四季度", 12},
}

// relativeByFirst indexes relativeYears by first rune.
var relativeByFirst = func() map[rune][]int {
	m := map[rune][]int{}
	for k, w := range relativeYears {
		r := []rune(w.word)[0]
		m[r] = append(m[r], k)
	}
	return m
}()

func parseRelativeYear(t []rune, i, year int) (timeExpr, bool) {
	for _, k := range relativeByFirst[t[i]] {
		w := relativeYears[k]
		if !hasPrefixAt(t, i, w.word) {
			continue
		}
		end := i + len([]rune(w.word))
		if w.years < 0 {
			return timeExpr{start: i, end: end, kind: timePast}, true
		}
		end = skipWords(t, end, deadlineSuffixes...)
		return timeExpr{start: i, end: end, kind: timeDeadline, date: monthEnd(year+w.years, w.month, year)}, true
	}
	if hasPrefixAt(t, i, "上年") && (i == 0 || !containsAny(t[i-1:i], "比较同")) {
		return timeExpr{start: i, end: i + 2, kind: timePast}, true
	}
	if r := t[i]; r != '第' && r != '一' && r != '二' && r != '三' && r != '四' {
		return timeExpr{}, false
	}
	for _, q := range quarterWords {
		if hasPrefixAt(t, i, q.word) {
			end := skipWords(t, i+len([]rune(q.word)), deadlineSuffixes...)
			return timeExpr{start: i, end: end, kind: timeDeadline, date: monthEnd(year, q.month, year)}, true
		}
	}
	return timeExpr{}, false
}

// parseFiveYearPlan reads 十四五期间 / “十四五”末: the end of a five-year
// plan period. 十四五 alone is a name and yields a date expression.
func parseFiveYearPlan(t []rune, i, year int) (timeExpr, bool) {
	if !hasPrefixAt(t, i, "十") || i+2 >= len(t) || t[i+2] != '五' {
		return timeExpr{}, false
	}
	d := chineseDigit(t[i+1])
	if d < 1 {
		return timeExpr{}, false
	}
	ordinal := 10 + d
	last := 1956 + 5*(ordinal-1) + 4 // the third plan began in 1966
	end := i + 3
	if end < len(t) && (t[end] == '”' || t[end] == '"' || t[end] == '’') {
		end++
	}
	e := timeExpr{start: i, end: i + 3, kind: timeDate}
	if after := skipWords(t, end, "期间", "时期", "末期", "末", "规划期"); after > end {
		e.end, e.kind, e.date = after, timeDeadline, duban.NewDate(last, 12, 31)
	}
	if year > 0 && last < year {
		e.kind, e.date = timePast, duban.Date{}
	}
	return e, true
}

// parseAfterYear reads what follows "2021年": 底前, 6月底前, 上半年 …
func parseAfterYear(t []rune, start, i, y, year int) timeExpr {
	e := timeExpr{start: start, end: i, kind: timeDeadline, date: duban.NewDate(y, 12, 31)}
	switch {
	case hasPrefixAt(t, i, "是") || hasPrefixAt(t, i, "以来") || hasPrefixAt(t, i, "开始"):
		e.kind, e.date = timeDate, duban.Date{}
	case hasPrefixAt(t, i, "上半年"):
		e.end, e.date = skipWords(t, i+3, deadlineSuffixes...), duban.EndOfMonth(y, 6)
	case hasPrefixAt(t, i, "下半年"):
		e.end = skipWords(t, i+3, deadlineSuffixes...)
	default:
		if m, ok := monthAt(t, i); ok {
			e = parseAfterMonth(t, start, m.end+1, y, int(m.value), true)
		} else {
			e.end = skipWords(t, i, "底前", "年底前", "末", "底", "前", "以前", "之前", "内")
		}
	}
	if year > 0 && e.kind == timeDeadline && y < year {
		e.kind, e.date = timePast, duban.Date{}
	}
	return e
}

func monthAt(t []rune, i int) (number, bool) {
	if i >= len(t) || !startsNumber(t, i) {
		return number{}, false
	}
	n, ok := parseNumber(t, i)
	if !ok || n.digitRun || n.value < 1 || n.value > 12 || n.value != float64(int(n.value)) ||
		n.end >= len(t) || t[n.end] != '月' {
		return number{}, false
	}
	return n, true
}

// parseAfterMonth reads what follows "6月": 底前, 份, 中旬, 15日前 …
// A day with no 前 is a date, not a deadline.
func parseAfterMonth(t []rune, start, i, y, m int, yearGiven bool) timeExpr {
	plan := y
	if !yearGiven {
		y = plan
	}
	e := timeExpr{start: start, end: i, kind: timeDeadline, date: monthEnd(y, time.Month(m), plan)}
	if hasPrefixAt(t, i, "上旬") || hasPrefixAt(t, i, "中旬") {
		day := 10
		if t[i] == '中' {
			day = 20
		}
		e.end = skipWords(t, i+2, "前", "以前", "之前")
		e.date = dateIf(y, time.Month(m), day)
		return e
	}
	if i < len(t) && startsNumber(t, i) {
		if d, ok := parseNumber(t, i); ok && d.end < len(t) && t[d.end] == '日' && d.value >= 1 && d.value <= 31 {
			e.end = d.end + 1
			if after := skipWords(t, e.end, "前", "以前", "之前"); after > e.end {
				e.end, e.date = after, dateIf(y, time.Month(m), int(d.value))
				return e
			}
			e.kind, e.date = timeDate, duban.Date{}
			return e
		}
	}
	e.end = skipWords(t, i, "底前", "末前", "份前", "底", "末", "份", "前", "以前", "之前", "下旬")
	return e
}

// parseYearSpan reads 3年内, 三年时间: a deadline N years on, counting the
// plan year as the first.
func parseYearSpan(t []rune, start, i, n, year int) (timeExpr, bool) {
	after := skipWords(t, i, "内", "时间", "左右时间", "之内")
	if after == i || n < 1 || n > 30 {
		return timeExpr{}, false // a duration or a count of years: the number reads it
	}
	return timeExpr{start: start, end: after, kind: timeDeadline, date: monthEnd(year+n-1, 12, year)}, true
}

// monthEnd is the last day of the month, or zero when the plan year is
// unknown (year 0).
func monthEnd(y int, m time.Month, planYear int) duban.Date {
	if planYear == 0 || y < 1 || m < 1 || m > 12 {
		return duban.Date{}
	}
	return duban.EndOfMonth(y, m)
}

func dateIf(y int, m time.Month, d int) duban.Date {
	if y == 0 {
		return duban.Date{}
	}
	date := duban.NewDate(y, m, d)
	if date.Month() != m {
		return duban.EndOfMonth(y, m)
	}
	return date
}

// deadlineSuffixes may follow a time word: 三季度末前, 上半年前.
var deadlineSuffixes = []string{"末以前", "底以前", "末前", "底前", "末", "底", "以前", "之前", "前"}

// skipWords skips one of the words at t[i], the first that matches.
func skipWords(t []rune, i int, words ...string) int {
	for _, w := range words {
		if hasPrefixAt(t, i, w) {
			return i + len([]rune(w))
		}
	}
	return i
}
