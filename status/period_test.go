package status

import (
	"slices"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestPeriodSpan(t *testing.T) {
	tests := []struct {
		cadence    duban.Cadence
		period     string
		start, end string
	}{
		{duban.Monthly, "2021-07", "2021-07-01", "2021-07-31"},
		{duban.Monthly, "2021-02", "2021-02-01", "2021-02-28"},
		{duban.Monthly, "2024-02", "2024-02-01", "2024-02-29"},
		{duban.Monthly, "2021-12", "2021-12-01", "2021-12-31"},
		{duban.Quarterly, "2021-Q1", "2021-01-01", "2021-03-31"},
		{duban.Quarterly, "2021-Q3", "2021-07-01", "2021-09-30"},
		{duban.Quarterly, "2021-Q4", "2021-10-01", "2021-12-31"},
		{duban.Weekly, "2021-W01", "2021-01-04", "2021-01-10"},
		{duban.Weekly, "2021-W28", "2021-07-12", "2021-07-18"},
		{duban.Weekly, "2020-W53", "2020-12-28", "2021-01-03"},
		{duban.Weekly, "2021-W52", "2021-12-27", "2022-01-02"},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			if err := ValidPeriod(tt.cadence, tt.period); err != nil {
				t.Fatalf("ValidPeriod: %v", err)
			}
			start, err := PeriodStart(tt.cadence, tt.period)
			if err != nil || start != d(tt.start) {
				t.Errorf("PeriodStart = %v, %v; want %s", start, err, tt.start)
			}
			end, err := PeriodEnd(tt.cadence, tt.period)
			if err != nil || end != d(tt.end) {
				t.Errorf("PeriodEnd = %v, %v; want %s", end, err, tt.end)
			}
			if got := PeriodOf(tt.cadence, start); got != tt.period {
				t.Errorf("PeriodOf(start) = %q", got)
			}
			if got := PeriodOf(tt.cadence, end); got != tt.period {
				t.Errorf("PeriodOf(end) = %q", got)
			}
		})
	}
}

func TestValidPeriodRefuses(t *testing.T) {
	tests := []struct {
		cadence duban.Cadence
		period  string
		want    string // in the field message
	}{
		{duban.Monthly, "2021-Q3", "fit the monthly cadence"},
		{duban.Monthly, "2021-13", "fit the monthly cadence"},
		{duban.Monthly, "2021-00", "fit the monthly cadence"},
		{duban.Monthly, "2021-7", "fit the monthly cadence"},
		{duban.Monthly, "21-07", "fit the monthly cadence"},
		{duban.Monthly, "", "fit the monthly cadence"},
		{duban.Quarterly, "2021-07", "fit the quarterly cadence"},
		{duban.Quarterly, "2021-Q5", "fit the quarterly cadence"},
		{duban.Quarterly, "2021-Q0", "fit the quarterly cadence"},
		{duban.Weekly, "2021-07", "fit the weekly cadence"},
		{duban.Weekly, "2021-W53", "fit the weekly cadence"}, // 2021 has 52 weeks
		{duban.Weekly, "2021-W00", "fit the weekly cadence"},
		{duban.Weekly, "2021-w28", "fit the weekly cadence"},
		{"daily", "2021-07-01", "unknown cadence"},
	}
	for _, tt := range tests {
		t.Run(string(tt.cadence)+"/"+tt.period, func(t *testing.T) {
			err := ValidPeriod(tt.cadence, tt.period)
			if duban.ErrorCode(err) != duban.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
			fields := duban.ErrorFields(err)
			if len(fields) != 1 || !strings.Contains(fields[0].Message, tt.want) {
				t.Errorf("fields = %v, want one mentioning %q", fields, tt.want)
			}
		})
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		cadence duban.Cadence
		date    string
		want    string
	}{
		{duban.Monthly, "2021-01-01", "2021-01"},
		{duban.Quarterly, "2021-05-15", "2021-Q2"},
		{duban.Quarterly, "2021-12-31", "2021-Q4"},
		{duban.Weekly, "2021-01-01", "2020-W53"},
		{duban.Weekly, "2021-07-14", "2021-W28"},
		{"", "2021-07-14", ""},
	}
	for _, tt := range tests {
		if got := PeriodOf(tt.cadence, d(tt.date)); got != tt.want {
			t.Errorf("PeriodOf(%s, %s) = %q, want %q", tt.cadence, tt.date, got, tt.want)
		}
	}
}

func TestPeriodsBetween(t *testing.T) {
	tests := []struct {
		cadence  duban.Cadence
		from, to string
		want     []string
	}{
		{duban.Monthly, "2021-01-15", "2021-04-01", []string{"2021-01", "2021-02", "2021-03", "2021-04"}},
		{duban.Quarterly, "2021-01-01", "2021-12-31", []string{"2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"}},
		{duban.Weekly, "2020-12-30", "2021-01-12", []string{"2020-W53", "2021-W01", "2021-W02"}},
		{duban.Monthly, "2021-05-01", "2021-04-01", nil},
	}
	for _, tt := range tests {
		got := PeriodsBetween(tt.cadence, d(tt.from), d(tt.to))
		if !slices.Equal(got, tt.want) {
			t.Errorf("PeriodsBetween(%s, %s, %s) = %v, want %v", tt.cadence, tt.from, tt.to, got, tt.want)
		}
	}
	if n := len(PeriodsBetween(duban.Weekly, d("2021-01-04"), d("2021-12-31"))); n != 52 {
		t.Errorf("weeks of 2021 = %d, want 52", n)
	}
}

func TestPeriodLabel(t *testing.T) {
	tests := []struct {
		cadence duban.Cadence
		period  string
		want    string
	}{
		{duban.Monthly, "2021-06", "2021年6月"},
		{duban.Quarterly, "2021-Q3", "2021年第3季度"},
		{duban.Weekly, "2021-W08", "2021年第8周"},
		{duban.Monthly, "junk", "junk"},
	}
	for _, tt := range tests {
		if got := PeriodLabel(tt.cadence, tt.period); got != tt.want {
			t.Errorf("PeriodLabel(%s) = %q, want %q", tt.period, got, tt.want)
		}
	}
}
