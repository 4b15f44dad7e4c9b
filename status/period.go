package status

import (
	"fmt"
	"strconv"
	"time"

	"github.com/duban-dev/duban"
)

// Periods are written 2021-07 (monthly), 2021-Q3 (quarterly) and 2021-W28
// (weekly, ISO 8601 weeks starting on Monday). Within one cadence they sort
// as strings in time order.

// ValidPeriod checks that period is written the way cadence wants.
func ValidPeriod(cadence duban.Cadence, period string) error {
	_, _, err := periodSpan(cadence, period)
	return err
}

// PeriodStart is the first day of the period.
func PeriodStart(cadence duban.Cadence, period string) (duban.Date, error) {
	start, _, err := periodSpan(cadence, period)
	return start, err
}

// PeriodEnd is the last day of the period.
func PeriodEnd(cadence duban.Cadence, period string) (duban.Date, error) {
	_, end, err := periodSpan(cadence, period)
	return end, err
}

// PeriodOf is the period of cadence that holds d; "" for an unknown cadence.
func PeriodOf(cadence duban.Cadence, d duban.Date) string {
	switch cadence {
	case duban.Monthly:
		return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month()))
	case duban.Quarterly:
		return fmt.Sprintf("%04d-Q%d", d.Year(), (int(d.Month())+2)/3)
	case duban.Weekly:
		y, w := d.Time().ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return ""
}

// PeriodsBetween lists, in order, every period of cadence that overlaps the
// days from..to inclusive.
func PeriodsBetween(cadence duban.Cadence, from, to duban.Date) []string {
	var out []string
	for d := from; !d.After(to); {
		p := PeriodOf(cadence, d)
		end, err := PeriodEnd(cadence, p)
		if err != nil {
			return out
		}
		out = append(out, p)
		d = end.AddDays(1)
	}
	return out
}

// PeriodLabel is the Chinese name of a period: 2021年6月, 2021年第3季度,
// 2021年第28周. A period that does not parse is returned as written.
func PeriodLabel(cadence duban.Cadence, period string) string {
	if ValidPeriod(cadence, period) != nil {
		return period
	}
	y := period[:4]
	n, _ := strconv.Atoi(period[len(period)-2:])
	switch cadence {
	case duban.Monthly:
		return fmt.Sprintf("%s年%d月", y, n)
	case duban.Quarterly:
		return fmt.Sprintf("%s年第%s季度", y, period[6:])
	}
	return fmt.Sprintf("%s年第%d周", y, n)
}

// previousPeriod is the period just before p.
func previousPeriod(cadence duban.Cadence, p string) string {
	start, err := PeriodStart(cadence, p)
	if err != nil {
		return ""
	}
	return PeriodOf(cadence, start.AddDays(-1))
}

func periodSpan(cadence duban.Cadence, period string) (start, end duban.Date, err error) {
	switch cadence {
	case duban.Monthly:
		return monthSpan(period)
	case duban.Quarterly:
		return quarterSpan(period)
	case duban.Weekly:
		return weekSpan(period)
	}
	return start, end, periodError("cadence", "未知报送周期 %q (unknown cadence; want weekly, monthly or quarterly)", cadence)
}

func monthSpan(p string) (duban.Date, duban.Date, error) {
	y, ok := periodYear(p, 7, '-')
	m, mok := digits(p, 5, 7)
	if !ok || !mok || m < 1 || m > 12 {
		return duban.Date{}, duban.Date{}, periodError("period", "%q 不是有效的月份 (not a month; want YYYY-MM, e.g. 2021-07)", p)
	}
	return duban.NewDate(y, time.Month(m), 1), duban.EndOfMonth(y, time.Month(m)), nil
}

func quarterSpan(p string) (duban.Date, duban.Date, error) {
	y, ok := periodYear(p, 7, '-')
	q, qok := digits(p, 6, 7)
	if !ok || !qok || p[5] != 'Q' || q < 1 || q > 4 {
		return duban.Date{}, duban.Date{}, periodError("period", "%q 不是有效的季度 (not a quarter; want YYYY-Qn, e.g. 2021-Q3)", p)
	}
	first := time.Month(3*q - 2)
	return duban.NewDate(y, first, 1), duban.EndOfMonth(y, first+2), nil
}

func weekSpan(p string) (duban.Date, duban.Date, error) {
	y, ok := periodYear(p, 8, '-')
	w, wok := digits(p, 6, 8)
	bad := func() (duban.Date, duban.Date, error) {
		return duban.Date{}, duban.Date{}, periodError("period", "%q 不是有效的周 (not an ISO week; want YYYY-Www, e.g. 2021-W28)", p)
	}
	if !ok || !wok || p[5] != 'W' || w < 1 || w > 53 {
		return bad()
	}
	jan4 := duban.NewDate(y, time.January, 4)
	week1 := jan4.AddDays(-((int(jan4.Time().Weekday()) + 6) % 7))
	start := week1.AddDays(7 * (w - 1))
	if gy, gw := start.Time().ISOWeek(); gy != y || gw != w {
		return bad() // week 53 in a year that has 52
	}
	return start, start.AddDays(6), nil
}

// periodYear reads the four-digit year of a period of length n whose fifth
// byte is sep.
func periodYear(p string, n int, sep byte) (int, bool) {
	if len(p) != n || p[4] != sep {
		return 0, false
	}
	y, ok := digits(p, 0, 4)
	return y, ok && y >= 1949 && y <= 2200
}

func digits(s string, from, to int) (int, bool) {
	if to > len(s) {
		return 0, false
	}
	n := 0
	for i := from; i < to; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func periodError(field, format string, args ...any) error {
	return duban.Invalid("报送期次有误 (invalid report period)", duban.FieldError{
		Field: field, Message: fmt.Sprintf(format, args...),
	})
}
