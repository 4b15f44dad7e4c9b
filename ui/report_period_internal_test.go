package ui

import (
	"testing"

	"github.com/duban-dev/duban"
)

func TestDefaultPeriod(t *testing.T) {
	plan := duban.MustDate("2021-01-01")
	cases := []struct {
		cadence     duban.Cadence
		today, from string
		want        string
	}{
		{duban.Quarterly, "2021-07-15", "", "2021-Q2"},           // the quarter ended, its report due
		{duban.Quarterly, "2021-09-27", "", "2021-Q3"},           // a quarter's closing days: its own report
		{duban.Quarterly, "2021-09-25", "", "2021-Q2"},           // not yet
		{duban.Quarterly, "2021-07-15", "2021-07-01", "2021-Q3"}, // begun in Q3: nothing before
		{duban.Quarterly, "2021-02-10", "", "2021-Q1"},           // Q4 2020 ended before the plan
		{duban.Monthly, "2021-07-15", "", "2021-06"},
		{duban.Monthly, "2021-07-28", "", "2021-07"},
		{duban.Monthly, "2021-07-01", "", "2021-06"},
		{duban.Weekly, "2021-07-15", "", "2021-W28"}, // Thursday: within the week's last five days
		{duban.Weekly, "2021-07-13", "", "2021-W27"},
	}
	for _, c := range cases {
		from := plan
		if c.from != "" {
			from = duban.MustDate(c.from)
		}
		if got := defaultPeriod(c.cadence, duban.MustDate(c.today), from); got != c.want {
			t.Errorf("%s on %s from %s: %s, want %s", c.cadence, c.today, from, got, c.want)
		}
	}
}
