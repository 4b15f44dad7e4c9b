package duban

import (
	"testing"
	"time"
)

func TestDue(t *testing.T) {
	monthly := BulletinSchedule{Cadence: Monthly, Day: 5}
	quarterly := BulletinSchedule{Cadence: Quarterly, Day: 10}
	at := func(s string) time.Time { return MustDate(s).Time().Add(9 * time.Hour) }
	tests := []struct {
		s      BulletinSchedule
		last   string
		now    string
		period string
		due    bool
	}{
		{monthly, "", "2021-07-04", "2021-06", false},        // before the day
		{monthly, "", "2021-07-05", "2021-06", true},         // on the day
		{monthly, "2021-05", "2021-07-20", "2021-06", true},  // late, last is older
		{monthly, "2021-06", "2021-07-20", "2021-06", false}, // already issued
		{monthly, "2021-07", "2021-07-20", "2021-06", false}, // a later one exists
		{monthly, "2020-12", "2021-01-05", "2020-12", false}, // issued
		{monthly, "2020-11", "2021-01-05", "2020-12", true},  // across the year
		{quarterly, "2021-Q1", "2021-07-09", "2021-Q2", false},
		{quarterly, "2021-Q1", "2021-07-10", "2021-Q2", true},
		{quarterly, "2021-Q1", "2021-08-01", "2021-Q2", true},
		{BulletinSchedule{Cadence: Weekly, Day: 1}, "", "2021-07-10", "2021-W26", false}, // unsupported cadence
	}
	for _, tt := range tests {
		p, due := Due(tt.s, tt.last, at(tt.now))
		if p.String() != tt.period || due != tt.due {
			t.Errorf("Due(%v, %q, %s) = %s, %v; want %s, %v", tt.s, tt.last, tt.now, p, due, tt.period, tt.due)
		}
	}
}

func TestPlanBulletinDue(t *testing.T) {
	plan := Plan{PeriodStart: MustDate("2021-01-01"), PeriodEnd: MustDate("2021-12-31")}
	if _, due := plan.BulletinDue("", MustDate("2021-07-05").Time()); due {
		t.Fatal("a plan without a schedule has no bulletin due")
	}
	plan.Bulletin = &BulletinSchedule{Cadence: Monthly, Day: 5}
	for now, want := range map[string]bool{"2021-07-05": true, "2021-01-05": false, "2022-01-05": true, "2022-02-05": false} {
		if _, due := plan.BulletinDue("", MustDate(now).Time()); due != want {
			t.Errorf("BulletinDue at %s = %v, want %v", now, due, want)
		}
	}
	if errs := (&BulletinSchedule{Cadence: Weekly, Day: 30}).Validate(); len(errs) != 2 {
		t.Fatalf("validate = %v", errs)
	}
	if got := BulletinNumber("二七督", 2021, 7); got != "二七督〔2021〕7号" {
		t.Fatalf("number = %q", got)
	}
}
