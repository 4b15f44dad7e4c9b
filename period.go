package duban

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is one reporting period of a cadence: 2021-07 (monthly), 2021-Q3
// (quarterly) or 2021-W28 (ISO week).
type Period struct {
	Cadence Cadence
	Start   Date
	End     Date
}

// ParsePeriod reads a period written in the cadence's form.
func ParsePeriod(c Cadence, s string) (Period, error) {
	bad := func(want string) (Period, error) {
		return Period{}, fmt.Errorf("报送期 %q 不符合%s周期，应写作 %s (period does not fit the %s cadence)", s, c.Label(), want, c)
	}
	switch c {
	case Monthly:
		t, err := time.Parse("2006-01", s)
		if err != nil || len(s) != 7 {
			return bad("2021-07")
		}
		return PeriodOf(c, DateOf(t)), nil
	case Quarterly:
		y, q, ok := splitPeriod(s, "-Q", 4)
		if !ok {
			return bad("2021-Q3")
		}
		return PeriodOf(c, NewDate(y, time.Month(3*q-2), 1)), nil
	case Weekly:
		y, w, ok := splitPeriod(s, "-W", 53)
		if !ok {
			return bad("2021-W28")
		}
		p := PeriodOf(c, isoWeekStart(y, w))
		if p.String() != s {
			return bad("2021-W28")
		}
		return p, nil
	}
	return Period{}, fmt.Errorf("未知报送周期 %q (unknown cadence)", c)
}

func splitPeriod(s, sep string, max int) (year, n int, ok bool) {
	a, b, found := strings.Cut(s, sep)
	if !found || len(a) != 4 || len(b) == 0 || len(b) > 2 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	return year, n, err1 == nil && err2 == nil && n >= 1 && n <= max
}

func isoWeekStart(year, week int) Date {
	jan4 := NewDate(year, time.January, 4)
	offset := (int(jan4.Time().Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(-offset + 7*(week-1))
}

// PeriodOf returns the period of the cadence that holds day d.
func PeriodOf(c Cadence, d Date) Period {
	switch c {
	case Quarterly:
		first := time.Month((int(d.Month())-1)/3*3 + 1)
		start := NewDate(d.Year(), first, 1)
		return Period{c, start, EndOfMonth(d.Year(), first+2)}
	case Weekly:
		start := d.AddDays(-((int(d.Time().Weekday()) + 6) % 7))
		return Period{c, start, start.AddDays(6)}
	}
	return Period{Monthly, NewDate(d.Year(), d.Month(), 1), EndOfMonth(d.Year(), d.Month())}
}

// String writes the period in its cadence's form.
func (p Period) String() string {
	switch p.Cadence {
	case Quarterly:
		return fmt.Sprintf("%d-Q%d", p.Start.Year(), (int(p.Start.Month())+2)/3)
	case Weekly:
		y, w := p.Start.Time().ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	}
	return fmt.Sprintf("%d-%02d", p.Start.Year(), int(p.Start.Month()))
}

// Next is the following period.
func (p Period) Next() Period { return PeriodOf(p.Cadence, p.End.AddDays(1)) }

// Prev is the preceding period.
func (p Period) Prev() Period { return PeriodOf(p.Cadence, p.Start.AddDays(-1)) }

// PeriodsBetween lists the periods that overlap [from, to], in order.
func PeriodsBetween(c Cadence, from, to Date) []Period {
	var out []Period
	for p := PeriodOf(c, from); !p.Start.After(to); p = p.Next() {
		out = append(out, p)
	}
	return out
}
