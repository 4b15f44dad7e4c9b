package status

import (
	"fmt"
	"strconv"

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
	if !cadence.Valid() {
		return ""
	}
	return duban.PeriodOf(cadence, d).String()
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

// periodSpan parses a period with the domain's parser, the one every way
// of reporting uses, and turns its error into a field error.
func periodSpan(cadence duban.Cadence, period string) (start, end duban.Date, err error) {
	if !cadence.Valid() {
		return start, end, periodError("cadence", "未知报送周期 %q (unknown cadence; want weekly, monthly or quarterly)", cadence)
	}
	p, perr := duban.ParsePeriod(cadence, period)
	if perr != nil {
		return start, end, periodError("period", "%s", perr.Error())
	}
	return p.Start, p.End, nil
}

func periodError(field, format string, args ...any) error {
	return duban.Invalid("报送期次有误 (invalid report period)", duban.FieldError{
		Field: field, Message: fmt.Sprintf(format, args...),
	})
}
