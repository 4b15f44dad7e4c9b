package duban

import (
	"fmt"
	"time"
)

// Date is a calendar day with no time of day or zone, written 2006-01-02.
// The zero Date means "not set".
type Date struct{ t time.Time }

const dateLayout = "2006-01-02"

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's location.
// Beijing is the time zone the product counts days in: a report sent at
// 07:00 on 1 July Beijing time was sent on 1 July, not on 30 June (UTC).
var Beijing = time.FixedZone("CST", 8*3600)

// Start is the first instant of the day in loc.
func (d Date) Start(loc *time.Location) time.Time {
	return time.Date(d.t.Year(), d.t.Month(), d.t.Day(), 0, 0, 0, 0, loc)
}

func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses 2006-01-02; the empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("不是有效日期 (not a valid date, want YYYY-MM-DD): %q", s)
	}
	return Date{t}, nil
}

// ParseDateField parses the value of a named field as ParseDate does and,
// when it is bad, appends an error naming the field to errs: for query
// parameters that are read together and refused together.
func ParseDateField(field, s string, errs *[]FieldError) Date {
	d, err := ParseDate(s)
	if err != nil {
		*errs = append(*errs, FieldError{Field: field, Message: err.Error()})
	}
	return d
}

// MustDate parses s and panics on error; for literals in code and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) IsZero() bool                 { return d.t.IsZero() }
func (d Date) Time() time.Time              { return d.t }
func (d Date) Year() int                    { return d.t.Year() }
func (d Date) Month() time.Month            { return d.t.Month() }
func (d Date) Day() int                     { return d.t.Day() }
func (d Date) Before(o Date) bool           { return d.t.Before(o.t) }
func (d Date) After(o Date) bool            { return d.t.After(o.t) }
func (d Date) AddDays(n int) Date           { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) DaysUntil(o Date) int         { return int(o.t.Sub(d.t).Hours() / 24) }
func (d Date) Compare(o Date) int           { return d.t.Compare(o.t) }
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// EndOfMonth returns the last day of the given month.
func EndOfMonth(year int, month time.Month) Date {
	return NewDate(year, month+1, 1).AddDays(-1)
}
